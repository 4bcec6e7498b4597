"""A mission's page: the latest month by category, each category's trend against the target, and
contributing countries ranked by women deployed and by women's share."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import Category, Observation, Process
from tests.parity.pages_world import UGPS, applies_from_2010, build_operations, csv_rows, fresh_cache, table  # noqa: F401

CATEGORIES = "UNMISS: women by category in the latest month"
TREND = "UNMISS: women's share by category and month"
CONTRIBUTORS = "Contributing countries"


@pytest.fixture
def world(make_mission, observe):
    return build_operations(make_mission, observe)


@pytest.fixture
def contributors(make_mission, observe):
    """UNMIL, June 2013: Kenya 5 of 100 (5.0%), Nepal 3 of 6 (50.0%), Ghana 3 of 30 (10.0%)."""
    mission = make_mission("UNMIL", "LBR")
    observe(mission, "2013-05-31", Category.TOTAL, women=1, total=10, country="KEN", row=2)
    for country, women, total, row in [("KEN", 5, 100, 3), ("NPL", 3, 6, 4), ("GHA", 3, 30, 5)]:
        observe(mission, "2013-06-30", Category.TOTAL, women=women, total=total, country=country, row=row)
    return mission


@pytest.mark.parametrize("persona", [None, "advocate", "secretariat"])
def test_it_shows_a_mission_to_everyone(client_as, world, persona):
    response = client_as(persona).get("/missions/unmiss/")
    assert response.status_code == 200
    assert "<h1>UNMISS" in response.content.decode()


def test_it_answers_an_unknown_mission_with_404(client, world):
    assert client.get("/missions/no-such-mission/").status_code == 404


def test_it_answers_a_negotiation_under_missions_with_404(client, world, source):
    Process.objects.create(slug="talks", name="Talks", kind=Process.Kind.NEGOTIATION, source=source)
    assert client.get("/missions/talks/").status_code == 404


def test_it_breaks_the_latest_month_down_by_category(client, world):
    rows = table(client.get("/missions/unmiss/"), CATEGORIES)
    assert rows == [
        ["All uniformed personnel", "✗ off track", "3", "57", "60", "5.0%", "30.0%", "rule"],
        ["Troops", "✗ off track", "3", "57", "60", "5.0%", "30.0%", "rule"],
        ["Experts on mission / military observers", "✗ off track", "2", "8", "10", "20.0%", "30.0%", "rule"],
    ]


def test_it_names_the_latest_month(client, world):
    body = client.get("/missions/unmiss/").content.decode()
    assert "(January 2012)" in body
    assert '<a href="/countries/SSD/">South Sudan</a>' in body


def test_it_shows_men_as_unknown_when_the_source_does_not_say(client, make_mission, observe):
    mission = make_mission("UNMIL", "LBR")
    observe(mission, "2013-06-30", Category.TOTAL, women=3, total=60, country="GHA")
    observe(mission, "2013-06-30", Category.TOTAL, women=1, total=10, country="KEN")
    Observation.objects.filter(contributing_country="KEN").update(men=None)
    rows = table(client.get("/missions/unmil/"), "UNMIL: women by category")
    assert rows[0][2:6] == ["4", "unknown", "70", "5.7%"]


def test_it_gives_each_categorys_trend_against_the_target(client, world):
    rows = table(client.get("/missions/unmiss/"), TREND)
    assert rows[:3] == [
        ["Jan 2011", "All uniformed personnel", "2", "60", "3.3%", "30.0%", "rule", ""],
        ["Feb 2011", "All uniformed personnel", "unknown", "unknown", "unknown", "30.0%", "rule",
         "No report for these months has been imported (Feb 2011 – Dec 2011)"],
        ["Jan 2012", "All uniformed personnel", "3", "60", "5.0%", "30.0%", "rule", ""],
    ]
    assert len(rows) == 5 + 2  # five months of categories, and the gap in 2011 of the two with two


def test_it_draws_a_bar_chart_and_a_trend_chart(client, world):
    body = client.get("/missions/unmiss/").content.decode()
    assert body.count("<svg") == 2
    assert 'id="chart-categories"' in body and 'id="chart-trend"' in body
    assert "target 30.0%" in body


def test_it_switches_the_target_with_the_policy(client, world):
    applies_from_2010()
    rows = table(client.get(f"/missions/unmiss/?policy={UGPS}"), CATEGORIES)
    assert rows[0][1] == "– no target" and rows[0][6:] == ["no target", "—"]
    assert rows[1][1] == "✗ off track" and rows[1][6:] == ["8.0%", "held from nearest official value"]
    assert rows[2][1] == "✓ met" and rows[2][6:] == ["18.0%", "held from nearest official value"]


def test_it_ranks_contributors_by_women_deployed(client, contributors):
    rows = table(client.get("/missions/unmil/"), CONTRIBUTORS)
    assert rows == [
        ["1", "Kenya", "5", "100", "5.0%", "1", "3"],
        ["2", "Ghana", "3", "30", "10.0%", "2", "2"],
        ["3", "Nepal", "3", "6", "50.0%", "3", "1"],
    ]


def test_it_ranks_contributors_by_share_when_asked(client, contributors):
    response = client.get("/missions/unmil/?sort=share")
    assert [r[:2] for r in table(response, CONTRIBUTORS)] == [["1", "Nepal"], ["2", "Ghana"], ["3", "Kenya"]]
    assert '<strong aria-current="true">women&#x27;s share</strong>' in response.content.decode()


def test_it_links_contributors_to_their_country_pages(client, contributors):
    assert '<a href="/countries/NPL/">Nepal</a>' in client.get("/missions/unmil/").content.decode()


def test_it_cites_each_contributors_row(client, contributors):
    rows = csv_rows(client.get("/missions/unmil/contributors.csv"))
    assert rows[1][-1] == "Test dataset, test.csv, row 3"


def test_it_shows_an_empty_mission_without_charts(client, make_mission):
    make_mission("UNMIL", "LBR")
    response = client.get("/missions/unmil/")
    assert response.status_code == 200
    assert "No observations of this mission yet." in response.content.decode()
    assert "<svg" not in response.content.decode()


def test_it_answers_in_few_queries(client, world, django_assert_max_num_queries):
    client.get("/missions/unmiss/")
    # the trend is cached (the data version, 3 queries, instead of the series query); one for the notes,
    # the data age policy and the sources' coverage; the other apps' sections (mandates, commitments,
    # protection, leadership posts, the "without us" check, gender review) one or two each
    with django_assert_max_num_queries(21):
        client.get("/missions/unmiss/")
