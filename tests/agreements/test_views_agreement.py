"""One agreement's page: what PA-X says about it, its provisions by pillar, and who was at the table."""

from __future__ import annotations

import pytest

from tests.agreements.world import build_agreements, csv_table


@pytest.fixture
def world(db):
    build_agreements()


def test_it_shows_parties_date_stage_and_status(client, world):
    html = client.get("/agreements/105/").content.decode()
    assert "Agreement 105" in html and "30 June 2012" in html
    assert "Framework / substantive, partial" in html and "Multiparty signed/agreed" in html
    assert "Government of Otherland,<br>Otherland People&#x27;s Movement" in html


def test_it_lists_provisions_by_pillar_with_their_labels(client, world):
    rows = csv_table(client.get("/agreements/102/provisions.csv").content)
    assert [(row["pillar"], row["label"]) for row in rows] == [
        ("Participation", "Gender Quotas"), ("Participation", "Participation"),
        ("Protection", "Violence Against women"), ("Protection", "Sexual violence"),
    ]
    assert rows[0]["source"] == "PA-X Gender (women, girls and gender), version 9, good.csv, row 2"


def test_it_shows_a_code_in_no_pillar_as_such(client, world):
    rows = csv_table(client.get("/agreements/105/provisions.csv").content)
    assert ("", "Other") in [(row["pillar"], row["label"]) for row in rows]
    assert "no pillar" in client.get("/agreements/105/").content.decode()


def test_it_shows_who_was_at_the_table_from_padd(client, world):
    rows = csv_table(client.get("/agreements/101/delegates.csv").content)
    signatories = next(row for row in rows if row["role_label"] == "Signatories")
    assert (signatories["women"], signatories["total"], signatories["share"]) == ("1", "6", "16.7")
    assert signatories["source"].endswith("good.csv, row 2")


def test_it_says_when_padd_does_not_count_the_delegates(client, world):
    html = client.get("/agreements/106/").content.decode()
    assert "does not count this agreement's delegates" in html


@pytest.mark.parametrize("url", ["/agreements/999/", "/agreements/999/provisions.csv",
                                 "/agreements/101/nothing.csv"])
def test_it_answers_404_for_what_does_not_exist(client, world, url):
    assert client.get(url).status_code == 404
