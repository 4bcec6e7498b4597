"""The IPU's figures on a country's profile: history beside the WPS Index's current figure, dated, cited,
as CSV and in the API."""

from __future__ import annotations

from decimal import Decimal

import pytest

from criticalmass.importers import ipu_parliaments
from criticalmass.watchdog.models import WpsIndexScore
from tests.agreements.world import csv_table
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "ipu_parliaments"

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(source):
    ipu_parliaments.import_file(FOLDER)
    WpsIndexScore.objects.create(
        country_id="RWA",
        edition=2025,
        rank=20,
        score=Decimal("0.8"),
        source=source,
        source_row=30,
        indicators={"Parliamentary Representation": {"value": 61.3}},
    )


def test_it_shows_the_ipu_figures_as_dated_history_after_the_current_wps_index(client, imported):
    body = client.get("/watchdog/countries/RWA/").content.decode()
    assert body.index("Georgetown WPS Index") < body.index("Women in parliament: history (IPU)")
    assert "Parliamentary Representation" in body
    assert (
        "Women in Rwanda&#x27;s parliament as of 1 September 2021: the IPU&#x27;s ranking (history)" in body
    )
    assert "Every election or renewal, 2013–2018 (2 rows)" in body
    assert "Data as of Sep 2021." in body
    assert "women_percent_as_of2021.csv, row 7" in body


def test_it_lists_the_notes_on_a_countrys_figures_under_them(client, imported):
    body = client.get("/watchdog/countries/HTI/").content.decode()
    assert "Haiti: the ranking gives no figure for the lower or single house" in body
    assert "HTI 1997 Upper: Total women is &#x27;?&#x27;, not a number; stored as unknown" in body


def test_it_gives_each_table_and_its_notes_as_csv(client, imported):
    ranking = csv_table(client.get("/watchdog/countries/RWA/parliament-ranking.csv").content)
    assert [
        (r["chamber"], r["rank"], r["seats"], r["women"], r["share"], r["last_election"]) for r in ranking
    ] == [
        ("Lower or single house", "1", "80", "49", "61.3", "2018-09-01"),
        ("Upper chamber", "", "26", "10", "38.5", "2019-09-01"),
    ]
    history = csv_table(client.get("/watchdog/countries/RWA/parliament-history.csv").content)
    assert [(r["year"], r["chamber"], r["share"]) for r in history] == [
        ("2013", "Lower house", "56.3"),
        ("2018", "Lower house", "61.3"),
    ]
    assert history[0]["source"] == (
        "IPU: women in national parliaments, history 1945–2018, "
        "women_in_parliament-historical_database-1945_to_2018.xlsx, row 7"
    )
    notes = csv_table(client.get("/watchdog/countries/HTI/parliament-ranking-notes.csv").content)
    assert [(n["line"], n["kind"]) for n in notes] == [("12", "no-figure")]
    assert client.get("/watchdog/countries/RWA/parliament-elsewhere.csv").status_code == 404


def test_it_gives_a_countrys_parliament_in_the_api(client, imported):
    found = client.get("/api/watchdog/countries/rwa/parliament").json()
    assert (found["iso3"], found["ranking_as_of"]) == ("RWA", "2021-09-01")
    assert found["ranking"][0] == {
        "chamber": "Lower or single house",
        "rank": 1,
        "last_election": "2018-09-01",
        "seats": 80,
        "women": 49,
        "share": 61.3,
        "source": "IPU: women in national parliaments, ranking as of 1 September 2021, "
        "women_percent_as_of2021.csv, row 7",
    }
    assert [(h["year"], h["share"]) for h in found["history"]] == [(2013, 56.3), (2018, 61.3)]
    assert client.get("/api/watchdog/countries/XYZ/parliament").status_code == 404


def test_it_says_when_nothing_is_imported(client, db):
    body = client.get("/watchdog/countries/RWA/").content.decode()
    assert "No IPU ranking imported for Rwanda" in body and "No IPU history imported for Rwanda." in body
