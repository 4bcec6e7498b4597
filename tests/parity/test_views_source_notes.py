"""The sources' notes where people look: counted on /sources/, a page and a CSV per source, beside figures."""

from __future__ import annotations

import csv
import io

import pytest

from criticalmass.importers import padd, peacekeeping_gender
from tests.importers.helpers import PADD, PEACEKEEPING


@pytest.fixture
def noted(db):
    padd.import_file(PADD / "inconsistent.csv")  # 5 notes: 2 sums, a dropped cell, a total, one not coded


def test_it_counts_each_sources_notes_and_links_them(client, noted):
    page = client.get("/sources/").content.decode()
    assert '<a href="/sources/padd/notes/">5</a>' in page


def test_it_lists_a_sources_notes_with_line_kind_and_record(client, noted):
    page = client.get("/sources/padd/notes/").content.decode()
    assert "5 notes: 1 dropped-cell, 1 not-coded, 2 sum-mismatch, 1 total-not-coded." in page
    assert "AgtId 104 is listed but not coded" in page and "agreement:104" in page


def test_it_pages_the_notes(client, noted, settings, monkeypatch):
    monkeypatch.setattr("criticalmass.parity.views.NOTES_PAGE_SIZE", 2)
    page = client.get("/sources/padd/notes/?page=3").content.decode()
    assert "page 3 of 3" in page and "AgtId 104 is listed" in page and "AgtId 101" not in page


def test_it_downloads_a_sources_notes_as_csv(client, noted):
    response = client.get("/sources/padd/notes.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["source", "line", "kind", "severity", "subject", "message"]
    assert rows[-1][:5] == ["padd", "5", "not-coded", "info", "agreement:104"]
    assert len(rows) == 6


def test_it_answers_404_for_the_notes_of_an_unknown_source(client, db):
    assert client.get("/sources/nothing/notes/").status_code == 404


def test_it_says_how_many_agreements_the_source_lists_and_codes(client, noted):
    page = client.get("/negotiations/").content.decode()
    assert "4 agreements in the source: 3 coded, 1 not coded" in page
    assert "AgtId 104 is listed but not coded" in page


def test_it_shows_a_missions_notes_under_its_monthly_figures(client, db):
    peacekeeping_gender.import_file(PEACEKEEPING / "male_female_total.csv")
    page = client.get("/missions/unmil/").content.decode()
    assert "Individual Police: Male 21 + Female 10 = 31, but Total is 30" in page
    assert "/missions/unmil/trend-notes.csv" in page
    assert "Male 21 + Female 10" not in client.get("/missions/unmiss/").content.decode()
