"""Did women at the table change the text? Groups by whether women reached the floor, with their sizes."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import TargetPolicy
from tests.agreements.world import build_agreements, csv_table


@pytest.fixture
def world(db):
    build_agreements()


def groups(client) -> dict[str, tuple[str, str, str]]:
    rows = csv_table(client.get("/agreements/women-at-the-table/groups.csv").content)
    return {row["group"]: (row["agreements"], row["with_provisions"], row["share"]) for row in rows}


def test_it_compares_agreements_where_women_reached_the_floor_with_the_others(client, world):
    assert groups(client) == {
        "Women reached the floor": ("1", "1", "100.0"),
        "Women below the floor": ("3", "2", "66.7"),
        "Not known": ("1", "0", "0.0"),  # the agreement good.csv lists with every count NA
    }


def test_it_shows_the_size_of_each_group_and_warns_against_over_reading(client, world):
    html = client.get("/agreements/women-at-the-table/").content.decode()
    assert "small groups say little" in html
    assert 'id="chart-groups"' in html and "100.0% (1 of 1)" in html  # the chart labels each bar's count
    assert '<td class="num">3</td>' in html


def test_it_measures_against_the_default_policys_floor(client, world):
    TargetPolicy.objects.filter(slug="escalating-to-parity").update(floor=20)
    assert groups(client)["Women reached the floor"] == ("3", "2", "66.7")


def test_it_lists_each_agreement_with_its_group(client, world):
    rows = csv_table(client.get("/agreements/women-at-the-table/agreements.csv").content)
    assert [(row["name"], row["group"]) for row in rows] == [
        ("Testland Framework Agreement", "Women below the floor"),
        ("Testland Implementation Protocol", "Women below the floor"),
        ("Agreement 103", "Women below the floor"),
        ("Agreement 104", "Not known"),  # listed in PADD with every count NA
        ("Agreement 105", "Women reached the floor"),
    ]
