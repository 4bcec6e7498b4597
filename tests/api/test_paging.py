"""Paged lists: an offset up to its cap, and a `next` cursor that reads on at any depth (keyset paging)
and cuts the list exactly as the offsets do."""

from __future__ import annotations

import pytest
from django.core import signing

from criticalmass.api_common import CURSOR_SALT, MAX_OFFSET

API = "/api/parity"


@pytest.fixture
def observations(make_mission, observe):
    unmiss, minusma = make_mission("UNMISS", "SSD"), make_mission("MINUSMA", "MLI")
    for month in range(1, 13):
        for mission in (unmiss, minusma):
            observe(mission, f"2013-{month:02d}-28", "troops", women=month, total=100, row=month + 1)
    return 24


def walk(client, route: str, limit: int) -> list[dict]:
    items, page = [], client.get(f"{route}?limit={limit}").json()
    while True:
        items += page["items"]
        if page["next"] is None:
            return items
        page = client.get(f"{route}?limit={limit}&after={page['next']}").json()


def test_it_reads_a_list_by_cursors_exactly_as_by_offsets(client, observations):
    by_offset = [item for offset in range(0, observations, 5)
                 for item in client.get(f"{API}/observations?limit=5&offset={offset}").json()["items"]]
    by_cursor = walk(client, f"{API}/observations", 5)
    assert len(by_cursor) == observations == len({item["id"] for item in by_cursor})
    assert by_cursor == by_offset


def test_it_seeks_by_the_last_items_ordering_values(client, observations):
    first = client.get(f"{API}/observations?limit=3").json()
    position = signing.loads(first["next"], salt=CURSOR_SALT)
    assert position["k"] == [first["items"][-1]["date"], first["items"][-1]["id"]]


def test_it_reads_on_by_position_where_the_order_follows_a_relation(client, observations):
    # Processes sort by name: a plain column, so by values; observations of a process by `process`
    # (a relation, sorted by the process's name) would not be, and fall back to a position.
    page = client.get(f"{API}/processes?limit=1").json()
    assert signing.loads(page["next"], salt=CURSOR_SALT)["k"][0] == page["items"][0]["name"]
    assert [p["slug"] for p in walk(client, f"{API}/processes", 1)] == ["minusma", "unmiss"]


def test_it_gives_no_cursor_on_the_last_page(client, observations):
    page = client.get(f"{API}/observations?limit=24").json()
    assert page["count"] == 24 and page["next"] is None


def test_it_answers_a_cursor_it_did_not_give_with_404(client, observations):
    forged = signing.dumps({"k": ["2013-01-28", 1]}, salt="another-salt")
    for after in (forged, "garbage", "x" * 2000):
        response = client.get(f"{API}/observations?after={after}")
        assert response.status_code == 404
        assert "cursor" in response.json()["error"]["message"]


def test_it_caps_the_offset_and_says_how_to_go_deeper(client, observations):
    assert client.get(f"{API}/observations?offset={MAX_OFFSET}").status_code == 200
    response = client.get(f"{API}/observations?offset={MAX_OFFSET + 1}")
    assert response.status_code == 422
    assert "next" in client.get("/api/openapi.json").json()["components"]["schemas"]["PagedObservationOut"][
        "properties"]
