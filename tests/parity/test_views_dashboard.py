"""The dashboard: women's share over time against a policy's target, status per category, and
missions ranked by their gap to target. Figures hand-computed from tests/parity/pages_world.py."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import Category, TargetPolicy
from tests.parity.pages_world import UGPS, applies_from_2010, build_operations, csv_rows, fresh_cache, table  # noqa: F401

STATUS = "Where each category stands"
OVERALL = "Women's share of UN uniformed peacekeepers by month"
RANKING = "Peace operations ranked by their gap to target"


@pytest.fixture
def world(make_mission, observe):
    return build_operations(make_mission, observe)


def row_of(rows: list[list[str]], first: str, second: str | None = None) -> list[str]:
    found = [r for r in rows if r[0] == first and (second is None or r[1] == second)]
    assert len(found) == 1, (first, second, rows)
    return found[0]


@pytest.mark.parametrize("persona", [None, "partner", "secretariat"])
def test_it_shows_the_dashboard_to_everyone(client_as, world, persona):
    response = client_as(persona).get("/")
    assert response.status_code == 200
    assert "Women in UN peacekeeping" in response.content.decode()


def test_it_says_how_to_import_when_there_are_no_observations(client, db):
    response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "No observations yet" in body
    assert "criticalmass import peacekeeping-gender FILE" in body
    assert "<svg" not in body


def test_it_gives_each_month_of_every_operation_together(client, world):
    rows = table(client.get("/"), OVERALL)
    assert row_of(rows, "Jan 2011", "All uniformed personnel")[2:5] == ["17", "120", "14.2%"]
    assert row_of(rows, "Jan 2012", "All uniformed personnel")[2:5] == ["15", "120", "12.5%"]
    assert row_of(rows, "Jan 2012", "Troops")[2:7] == ["3", "60", "5.0%", "30.0%", "rule"]
    assert row_of(rows, "Jan 2012", "Experts on mission / military observers")[2:5] == ["2", "10", "20.0%"]


def test_it_gives_each_categorys_status_trend_and_forecasts(client, world):
    rows = table(client.get("/"), STATUS)
    total = row_of(rows, "All uniformed personnel")
    assert total[1:] == ["✗ off track", "Jan 2012", "12.5%", "30.0%", "rule", "17.5", "-1.7",
                         "not at the current pace", "not at the current pace", "from data ending Jan 2012"]
    troops = row_of(rows, "Troops")
    assert troops[1:] == ["✗ off track", "Jan 2012", "5.0%", "30.0%", "rule", "25.0", "+1.7", "2040", "2040",
                          "from data ending Jan 2012"]
    experts = row_of(rows, "Experts on mission / military observers")
    assert experts[7] == "too few months"


def test_it_writes_status_in_words_beside_its_symbol(client, world):
    body = client.get("/").content.decode()
    assert '<span class="badge"><span aria-hidden="true">✗</span> off track</span>' in body


def test_it_calls_a_share_within_the_margin_close_and_one_at_target_met(client, world, observe):
    observe(world.unmiss, "2013-01-31", Category.FORMED_POLICE, women=26, total=100, country="GHA")
    observe(world.unmiss, "2013-01-31", Category.INDIVIDUAL_POLICE, women=30, total=100, country="GHA")
    rows = table(client.get("/"), STATUS)
    assert row_of(rows, "Formed police units")[1] == "≈ close"
    assert row_of(rows, "Individual police")[1:3] == ["✓ met", "Jan 2013"]
    assert row_of(rows, "Individual police")[8] == "2013"


def test_it_ranks_missions_by_their_gap_to_target(client, world):
    rows = table(client.get("/"), RANKING)
    assert [r[:3] for r in rows] == [["1", "UNMISS", "South Sudan"], ["2", "MINUSMA", "Mali"]]
    assert rows[0][3:] == ["✗ off track", "Jan 2012", "5.0%", "30.0%", "25.0", "+1.7", "2040", "2040",
                           "from data ending Jan 2012"]
    assert rows[1][3:] == ["✗ off track", "Jan 2012", "20.0%", "30.0%", "10.0", "-5.0",
                           "not at the current pace", "not at the current pace", "from data ending Jan 2012"]


def test_it_links_each_mission_to_its_page(client, world):
    assert '<a href="/missions/unmiss/">UNMISS</a>' in client.get("/").content.decode()


def test_it_ranks_missions_by_a_category_when_asked(client, world):
    rows = table(client.get("/?role=troops"), RANKING)
    assert [r[1] for r in rows] == ["UNMISS"]


def test_it_draws_the_chart_beside_its_table(client, world):
    body = client.get("/").content.decode()
    assert body.count("<svg") == 1
    assert 'role="img"' in body and "<title id=\"chart-overall-title\">" in body


def test_it_offers_the_policies_in_a_form(client, world):
    body = client.get("/").content.decode()
    assert '<select id="policy" name="policy">' in body
    assert f'<option value="{UGPS}">' in body
    assert '<option value="escalating-to-parity" selected>' in body


def test_it_switches_the_target_with_the_policy(client, world):
    applies_from_2010()
    response = client.get(f"/?policy={UGPS}")
    rows = table(response, OVERALL)
    assert row_of(rows, "Jan 2012", "Troops")[5:7] == ["8.0%", "held from nearest official value"]
    assert row_of(rows, "Jan 2012", "All uniformed personnel")[5:7] == ["no target", "—"]
    assert f'<option value="{UGPS}" selected>' in response.content.decode()


def test_it_draws_the_chosen_policys_target_line(client, world):
    applies_from_2010()
    escalating = client.get("/").content.decode()
    ugps = client.get(f"/?policy={UGPS}").content.decode()
    assert "target 30.0%" in escalating and "target 8.0%" not in escalating
    assert "target 8.0%" in ugps and "target 18.0%" in ugps
    assert "Target: UN Uniformed Gender Parity Strategy 2018-2028" in ugps


def test_it_ranks_missions_without_a_target_last_and_unranked(client, world):
    rows = table(client.get(f"/?policy={UGPS}"), RANKING)
    assert [(r[0], r[3]) for r in rows] == [("—", "– no target"), ("—", "– no target")]


def test_it_uses_the_default_policy_when_none_is_chosen(client, world):
    applies_from_2010()
    TargetPolicy.objects.filter(slug=UGPS).update(is_default=True)
    TargetPolicy.objects.exclude(slug=UGPS).update(is_default=False)
    assert row_of(table(client.get("/"), OVERALL), "Jan 2012", "Troops")[5] == "8.0%"


def test_it_answers_an_unknown_policy_or_category_with_404(client, world):
    assert client.get("/?policy=no-such-policy").status_code == 404
    assert client.get("/?role=mediators").status_code == 404


def test_it_cites_the_rows_each_figure_sums(client, world):
    body = client.get("/").content.decode()
    assert "Source:</span> Test dataset, test.csv, rows 10–21." in body
    assert "Test dataset, written for the tests." in body


def test_it_pages_a_long_ranking(client, make_mission, observe):
    for i in range(21):
        mission = make_mission(f"M{i:02d}", None)
        observe(mission, "2012-01-31", Category.TOTAL, women=i, total=100, country="GHA")
    first, second = client.get("/"), client.get("/?page=2")
    assert len(table(first, RANKING)) == 20
    assert [r[:2] for r in table(second, RANKING)] == [["21", "M20"]]
    assert "Page 2 of 2" in second.content.decode()
    assert 'href="?page=2#ranking"' in first.content.decode()


def test_it_keeps_the_policy_when_paging(client, make_mission, observe):
    for i in range(21):
        mission = make_mission(f"M{i:02d}", None)
        observe(mission, "2012-01-31", Category.TROOPS, women=i, total=100, country="GHA")
    body = client.get(f"/?policy={UGPS}&role=troops").content.decode()
    assert f'href="?policy={UGPS}&amp;role=troops&amp;page=2#ranking"' in body


def test_it_answers_fast_in_few_queries(client, world, django_assert_max_num_queries):
    client.get("/")  # draws and caches the chart
    # + the data age policy (twice), the sources' coverage and the closed missions' sources
    with django_assert_max_num_queries(20):
        assert client.get("/").status_code == 200


def test_it_cites_the_rows_behind_each_number_in_the_csv(client, world):
    rows = csv_rows(client.get("/data/overall.csv"))
    total_2011 = [r for r in rows if r[0] == "2011-01-31" and r[1] == "All uniformed personnel"]
    assert total_2011[0][-1] == "Test dataset, test.csv, rows 10–20 (3 rows)"
