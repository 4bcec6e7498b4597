"""A contributing country's page: its deployments by mission and category, and its women's share by
category over time against the UN strategy's targets, each target labelled with its provenance."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import Category
from tests.parity.pages_world import (  # noqa: F401
    ESCALATING,
    applies_from_2010,
    build_operations,
    csv_rows,
    fresh_cache,
    table,
)

TREND = "Ghana's women's share by category and month"
MISSIONS = "Ghana's uniformed personnel by mission and category"


@pytest.fixture
def world(make_mission, observe):
    return build_operations(make_mission, observe)


@pytest.mark.parametrize("persona", [None, "reviewer", "secretariat"])
def test_it_shows_a_country_to_everyone(client_as, world, persona):
    response = client_as(persona).get("/countries/GHA/")
    assert response.status_code == 200
    assert "<h1>Ghana" in response.content.decode()


def test_it_answers_an_unknown_country_with_404(client, world):
    assert client.get("/countries/XXX/").status_code == 404


def test_it_sends_a_lower_case_code_to_the_page_of_the_upper_case_one(client, world):
    response = client.get("/countries/gha/")
    assert (response.status_code, response["Location"]) == (301, "/countries/GHA/")


def test_it_says_so_when_the_country_contributed_nothing(client, world):
    response = client.get("/countries/FRA/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "No deployments recorded" in body and "France" in body
    assert "<svg" not in body


def test_it_gives_the_latest_month_of_each_mission(client, world):
    rows = table(client.get("/countries/GHA/"), MISSIONS)
    assert rows == [
        ["MINUSMA", "2012-01-31", "All uniformed personnel", "12", "48", "60", "20.0%"],
        ["UNMISS", "2012-01-31", "All uniformed personnel", "1", "29", "30", "3.3%"],
        ["UNMISS", "2012-01-31", "Troops", "1", "29", "30", "3.3%"],
        ["UNMISS", "2012-01-31", "Experts on mission / military observers", "2", "8", "10", "20.0%"],
    ]


def test_it_gives_the_latest_month_of_a_mission_the_country_left(client, world, observe):
    observe(world.minusma, "2013-01-31", Category.TOTAL, women=4, total=40, country="RWA")
    rows = table(client.get("/countries/RWA/"), "Rwanda's uniformed personnel")
    assert [r[:2] for r in rows] == [["MINUSMA", "2013-01-31"], ["UNMISS", "2012-01-31"],
                                     ["UNMISS", "2012-01-31"]]


def test_it_links_each_mission_to_its_page(client, world):
    assert '<a href="/missions/minusma/">MINUSMA</a>' in client.get("/countries/GHA/").content.decode()


def test_it_sums_the_countrys_deployments_against_the_un_strategy(client, world):
    applies_from_2010()
    rows = table(client.get("/countries/GHA/"), TREND)
    held, unknown = "held from nearest official value", ["unknown"] * 3
    gap = "No report for these months has been imported (Feb 2011 – Dec 2011)"
    assert rows == [
        ["Jan 2011", "All uniformed personnel", "16", "90", "17.8%", "no target", "—", ""],
        ["Feb 2011", "All uniformed personnel", "unknown", "unknown", "unknown", "no target", "—", gap],
        ["Jan 2012", "All uniformed personnel", "13", "90", "14.4%", "no target", "—", ""],
        ["Jan 2011", "Troops", "1", "30", "3.3%", "8.0%", "held from nearest official value", ""],
        ["Feb 2011", "Troops", *unknown, "8.0%", held, gap],
        ["Jan 2012", "Troops", "1", "30", "3.3%", "8.0%", "held from nearest official value", ""],
        ["Jan 2012", "Experts on mission / military observers", "2", "10", "20.0%", "18.0%",
         "held from nearest official value", ""],
    ]


def test_it_labels_official_interpolated_and_held_targets(client, make_mission, observe):
    mission = make_mission("UNMISS", "SSD")
    for date in ["2021-06-30", "2024-06-30", "2030-06-30"]:
        observe(mission, date, Category.TROOPS, women=10, total=100, country="NPL")
    rows = table(client.get("/countries/NPL/"), "Nepal's women's share")
    reported = [r for r in rows if not r[7]]  # the months between are gaps
    assert [r[5:7] for r in reported] == [
        ["8.0%", "official"],
        ["11.0%", "linear interpolation"],
        ["15.0%", "held from nearest official value"],
    ]


def test_it_draws_the_un_strategys_lines(client, world):
    applies_from_2010()
    body = client.get("/countries/GHA/").content.decode()
    assert body.count("<svg") == 1
    assert "target 8.0%" in body and "target 18.0%" in body


def test_it_switches_to_another_policy_when_asked(client, world):
    rows = table(client.get(f"/countries/GHA/?policy={ESCALATING}"), "Ghana's women's share")
    assert rows[0][5:] == ["30.0%", "rule", ""]


def test_it_cites_each_deployments_row(client, world):
    rows = csv_rows(client.get("/countries/GHA/missions.csv"))
    assert rows[1] == ["MINUSMA", "2012-01-31", "All uniformed personnel", "12", "48", "60", "20.0",
                       "Test dataset, test.csv, row 21"]
