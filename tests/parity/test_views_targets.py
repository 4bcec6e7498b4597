"""The targets page: each policy's year-by-year values, 2018-2030, with where each comes from."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import TargetPolicy
from tests.parity.pages_world import csv_rows, fresh_cache, table  # noqa: F401

ESCALATING = "Escalating to parity: target (%) by year"
UGPS = "UN Uniformed Gender Parity Strategy 2018-2028: target (%) by year"


@pytest.mark.parametrize("persona", [None, "visitor", "secretariat"])
def test_it_shows_the_targets_to_everyone(client_as, persona):
    assert client_as(persona).get("/targets/").status_code == 200


def test_it_gives_the_escalating_trajectory(client, db):
    rows = table(client.get("/targets/"), ESCALATING)
    assert rows[0][0] == "Every role"
    assert rows[0][1:] == [f"{v}.0% rule" for v in [30] * 8 + [35, 40, 45, 50, 50]]


def test_it_labels_each_un_strategy_value_with_its_provenance(client, db):
    troops = table(client.get("/targets/"), UGPS)[0]
    assert troops[0] == "Troops"
    assert troops[1] == "8.0% held from nearest official value"  # 2018
    assert troops[4] == "8.0% official"  # 2021
    assert troops[5] == "9.0% linear interpolation"  # 2022
    assert troops[11] == "15.0% official"  # 2028
    assert troops[13] == "15.0% held from nearest official value"  # 2030


def test_it_gives_each_policys_citation_and_anchor_citations(client, db):
    body = client.get("/targets/").content.decode()
    assert "Critical Mass coalition Charter demand" in body
    assert "elsiefund.org" in body


def test_it_follows_edits_to_a_policy(client, db):
    TargetPolicy.objects.filter(slug="escalating-to-parity").update(floor=40, start_year=2020)
    assert table(client.get("/targets/"), ESCALATING)[0][1:4] == ["40.0% rule", "40.0% rule", "40.0% rule"]


def test_it_links_the_secretariat_to_the_admin(client, db):
    assert 'href="/admin/parity/targetpolicy/"' in client.get("/targets/").content.decode()


def test_it_downloads_every_trajectory(client, db):
    rows = csv_rows(client.get("/targets/trajectories.csv"))
    assert rows[0] == ["policy", "role", "year", "target", "target_provenance", "source"]
    assert ["escalating-to-parity", "every role", "2026", "35.0", "rule", ""] in rows
    assert ["un-ugps-2018-2028", "Formed police units", "2025", "16.0", "linear interpolation", ""] in rows
