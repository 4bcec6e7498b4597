"""One figure, one route: the page's table, its CSV, the API and the briefing give the same values.

Each check reads what a user reads (the HTML table's cells, the CSV download, the JSON API, the
briefing) and compares them value by value, on fixtures and, when ../shared/data is present, on the
real files. Order matters too: ties are ranked the same way everywhere.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from criticalmass.briefings import build
from criticalmass.importers import padd, pax, pax_gender, peacekeeping_gender
from criticalmass.parity.models import Category, Process
from tests.agreements.world import build_agreements
from tests.parity.api_world import build_world
from tests.parity.pages_world import table

API = "/api/parity"


def csv_dicts(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content[:300]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def text(value) -> str:
    """A JSON value as the CSV writes it."""
    return "" if value is None else str(value)


def pct(value) -> str:
    return "unknown" if value is None else f"{value:.1f}%"


# ---- The checks ------------------------------------------------------------------------------

def check_ranking(client, role: str = Category.TOTAL, as_of: str | None = None) -> int:
    """The dashboard's mission ranking on a month (the latest by default): HTML (first page), CSV and
    API, row by row and in order, and the missions listed apart as closed the same way in each."""
    query = f"role={role}" + (f"&as_of={as_of}" if as_of else "")
    rows = csv_dicts(client.get(f"/data/ranking.csv?{query}"))
    body = client.get(f"{API}/missions/ranking?{query}").json()
    items = body["items"]
    assert [r["mission"] for r in rows] == [i["code"] or i["name"] for i in items]
    for row, item in zip(rows, items, strict=True):
        assert (row["rank"], row["share"], row["target"], row["gap"], row["trend"], row["status"]) == (
            text(item["rank"]), text(item["share"]), text(item["target"]), text(item["gap"]),
            text(item["slope"]), item["status"])
        assert (row["forecast_target"], row["forecast_parity"], row["source"]) == (
            text(item["forecast_target_year"]), text(item["forecast_parity_year"]), item["citation"])
        assert (row["latest"], row["forecast_note"]) == (
            text(item["latest_date"]), text(item["forecast_note"]))
    closed = csv_dicts(client.get(f"/data/closed.csv?{query}"))
    assert [(r["mission"], r["latest"], r["share"], r["end_date"], r["why"], r["source"])
            for r in closed] == [(i["code"] or i["name"], text(i["last_date"]), text(i["share"]),
                                  text(i["end_date"]), i["why"], i["citation"]) for i in body["closed"]]
    page = client.get(f"/?{query}")
    shown = table(page, "Peace operations ranked")
    assert [cells[1] for cells in shown] == [i["code"] or i["name"] for i in items[:len(shown)]]
    assert [cells[5] for cells in shown] == [pct(i["share"]) for i in items[:len(shown)]]
    if body["closed"]:
        apart = table(page, "Peace operations closed or not reporting")
        assert [(cells[0], cells[-1]) for cells in apart] == [(i["code"] or i["name"], i["why"])
                                                              for i in body["closed"]]
    if body["as_of"]:
        assert all(i["latest_date"] is None or i["latest_date"] <= body["as_of"] for i in items)
    return len(items)


def check_status(client) -> int:
    """The dashboard's status table: HTML, CSV and the API's series summary for each category."""
    rows = csv_dicts(client.get("/data/status.csv"))
    shown = table(client.get("/"), "Where each category stands")
    assert [cells[0] for cells in shown] == [row["series"] for row in rows]
    for row, cells in zip(rows, shown, strict=True):
        role = next(r for r in Category if r.label == row["series"])
        summary = client.get(f"{API}/series?role={role.value}").json()["summary"]
        assert (row["share"], row["target"], row["gap"], row["trend"], row["status"], row["source"]) == (
            text(summary["share"]), text(summary["target"]), text(summary["gap"]), text(summary["slope"]),
            summary["status"], summary["citation"])
        assert cells[3] == pct(summary["share"]) and summary["status"] in cells[1]
    return len(rows)


def check_mission_series(client, slug: str) -> int:
    """A mission's monthly series by category: its page's CSV, the API's series, the briefing."""
    rows = csv_dicts(client.get(f"/missions/{slug}/trend.csv"))
    compared = 0
    for role in Category:
        points = client.get(f"{API}/series?process={slug}&role={role.value}").json()["points"]
        mine = [row for row in rows if row["series"] == role.label]
        assert [(r["date"], r["women"], r["total"], r["share"], r["target"], r["source"]) for r in mine] == [
            (p["date"], text(p["women"]), text(p["total"]), text(p["share"]), text(p["target"]),
             p["citation"]) for p in points]
        compared += len(points)
    briefing = build.build({"audience": "donor", "mission": slug})
    summary = client.get(f"{API}/series?process={slug}&role=total").json()["summary"]
    if summary["share"] is not None:
        counts = f"({summary['women']:,} of {summary['total']:,})"
        assert briefing.figures[0].value == f"{pct(summary['share'])} {counts}"
        assert briefing.figures[0].source == summary["citation"]
    return compared


def check_overview(client, slug: str | None = None) -> int:
    """PADD: agreements reaching the floor per role: page CSV, API and (for a process) the briefing."""
    base = f"/negotiations/{slug}/" if slug else "/negotiations/"
    rows = csv_dicts(client.get(f"{base}overview.csv"))
    items = client.get(f"{API}/negotiations/overview" + (f"?process={slug}" if slug else "")).json()["items"]
    assert [(r["role"], r["with_data"], r["reached"], r["share"], r["source"]) for r in rows] == [
        (i["role_label"], text(i["with_data"]), text(i["reached"]), text(i["share"]), i["citation"])
        for i in items]
    if slug:
        quoted = {f.label: f for f in build.build({"audience": "donor", "process": slug}).figures
                  if f.label.startswith("Agreements with women at least")}
        wanted = [i for i in items if i["role"] in ("all_delegates", "signatories", "negotiators")
                  and i["with_data"]]
        assert [(f.value, f.source) for f in quoted.values()] == [
            (f"{i['reached']} of {i['with_data']}", i["citation"]) for i in wanted]
    return len(items)


def check_shares_by_year(client) -> int:
    """PA-X: agreements with gender provisions by year: the page's table, its CSV and the API."""
    rows = csv_dicts(client.get("/agreements/data/year.csv"))
    items = client.get("/api/agreements/shares?by=year").json()["items"]
    assert [(r["year"], r["agreements"], r["with_provisions"], r["share"], r["source"]) for r in rows] == [
        (i["group"], text(i["agreements"]), text(i["with_provisions"]), text(i["share"]), i["citation"])
        for i in items]
    caption = "Peace agreements with provisions on women, girls and gender, by year"
    shown = table(client.get("/agreements/"), caption)
    assert [cells[0] for cells in shown] == [i["group"] for i in items]
    assert [cells[3] for cells in shown] == [pct(i["share"]) for i in items]
    return len(items)


# ---- On fixtures -----------------------------------------------------------------------------

@pytest.fixture
def operations(make_mission, observe, source):
    world = build_world(make_mission, observe, source)
    # A tie: two missions with the same gap, whose codes and names sort in opposite orders.
    for code, name in [("AAA", "Zulu mission"), ("BBB", "Alpha mission")]:
        mission = make_mission(code, "COD")
        Process.objects.filter(pk=mission.pk).update(name=name)
        observe(mission, "2012-01-31", Category.TOTAL, women=6, total=60, country="IND")
    # A mission that closed in June 2011: ranked on January 2011, listed apart on January 2012.
    closed = make_mission("OLD", "COD")
    Process.objects.filter(pk=closed.pk).update(end_date="2011-06-30")
    observe(closed, "2011-01-31", Category.TOTAL, women=1, total=50, country="IND")
    return world


def test_it_ranks_missions_the_same_way_on_the_page_in_the_csv_and_in_the_api(client, operations):
    assert check_ranking(client) == 5
    codes = [row["mission"] for row in csv_dicts(client.get("/data/ranking.csv"))]
    assert codes.index("AAA") < codes.index("BBB")  # equal gaps: by code, not by name


def test_it_ranks_missions_on_a_chosen_month_the_same_way_everywhere(client, operations):
    assert check_ranking(client, as_of="2011-01") == 4  # AAA and BBB had not started; OLD had not closed
    ranked = [row["mission"] for row in csv_dicts(client.get("/data/ranking.csv?as_of=2011-01"))]
    assert "OLD" in ranked and "AAA" not in ranked
    apart = client.get(f"{API}/missions/ranking").json()["closed"]
    assert [(i["code"], i["last_date"], i["why"]) for i in apart] == [
        ("OLD", "2011-01-31",
         "closed 30 Jun 2011 (end date of the project's mission registry, no source cited)")]


def test_it_ranks_missions_whose_women_are_unknown_last_everywhere(client, operations):
    items = client.get(f"{API}/missions/ranking").json()["items"]
    assert (items[-1]["slug"], items[-1]["rank"], items[-1]["status"]) == ("unamid", None, "no data")
    check_ranking(client)


def test_it_gives_the_same_status_on_the_page_in_the_csv_and_in_the_api(client, operations):
    assert check_status(client) >= 2


def test_it_gives_a_missions_series_the_same_on_its_page_in_the_api_and_in_its_briefing(client,
                                                                                      operations):
    assert check_mission_series(client, "unmiss") >= 3


def test_it_counts_agreements_at_the_floor_the_same_on_the_page_in_the_api_and_in_briefings(client, db):
    build_agreements()
    assert check_overview(client) >= 2
    for slug in Process.objects.filter(kind=Process.Kind.NEGOTIATION, observations__isnull=False) \
            .values_list("slug", flat=True).distinct():
        check_overview(client, slug)


def test_it_gives_the_shares_by_year_the_same_on_the_page_in_the_csv_and_in_the_api(client, db):
    build_agreements()
    assert check_shares_by_year(client) >= 4


# ---- On the real files -------------------------------------------------------------------------

def real_file(data_dir: Path, relative: str) -> Path:
    path = data_dir / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    return path


@pytest.mark.realdata
def test_it_gives_every_figure_the_same_everywhere_on_the_real_files(client, db, data_dir):
    peacekeeping_gender.import_file(real_file(data_dir, "un_pko_gender_ipi/Gender.Full.csv"))
    pax.import_file(real_file(data_dir, "pax_v10/pax_all_agreements_v10.csv"))
    pax_gender.import_file(real_file(data_dir, "pax_gender_v9/pax_gender_v9.csv"))
    padd.import_file(real_file(data_dir, "padd/PADD_Agreement_Level.csv"))
    assert check_ranking(client) >= 15
    assert check_ranking(client, as_of="2010-12") >= 15
    assert check_ranking(client, Category.FORMED_POLICE) >= 5
    assert check_status(client) == 5
    for slug, points in [("unmiss", 100), ("minusma", 30), ("monusco", 100)]:  # MINUSMA: Jul 2013 on
        if Process.objects.filter(slug=slug).exists():
            assert check_mission_series(client, slug) > points
    assert check_overview(client) >= 2
    assert check_shares_by_year(client) >= 30
