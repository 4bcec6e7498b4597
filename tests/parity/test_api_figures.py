"""The API's figures are the logic layer's figures, as the pages show them (shares, gaps and trends to
one decimal): the same series, targets, trends and forecasts."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from criticalmass.parity import figures as parity_figures
from criticalmass.parity import queries, standing
from criticalmass.parity.models import Category, Observation, TargetPolicy
from tests.parity.api_world import API, build_world
from tests.parity.pages_world import applies_from_2010

UGPS = "un-ugps-2018-2028"


def reference_series(process, role=Category.TOTAL) -> list[standing.SeriesPoint]:
    """Women and total per month, summed here over the observations whose women are counted."""
    rows = (Observation.objects.filter(process=process, role=role, women__isnull=False).values("date")
            .annotate(women=Sum("women"), total=Sum("total")).order_by("date"))
    return [standing.SeriesPoint(r["date"], r["women"], r["total"]) for r in rows]


@pytest.fixture
def world(make_mission, observe, source):
    return build_world(make_mission, observe, source)


def expected(summary: standing.Summary) -> dict:
    def one(value):
        return None if value is None else round(value, 1)

    return {
        "share": one(summary.latest_share), "gap": one(summary.gap),
        "status": parity_figures.status_text(summary), "slope": one(summary.slope),
        "forecast_target_year": summary.forecast_target, "forecast_parity_year": summary.forecast_parity,
        "target": summary.target.value if summary.target else None,
    }


def picked(figures: dict) -> dict:
    return {key: figures[key] for key in ["share", "gap", "status", "slope", "forecast_target_year",
                                          "forecast_parity_year", "target"]}


def test_it_gives_three_women_of_sixty_as_five_percent(client, world):
    total = client.get(f"{API}/processes/unmiss").json()["roles"][0]
    assert (total["role"], total["latest_date"]) == ("total", "2012-01-31")
    assert (total["women"], total["total"], total["share"]) == (3, 60, 5.0)
    assert (total["target"], total["target_year"], total["target_provenance"]) == (30.0, 2012, "rule")
    assert (total["status"], total["gap"]) == ("off track", 25.0)


def test_it_gives_each_roles_figures_as_the_logic_layer(client, world):
    policy = queries.policy()
    roles = client.get(f"{API}/processes/unmiss").json()["roles"]
    assert [r["role"] for r in roles] == [Category.TOTAL, Category.TROOPS]
    for figures in roles:
        summary = standing.summarize(reference_series(world.unmiss, figures["role"]), policy, figures["role"])
        assert picked(figures) == expected(summary)
    assert roles[0]["forecast_target_year"] is not None and roles[0]["slope"] > 0


def test_it_says_not_at_the_current_pace_as_null(client, world):
    total = client.get(f"{API}/processes/minusma").json()["roles"][0]
    assert total["slope"] < 0
    assert total["forecast_target_year"] is None and total["forecast_parity_year"] is None


def test_it_uses_the_policy_asked_for(client, world):
    applies_from_2010()
    body = client.get(f"{API}/processes/unmiss?policy={UGPS}").json()
    assert body["policy"] == {"slug": UGPS, "name": TargetPolicy.objects.get(slug=UGPS).name}
    total, troops = body["roles"]
    assert (total["target"], total["status"]) == (None, "no target")
    assert (troops["target"], troops["target_provenance"]) == (8.0, "held from nearest official value")
    summary = standing.summarize(reference_series(world.unmiss, Category.TROOPS),
                              TargetPolicy.objects.get(slug=UGPS), Category.TROOPS)
    assert picked(troops) == expected(summary)


def test_it_cites_the_sources_of_each_role(client, world):
    total = client.get(f"{API}/processes/unmiss").json()["roles"][0]
    assert total["sources"] == [{"slug": "test-source", "dataset": "Test dataset", "file": "test.csv",
                                 "citation": "Test dataset, written for the tests."}]
    assert total["citation"] == "Test dataset, test.csv, rows 10–11 (4 rows)"


def test_it_shows_roles_whose_women_are_unknown_as_unknown(client, world):
    total = client.get(f"{API}/processes/unamid").json()["roles"][0]
    assert (total["women"], total["share"], total["status"]) == (None, None, "no data")


def test_it_gives_the_series_as_the_logic_layer(client, world):
    body = client.get(f"{API}/series?process=unmiss&role=troops").json()
    reported = [p for p in body["points"] if p["note"] is None]  # the months between are a gap
    assert [(p["date"], p["women"], p["total"], p["share"]) for p in reported] == [
        (str(p.date), p.women, p.total, round(p.share, 1))
        for p in reference_series(world.unmiss, Category.TROOPS)]
    assert {(p["target"], p["target_provenance"]) for p in body["points"]} == {(30.0, "rule")}
    summary = standing.summarize(reference_series(world.unmiss, Category.TROOPS), queries.policy(), "troops")
    assert picked(body["summary"]) == expected(summary)


def test_it_sums_the_series_over_every_operation_when_no_process_is_given(client, world):
    points = client.get(f"{API}/series").json()["points"]
    # UNAMID's women are unknown, so its 80 do not dilute the share; negotiations are not operations.
    assert [(p["women"], p["total"]) for p in points] == [(17, 120), (None, None), (15, 120)]
    assert points[1]["date"] == "2011-02-28" and points[1]["note"] == (
        "No report for these months has been imported (Feb 2011 – Dec 2011)")


def test_it_gives_each_years_target_of_an_anchored_policy_in_the_series(client, world):
    applies_from_2010()
    points = client.get(f"{API}/series?process=unmiss&role=troops&policy={UGPS}").json()["points"]
    assert [(p["target"], p["target_provenance"]) for p in points] == \
        [(8.0, "held from nearest official value")] * 3  # Jan 2011, the gap after it, Jan 2012


def test_it_ranks_missions_by_gap_like_the_logic_layer(client, world):
    body = client.get(f"{API}/missions/ranking").json()
    items = body["items"]
    assert [(i["rank"], i["slug"]) for i in items] == [(1, "unmiss"), (2, "minusma"), (None, "unamid")]
    assert [i["gap"] for i in items] == [25.0, 10.0, None]
    summary = standing.summarize(reference_series(world.minusma), queries.policy())
    assert picked(items[1]) == expected(summary)
    assert body["policy"]["slug"] == "escalating-to-parity" and body["role"] == "total"


def test_it_ranks_by_the_role_asked_for(client, world):
    items = client.get(f"{API}/missions/ranking?role=troops").json()["items"]
    assert [(i["slug"], i["women"], i["total"]) for i in items] == [("unmiss", 3, 60)]


def test_it_lists_policies_default_first(client, world):
    body = client.get(f"{API}/policies").json()
    assert [p["slug"] for p in body] == ["escalating-to-parity", UGPS]
    assert body[0]["is_default"] is True and body[0]["floor"] == 30.0 and body[0]["step"] == 5.0


def test_it_gives_the_escalating_trajectory_for_every_role(client, world):
    body = client.get(f"{API}/policies/escalating-to-parity").json()
    assert body["anchors"] == []
    (trajectory,) = body["trajectories"]
    assert trajectory["role"] is None
    values = {p["year"]: p["value"] for p in trajectory["points"]}
    assert list(values) == list(range(2018, 2031))
    assert (values[2018], values[2025], values[2027], values[2029], values[2030]) == (30, 30, 40, 50, 50)
    assert {p["provenance"] for p in trajectory["points"]} == {"rule"}


def test_it_labels_official_interpolated_and_held_values(client, world):
    body = client.get(f"{API}/policies/{UGPS}").json()
    assert len(body["anchors"]) == 7 and body["anchors"][0]["citation"]
    troops = next(t for t in body["trajectories"] if t["role"] == "troops")
    by_year = {p["year"]: (p["value"], p["provenance"]) for p in troops["points"]}
    assert by_year[2018] == (8.0, "held from nearest official value")
    assert by_year[2021] == (8.0, "official")
    assert by_year[2024] == (11.0, "linear interpolation")
    assert by_year[2028] == (15.0, "official")
    assert by_year[2030] == (15.0, "held from nearest official value")
    assert [t["role"] for t in body["trajectories"]] == [
        "troops", "experts_on_mission", "formed_police", "individual_police"]


def test_it_gives_each_agreements_delegates_against_the_floor(client, world):
    body = client.get(f"{API}/negotiations/agreements").json()
    assert body["count"] == 2
    first = body["items"][0]
    assert (first["document"], first["pax_id"], first["date"], first["floor"]) == \
        ("PA-X 8", 8, "2015-08-17", 30.0)
    assert first["process"] == "south-sudan-talks"
    assert [(r["role"], r["women"], r["total"], r["share"], r["meets_floor"]) for r in first["roles"]] == [
        ("signatories", 1, 10, 10.0, False),
        ("negotiators", 4, 10, 40.0, True),
        ("observers", None, 5, None, None),
    ]
    assert first["roles"][2]["unknown"] == 5 and first["roles"][0]["source_row"] == 40
    assert body["items"][1]["roles"][0]["meets_floor"] is True  # 3 of 10 is exactly the floor


def test_it_uses_the_default_policys_floor_for_agreements(client, world):
    TargetPolicy.objects.filter(slug="escalating-to-parity").update(floor=45)
    first = client.get(f"{API}/negotiations/agreements").json()["items"][0]
    assert first["floor"] == 45.0
    assert [r["meets_floor"] for r in first["roles"]] == [False, False, None]


def test_it_lists_sources_with_their_observation_counts(client, world):
    (source,) = client.get(f"{API}/sources").json()
    assert (source["slug"], source["observation_count"]) == ("test-source", 16)


def test_it_cites_each_observations_file_and_row(client, world):
    item = client.get(f"{API}/observations?process=unamid").json()["items"][0]
    assert (item["source"]["dataset"], item["source"]["file"], item["source_row"]) == \
        ("Test dataset", "test.csv", 30)
    assert item["citation"] == "Test dataset, test.csv, row 30"
    assert (item["women"], item["men"], item["total"], item["share"]) == (None, None, 80, None)
