"""How old the figures are: every table's date, the banner past the secretariat's threshold, forecasts
that say what they stand on, targets only from a policy's own years, and the ranking on one month."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from criticalmass.briefings import build
from criticalmass.lib.months import months_between
from criticalmass.parity import figures, queries, standing
from criticalmass.parity.models import Category, DataAgePolicy, Process, TargetPolicy
from tests.parity.pages_world import UGPS, build_operations, build_talks, csv_rows, fresh_cache, table  # noqa: F401

API = "/api/parity"
BANNER = ("These figures end in January 2012 (Test dataset, Jan 2011 – Jan 2012); "
          "nothing newer has been imported.")


@pytest.fixture
def world(make_mission, observe):
    return build_operations(make_mission, observe)


@pytest.fixture
def fast(make_mission, observe):
    """A mission rising ten points a year to 20% in January 2012: at that pace 30% in 2014, long past."""
    fast = make_mission("FAST", "COD")
    observe(fast, "2011-01-31", Category.TOTAL, women=10, total=100, country="IND")
    observe(fast, "2012-01-31", Category.TOTAL, women=20, total=100, country="IND")
    return fast


def test_it_dates_every_table_of_the_dashboard(client, world):
    body = client.get("/").content.decode()
    assert body.count('<span class="as-of">Data as of Jan 2012.</span>') == 3  # status, overall, ranking


def test_it_says_in_a_banner_when_the_latest_month_is_older_than_the_threshold(client, world):
    for page in ["/", "/missions/unmiss/", "/countries/GHA/"]:
        assert BANNER in client.get(page).content.decode(), page


def test_it_hides_the_banner_when_the_secretariat_raises_the_threshold(client, world):
    DataAgePolicy.objects.update(stale_after_months=1200)
    assert "nothing newer has been imported" not in client.get("/").content.decode()


def test_it_counts_the_age_in_months_from_today():
    age = figures.DataAge(dt.date(2014, 2, 28), [], 12, months_between((2014, 2), (2015, 2)))
    assert (age.months_old, age.stale) == (12, False)
    older = figures.DataAge(dt.date(2014, 2, 28), [], 12, months_between((2014, 2), (2015, 3)))
    assert older.stale


def test_it_says_a_forecast_stands_on_data_ending_in_its_last_month(client, world):
    summary = client.get(f"{API}/series?process=unmiss&role=troops").json()["summary"]
    assert (summary["data_ends"], summary["forecast_target_year"]) == ("2012-01-31", 2040)
    assert (summary["forecast_in_past"], summary["forecast_note"]) == (False, "from data ending Jan 2012")


def test_it_says_a_forecast_year_already_past_should_have_been_reached(client, world, fast):
    wanted = "should have been reached by 2014 at the 2011–2012 pace; no newer data"
    summary = client.get(f"{API}/series?process=fast").json()["summary"]
    assert (summary["forecast_target_year"], summary["forecast_in_past"]) == (2014, True)
    assert summary["forecast_note"] == wanted
    header, *rows = csv_rows(client.get("/data/ranking.csv"))
    ranked = {row["mission"]: row for row in (dict(zip(header, cells, strict=True)) for cells in rows)}
    assert ranked["FAST"]["forecast_note"] == wanted and ranked["FAST"]["forecast_target"] == "2014"
    briefing = build.build({"audience": "donor", "mission": "fast"})
    assert ("Target reached at the current pace in", wanted) in [(f.label, f.value) for f in briefing.figures]


def test_it_judges_a_month_against_the_target_of_its_own_year_only(db):
    ugps = TargetPolicy.objects.get(slug=UGPS)
    series = [standing.SeriesPoint(dt.date(2021, 12, 31), 15, 100),
              standing.SeriesPoint(dt.date(2022, 6, 30), 16, 100)]
    summary = standing.summarize(series, ugps, Category.EXPERTS_ON_MISSION)  # 2022's 19%, not 2021's 18%
    assert (summary.target.year, summary.target.value, summary.target.provenance) == (
        2022, 19.0, "linear interpolation")


def test_it_sets_no_target_before_the_un_strategy_starts(client, world):
    ugps = TargetPolicy.objects.get(slug=UGPS)
    summary = standing.summarize([standing.SeriesPoint(dt.date(2014, 2, 28), 5, 100)], ugps, Category.TROOPS)
    assert (summary.target, summary.no_target) == (None, "the policy starts in 2018")
    body = client.get(f"{API}/series?process=unmiss&role=troops&policy={UGPS}").json()
    assert {(p["target"], p["target_provenance"]) for p in body["points"]} == {
        (None, "none: the policy starts in 2018")}
    assert (body["summary"]["status"], body["summary"]["target_provenance"]) == (
        "no target", "none: the policy starts in 2018")


def test_it_still_holds_the_nearest_value_within_the_strategys_years(db):
    ugps = TargetPolicy.objects.get(slug=UGPS)
    held = standing.target_function(ugps, Category.TROOPS)(2019)
    assert (held.value, str(held.provenance)) == (8.0, "held from nearest official value")


def test_it_dates_a_briefing_by_the_data_it_quotes(client, world):
    body = client.get(reverse("briefings:briefing") + "?audience=donor&mission=unmiss").content.decode()
    assert f"Prepared {dt.date.today():%-d %B %Y} by Critical Mass from data ending January 2012." in body


# ---- The ranking on one month --------------------------------------------------------------------

@pytest.fixture
def closing(world, make_mission, observe):
    """OLD closed in June 2011 (its end date); QUIET has an open end but reported nothing after Jan 2011."""
    old, quiet = make_mission("OLD", "COD"), make_mission("QUIET", "COD")
    Process.objects.filter(pk=old.pk).update(end_date=dt.date(2011, 6, 30))
    for mission in (old, quiet):
        observe(mission, "2011-01-31", Category.TOTAL, women=1, total=50, country="IND")
    return world


def test_it_lists_missions_closed_by_the_month_apart_with_their_last_month(client, closing):
    body = client.get(f"{API}/missions/ranking").json()
    assert [i["code"] for i in body["items"]] == ["UNMISS", "MINUSMA"]
    assert [(i["code"], i["last_date"], i["end_date"], i["why"]) for i in body["closed"]] == [
        ("OLD", "2011-01-31", "2011-06-30",
         "closed 30 Jun 2011 (end date of the project's mission registry, no source cited)"),
        ("QUIET", "2011-01-31", None, "no month reported after Jan 2011 (the source's last month)"),
    ]
    assert body["as_of"] == "2012-01-31"


def test_it_ranks_every_mission_on_its_figures_of_the_month_asked_for(client, closing):
    body = client.get(f"{API}/missions/ranking?as_of=2011-01").json()
    assert body["as_of"] == "2011-01-31" and body["closed"] == []
    assert [(i["code"], i["latest_date"], i["share"]) for i in body["items"]] == [
        ("OLD", "2011-01-31", 2.0), ("QUIET", "2011-01-31", 2.0), ("UNMISS", "2011-01-31", 3.3),
        ("MINUSMA", "2011-01-31", 25.0)]


def test_it_ranks_a_mission_on_its_latest_month_within_the_secretariats_window(client, closing):
    DataAgePolicy.objects.update(report_window_months=13)
    codes = [i["code"] for i in client.get(f"{API}/missions/ranking").json()["items"]]
    assert "QUIET" in codes and "OLD" not in codes


def test_it_offers_the_months_of_the_data_on_the_dashboard(client, closing):
    body = client.get("/?as_of=2011-01").content.decode()
    assert '<option value="2011-01" selected>2011-01</option>' in body
    assert "Missions ranked by their gap to target, January 2011" in body
    ranking_csv = ("/data/ranking.csv?policy=escalating-to-parity&amp;role=total&amp;as_of=2011-01"
                   "&amp;header=labels")
    assert f'href="{ranking_csv}"' in body


def test_it_answers_a_month_that_is_not_one_with_404_on_pages_and_422_in_the_api(client, world):
    assert client.get("/?as_of=2014-13").status_code == 404
    assert client.get("/data/ranking.csv?as_of=feb").status_code == 404
    assert client.get(f"{API}/missions/ranking?as_of=2014-13").status_code in (400, 422)


def test_it_keeps_the_secretariats_thresholds_in_one_seeded_row(db):
    assert list(DataAgePolicy.objects.values_list("stale_after_months", "report_window_months")) == [(12, 3)]
    assert queries.data_age_policy().stale_after_months == 12


def test_it_calls_a_closed_missions_figures_final_not_old(client, closing):
    body = client.get("/missions/old/").content.decode()
    assert "These figures end in January 2011: the mission closed on 30 June 2011." not in body  # Jan < Jun
    assert "nothing newer has been imported" in body
    Process.objects.filter(code="OLD").update(end_date=dt.date(2011, 1, 31))
    body = client.get("/missions/old/").content.decode()
    assert "These figures end in January 2011: the mission closed on 31 January 2011." in body
    assert "nothing newer has been imported" not in body


def test_it_dates_the_negotiations_overview_by_its_latest_agreement(client, source):
    build_talks(source)
    assert '<span class="as-of">Data as of Sep 2018.</span>' in client.get("/negotiations/").content.decode()
