"""The renewal calendar: each mission's latest renewal ending this year or next, linked to its resolution,
citing the source that states the expiry and that source's date; a scorecard starts from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from criticalmass.agreements.models import Mandate
from criticalmass.agreements.renewal_figures import calendar_table
from criticalmass.importers import un_mandates
from tests.agreements.world import csv_table
from tests.conftest import FIXTURES

REGISTRY = FIXTURES / "un_mandates" / "all_mandates.csv"
DECEMBER_2026 = dt.date(2026, 12, 1)
REGISTRY_NAME = "UN Mandate Source Registry: peacekeeping mandates in the 2026/27 budget reports"

pytestmark = pytest.mark.django_db


PASSED = "date passed; a later renewal is not in the source"


def shown(today: dt.date) -> list[tuple[object, ...]]:
    return [(r["mission"], r["resolution"], r["expires"], r["status"]) for r in calendar_table(today).rows]


def test_it_lists_each_missions_latest_renewal_of_this_year_and_next_soonest_first():
    un_mandates.import_file(REGISTRY)
    assert shown(DECEMBER_2026) == [
        ("UNMISS", "S/RES/2779 (2025)", dt.date(2026, 4, 30), PASSED),
        ("UNDOF", "S/RES/2811 (2025)", dt.date(2026, 6, 30), PASSED),
        ("UNIFIL", "S/RES/2790 (2025)", dt.date(2026, 12, 31), "final extension; ends in 30 days"),
        ("UNABC", "S/RES/2898 (2026)", dt.date(2027, 3, 1), "ends in 90 days"),
    ]
    assert shown(dt.date(2028, 1, 1)) == []


def test_it_cites_the_registry_row_and_links_the_resolution_and_the_mission():
    un_mandates.import_file(REGISTRY)
    table = calendar_table(DECEMBER_2026)
    unifil = next(row for row in table.rows if row["mission"] == "UNIFIL")
    assert unifil["source"] == f"{REGISTRY_NAME}, all_mandates.csv, row 9"
    assert unifil["cited_in"] == "A/80/604/Add.12"
    html = table.html()
    assert '<a href="https://docs.un.org/en/S/RES/2790(2025)">S/RES/2790 (2025)</a>' in html
    assert '<a href="/agreements/missions/unifil/mandates/">UNIFIL</a>' in html
    # UNMIK states no renewal, UNXYZ's cannot be read, UNABC's link is not the UN's
    assert table.notes_count == 3


def test_it_says_a_mandate_entered_on_the_platform_was_recorded_here(make_mission):
    unmiss = make_mission("UNMISS")
    Mandate.objects.create(process=unmiss, resolution="S/RES/2729 (2024)", adopted=dt.date(2024, 4, 30),
                           expires=dt.date(2026, 5, 1))
    (row,) = calendar_table(DECEMBER_2026).rows
    assert (row["source"], row["as_of"], row["cited_in"]) == (
        "S/RES/2729 (2024), recorded on this platform", None, None)


def test_it_shows_the_calendar_with_its_notes_and_gives_it_as_csv(client, make_mission):
    un_mandates.import_file(REGISTRY)
    today = timezone.localdate()
    Mandate.objects.create(process=make_mission("MINUSMA", "MLI"), resolution="S/RES/2690 (2023)",
                           url="https://undocs.org/S/RES/2690(2023)", expires=today + dt.timedelta(days=40))
    body = client.get("/agreements/renewals/").content.decode()
    assert '<a href="https://undocs.org/S/RES/2690(2023)">S/RES/2690 (2023)</a>' in body
    assert "UNMIK: no description states a renewal with an expiry date" in body
    assert "Score S/RES/2690" not in body  # only reviewers and the secretariat score
    rows = csv_table(client.get("/agreements/renewals/calendar.csv").content)
    assert next(r for r in rows if r["mission"] == "MINUSMA")["source"] == (
        "S/RES/2690 (2023), recorded on this platform")


def test_it_lets_a_reviewer_start_the_scorecard_of_the_current_resolution(client_as, make_mission):
    un_mandates.import_file(REGISTRY)
    today = timezone.localdate()
    process = make_mission("MINUSMA", "MLI")
    mandate = Mandate.objects.create(process=process, resolution="S/RES/2690 (2023)", expires=today)
    body = client_as("reviewer").get("/agreements/renewals/").content.decode()
    assert f'href="/agreements/scorecards/?mandate={mandate.pk}">Score S/RES/2690 (2023)</a>' in body
    unmiss = Mandate.objects.get(resolution="S/RES/2779 (2025)")
    page = client_as("reviewer").get(f"/agreements/scorecards/?mandate={unmiss.pk}").content.decode()
    assert '<a href="https://docs.un.org/en/S/RES/2779(2025)">Read S/RES/2779 (2025)</a>' in page
    assert "mandate ends 30 April 2026 · as stated in A/80/604/Add.13" in page


def test_it_gives_the_source_and_its_date_of_each_mandate_in_the_api(client):
    un_mandates.import_file(REGISTRY)
    items = client.get("/api/agreements/mandates?process=unifil").json()["items"]
    assert [(m["resolution"], m["adopted"], m["cited_in"], m["final"], m["source"]) for m in items] == [
        ("S/RES/2790 (2025)", None, "A/80/604/Add.12", True, f"{REGISTRY_NAME}, all_mandates.csv, row 9")]


@pytest.mark.realdata
def test_it_shows_the_nine_renewals_of_the_real_registry_in_2026_and_2027(data_dir: Path):
    path = data_dir / "un_mandates_2026" / "pkm2026_all_mandates.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    un_mandates.import_file(path)
    table = calendar_table(DECEMBER_2026)
    assert [(r["mission"], r["expires"]) for r in table.rows] == [
        ("UNMISS", dt.date(2026, 4, 30)), ("UNDOF", dt.date(2026, 6, 30)),
        ("MINURSO", dt.date(2026, 10, 31)), ("MINUSCA", dt.date(2026, 11, 15)),
        ("UNISFA", dt.date(2026, 11, 15)), ("MONUSCO", dt.date(2026, 12, 20)),
        ("UNIFIL", dt.date(2026, 12, 31)), ("UNSOS", dt.date(2026, 12, 31)),
        ("UNFICYP", dt.date(2027, 1, 31))]
    assert table.as_of == dt.date(2026, 6, 23)
    assert table.rows[5]["status"] == "ends in 19 days" and table.rows[5]["resolution"] == "S/RES/2808 (2025)"
