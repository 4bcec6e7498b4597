"""A peace process's page: its agreements over time, their pillars, and women at the table."""

from __future__ import annotations

import pytest

from tests.agreements.world import build_agreements, csv_table


@pytest.fixture
def world(db):
    build_agreements()


def test_it_lists_the_process_agreements_oldest_first_with_their_pillars(client, world):
    rows = csv_table(client.get("/agreements/processes/pax-12/timeline.csv").content)
    assert [(row["date"], row["name"], row["pillars"]) for row in rows] == [
        ("2010-01-20", "Agreement 103", "Empowerment, Implementation"),
        ("2012-02-02", "Agreement 104", ""),
        ("2012-06-30", "Agreement 105", "Institutions and law"),
    ]


def test_it_shows_women_at_the_table_where_padd_counts_them_and_unknown_elsewhere(client, world):
    rows = csv_table(client.get("/agreements/processes/pax-7/timeline.csv").content)
    framework = next(row for row in rows if row["name"] == "Testland Framework Agreement")
    assert (framework["signatories"], framework["negotiators"]) == ("16.7", "25.0")
    html = client.get("/agreements/processes/pax-12/").content.decode()
    assert "unknown" in html


def test_it_cites_pax_and_padd_rows(client, world):
    rows = csv_table(client.get("/agreements/processes/pax-7/timeline.csv").content)
    assert rows[0]["source"] == ("PA-X Peace Agreements Database, version 10, good.csv, row 2; Peace "
                                 "Agreement Delegate Dataset (PADD) 1.0, agreement level, good.csv, row 2")


def test_it_answers_404_for_a_peace_operation_or_unknown_process(client, world, make_mission):
    make_mission("UNMISS")
    assert client.get("/agreements/processes/unmiss/").status_code == 404
    assert client.get("/agreements/processes/nowhere/").status_code == 404
