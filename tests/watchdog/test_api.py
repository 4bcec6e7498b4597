"""The watchdog's API: plans, actions, scorecards, obligations, WPS Index, country profiles."""

from __future__ import annotations

import pytest

from criticalmass.api import api
from tests.watchdog.world import build_watchdog


@pytest.fixture
def world(db):
    return build_watchdog()


def test_it_lists_plans_with_status_score_and_source(client, world):
    body = client.get("/api/watchdog/plans?country=gha").json()
    assert body["count"] == 2
    one = next(p for p in body["items"] if p["slug"] == "tst-nap-1")
    assert (one["status"], one["score"]["percent"], one["source_url"]) == ("superseded", "42.9", "https://example.org/one")
    assert one["score"]["unknown"] == ["indicators-with-targets", "time-bound-actions", "civil-society",
                                       "actions-on-track"]


def test_it_refuses_a_kind_that_does_not_exist(client, world):
    response = client.get("/api/watchdog/plans?kind=treaty")
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid"


def test_it_gives_one_plan_with_its_actions(client, world):
    body = client.get("/api/watchdog/plans/tst-nap-2").json()
    assert [a["objective"] for a in body["actions"]][0] == "Raise women's share of officers"
    first = body["actions"][0]
    assert (first["budget_amount"], first["agency"]) == ("250000.00", "Ministry of Defence")
    missing = client.get("/api/watchdog/plans/none")
    assert missing.status_code == 404 and missing.json()["error"]["message"] == "There is no plan 'none'."


def test_it_lists_actions_of_one_plan(client, world):
    body = client.get("/api/watchdog/actions?plan=tst-nap-2").json()
    assert body["count"] == 3
    assert client.get("/api/watchdog/actions?plan=tst-nap-1").json()["count"] == 0


def test_it_flags_the_plan_expired_with_no_successor_in_the_scorecards(client, world):
    body = client.get("/api/watchdog/scorecards").json()
    flagged = [p["slug"] for p in body if p["expired_without_successor"]]
    assert flagged == ["tst-ken-1"]
    assert body[0]["slug"] == "tst-nap-1"  # best score first


def test_it_lists_overdue_and_due_soon_obligations(client, world):
    assert [o["slug"] for o in client.get("/api/watchdog/obligations?state=overdue").json()] == ["tst-report"]
    soon = client.get("/api/watchdog/obligations?state=due soon").json()
    assert [(o["slug"], o["days"]) for o in soon] == [("tst-strategy", 30)]
    assert client.get("/api/watchdog/obligations?state=late").status_code == 422


def test_it_gives_a_country_profile_with_index_plans_and_deployments(client, world, make_mission, observe):
    observe(make_mission("UNMISS", "SSD"), "2013-06-30", "total", women=5, total=100, country="GHA", row=7)
    body = client.get("/api/watchdog/countries/gha").json()
    assert body["wps_index"]["rank"] == 97 and body["wps_index"]["score"] == 0.651
    assert body["wps_index"]["citation"] == "WPS Index test citation."
    assert {p["slug"] for p in body["plans"]} == {"tst-nap-1", "tst-nap-2"}
    assert body["deployments"] == [{"mission": "UNMISS", "date": "2013-06-30", "role": "total", "women": 5,
                                    "total": 100, "citation": "Test dataset, test.csv, row 7"}]
    assert client.get("/api/watchdog/countries/ZZZ").status_code == 404


def test_it_pages_the_wps_index(client, world):
    body = client.get("/api/watchdog/wps-index?limit=1").json()
    assert (body["count"], body["items"][0]["country"]) == (1, "GHA")


def test_it_puts_every_watchdog_route_in_the_openapi_schema():
    paths = api.get_openapi_schema()["paths"]
    assert {"/api/watchdog/plans", "/api/watchdog/plans/{slug}", "/api/watchdog/actions",
            "/api/watchdog/scorecards", "/api/watchdog/obligations", "/api/watchdog/wps-index",
            "/api/watchdog/countries/{iso3}"} <= set(paths)
