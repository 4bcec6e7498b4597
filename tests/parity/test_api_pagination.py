"""Lists are paged with limit and offset; the page says how many match in all."""

from __future__ import annotations

import pytest
from django.conf import settings

from criticalmass.api_common import MAX_PAGE_SIZE
from criticalmass.parity.models import Category, Process
from tests.parity.api_world import API, build_world


@pytest.fixture
def many_missions(make_mission):
    return [make_mission(f"M{i:02d}", None) for i in range(12)]


def test_it_pages_processes_with_limit_and_offset(client, many_missions):
    body = client.get(f"{API}/processes?limit=5&offset=10").json()
    assert (body["count"], body["limit"], body["offset"]) == (12, 5, 10)
    assert [p["code"] for p in body["items"]] == ["M10", "M11"]


def test_it_uses_the_configured_page_size_by_default(client, many_missions):
    body = client.get(f"{API}/processes").json()
    assert (body["limit"], body["offset"]) == (settings.API_PAGE_SIZE, 0)
    assert len(body["items"]) == min(12, settings.API_PAGE_SIZE)


def test_it_gives_an_empty_page_past_the_end(client, many_missions):
    body = client.get(f"{API}/processes?offset=50").json()
    assert (body["count"], body["items"]) == (12, [])


def test_it_accepts_the_maximum_page_size(client, many_missions):
    assert client.get(f"{API}/processes?limit={MAX_PAGE_SIZE}").status_code == 200
    assert MAX_PAGE_SIZE == 1000


@pytest.mark.parametrize("route", ["processes", "observations", "negotiations/agreements"])
@pytest.mark.parametrize("query", ["limit=1001", "limit=0", "offset=-1", "limit=ten"])
def test_it_refuses_a_page_it_cannot_give(client, route, query):
    response = client.get(f"{API}/{route}?{query}")
    assert response.status_code == 422
    (detail,) = response.json()["error"]["details"]
    assert detail["loc"][-1] == query.split("=")[0]


def test_it_pages_observations_without_repeating_any(client, make_mission, observe):
    mission = make_mission()
    for month in range(1, 13):
        observe(mission, f"2013-{month:02d}-28", Category.TROOPS, women=month, total=100, country="GHA")
    seen = []
    for offset in range(0, 12, 5):
        body = client.get(f"{API}/observations?limit=5&offset={offset}").json()
        assert body["count"] == 12
        seen += [o["id"] for o in body["items"]]
    assert len(seen) == len(set(seen)) == 12


def test_it_pages_agreements(client, make_mission, observe, source):
    build_world(make_mission, observe, source)
    first = client.get(f"{API}/negotiations/agreements?limit=1").json()
    second = client.get(f"{API}/negotiations/agreements?limit=1&offset=1").json()
    assert (first["count"], second["count"]) == (2, 2)
    assert [first["items"][0]["document"], second["items"][0]["document"]] == ["PA-X 8", "PA-X 9"]
    assert len(first["items"][0]["roles"]) == 3 and Process.objects.filter(kind="negotiation").count() == 1
