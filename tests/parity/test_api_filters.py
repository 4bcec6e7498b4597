"""Each list's filters narrow it as documented in docs/api.md."""

from __future__ import annotations

import pytest

from tests.parity.api_world import API, build_world


@pytest.fixture
def world(make_mission, observe, source):
    return build_world(make_mission, observe, source)


def slugs(client, query: str) -> list[str]:
    return [p["slug"] for p in client.get(f"{API}/processes?{query}").json()["items"]]


def observations(client, query: str) -> list[dict]:
    body = client.get(f"{API}/observations?{query}").json()
    assert body["count"] == len(body["items"])
    return body["items"]


def test_it_lists_every_process_by_name(client, world):
    assert slugs(client, "") == ["minusma", "unamid", "unmiss", "south-sudan-talks"]


def test_it_filters_processes_by_kind_sponsor_and_host_country(client, world):
    assert slugs(client, "kind=negotiation") == ["south-sudan-talks"]
    assert slugs(client, "sponsor=UN") == ["minusma", "unamid", "unmiss"]
    assert slugs(client, "sponsor=AU") == []
    assert slugs(client, "host_country=SSD") == ["unmiss", "south-sudan-talks"]
    assert slugs(client, "host_country=ssd&kind=operation") == ["unmiss"]


def test_it_finds_processes_by_part_of_their_name_or_code(client, world):
    assert slugs(client, "q=sudan") == ["south-sudan-talks"]
    assert slugs(client, "q=MINUS") == ["minusma"]
    assert slugs(client, "q=mission") == ["minusma", "unamid", "unmiss"]


def test_it_counts_each_process_observations(client, world):
    counts = {p["slug"]: p["observation_count"] for p in client.get(f"{API}/processes").json()["items"]}
    assert counts == {"minusma": 2, "unamid": 1, "unmiss": 8, "south-sudan-talks": 5}


def test_it_filters_observations_by_process_role_and_country(client, world):
    assert len(observations(client, "process=unmiss")) == 8
    assert len(observations(client, "process=unmiss&role=troops")) == 4
    assert {o["country"] for o in observations(client, "process=unmiss&country=gha")} == {"GHA"}
    assert len(observations(client, "country=GHA")) == 6
    assert len(observations(client, "role=negotiators")) == 1


def test_it_filters_observations_by_date(client, world):
    assert {o["date"] for o in observations(client, "date_from=2012-01-01&date_to=2012-12-31")} == \
        {"2012-01-31"}
    assert len(observations(client, "date_from=2012-01-31&date_to=2012-01-31&kind=operation")) == 6
    assert [o["date"] for o in observations(client, "date_from=2018-01-01")] == ["2018-09-12"] * 2


def test_it_filters_observations_by_kind_of_process(client, world):
    assert {o["process"] for o in observations(client, "kind=negotiation")} == {"south-sudan-talks"}
    assert len(observations(client, "kind=reconstruction")) == 0


def test_it_lists_observations_in_date_order(client, world):
    dates = [o["date"] for o in observations(client, "")]
    assert dates == sorted(dates)


def test_it_filters_the_series_by_contributing_country(client, world):
    points = client.get(f"{API}/series?process=unmiss&country=RWA").json()["points"]
    assert [(p["women"], p["total"]) for p in points] == [(1, 30), (None, None), (2, 30)]


def test_it_filters_agreements_by_date_and_process(client, world):
    def documents(query: str) -> list[str]:
        return [a["document"] for a in client.get(f"{API}/negotiations/agreements?{query}").json()["items"]]

    assert documents("date_from=2016-01-01") == ["PA-X 9"]
    assert documents("date_to=2016-01-01") == ["PA-X 8"]
    assert documents("process=south-sudan-talks") == ["PA-X 8", "PA-X 9"]


def test_it_leaves_operations_out_of_the_agreements(client, world, observe):
    obs = observe(world.unmiss, "2013-01-31", "total", women=1, total=2)
    obs.document = "PA-X 1"
    obs.save()
    assert client.get(f"{API}/negotiations/agreements").json()["count"] == 2
