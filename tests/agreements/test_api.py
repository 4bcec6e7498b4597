"""The agreements API: every route public and read-only, paged, filtered, in the one error shape."""

from __future__ import annotations

import pytest

from criticalmass.api import api
from tests.agreements.world import build_agreements, csv_table
from tests.conftest import PERSONAS

ROUTES = [
    "/api/agreements/agreements",
    "/api/agreements/agreements/102",
    "/api/agreements/provisions",
    "/api/agreements/pillars",
    "/api/agreements/shares",
    "/api/agreements/women-at-the-table",
    "/api/agreements/rubric",
    "/api/agreements/mandates",
    "/api/agreements/renewals",
]


@pytest.fixture
def world(db):
    build_agreements()


def pax_ids(client, query: str = "") -> list[int]:
    response = client.get(f"/api/agreements/agreements{query}")
    assert response.status_code == 200, response.json()
    return [item["pax_id"] for item in response.json()["items"]]


def test_it_checks_every_agreements_route_of_the_schema():
    paths = {p for p in api.get_openapi_schema()["paths"] if p.startswith("/api/agreements/")}
    assert paths == {r.replace("102", "{pax_id}") for r in ROUTES}


@pytest.mark.parametrize("route", ROUTES)
def test_it_answers_anonymous_and_every_persona_alike(client_as, world, route):
    anonymous = client_as(None).get(route)
    assert anonymous.status_code == 200
    for persona in PERSONAS:
        response = client_as(persona).get(route)
        assert (response.status_code, response.json()) == (200, anonymous.json()), persona


@pytest.mark.parametrize("route", ROUTES)
def test_it_refuses_to_change_anything(client, world, route):
    response = client.post(route)
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"


def test_it_lists_agreements_oldest_first_with_their_citation(client, world):
    items = client.get("/api/agreements/agreements").json()["items"]
    assert [i["pax_id"] for i in items] == [101, 106, 102, 103, 104, 105]
    assert items[2]["citation"] == "PA-X Peace Agreements Database, version 10, good.csv, row 3"
    assert items[2]["pillars"] == ["participation", "protection"]
    assert items[3]["countries"] == ["IND", "NPL"]


@pytest.mark.parametrize(("query", "expected"), [
    ("?year=2012", [104, 105]),
    ("?country=ind", [103]),
    ("?region=asia and pacific", [103, 104, 105]),
    ("?process=pax-7", [101, 102]),
    ("?pillar=protection", [102]),
    ("?pillar=empowerment&year=2010", [103]),
    ("?gender_provisions=false", [101, 106, 104]),
    ("?stage=Pre", [106, 104]),
])
def test_it_filters_agreements(client, world, query, expected):
    assert pax_ids(client, query) == expected


def test_it_pages_agreements(client, world):
    page = client.get("/api/agreements/agreements?limit=2&offset=2").json()
    assert (page["count"], page["limit"], page["offset"]) == (6, 2, 2)
    assert [i["pax_id"] for i in page["items"]] == [102, 103]


def test_it_gives_one_agreement_with_provisions_and_delegates(client, world):
    found = client.get("/api/agreements/agreements/101").json()
    signatories = next(d for d in found["delegates"] if d["role"] == "signatories")
    assert (signatories["women"], signatories["total"]) == (1, 6)
    assert signatories["citation"].endswith("good.csv, row 2")
    provisions = client.get("/api/agreements/agreements/102").json()["provisions"]
    assert {(p["code"], p["pillar"]) for p in provisions} == {
        ("WggPar", "participation"), ("WggGenQuot", "participation"), ("WggVio", "protection"),
        ("WggVioSex", "protection")}


@pytest.mark.parametrize(("query", "count"), [
    ("", 9), ("?pillar=participation", 2), ("?code=WggOth", 1), ("?agreement=103", 3), ("?year=2003", 4),
    ("?country=NPL", 5), ("?process=pax-12", 5),
])
def test_it_filters_provisions(client, world, query, count):
    assert client.get(f"/api/agreements/provisions{query}").json()["count"] == count


def test_it_lists_the_pillars_with_their_codes(client, world):
    pillars = client.get("/api/agreements/pillars").json()
    assert [p["slug"] for p in pillars] == [
        "participation", "protection", "empowerment", "institutions-and-law", "implementation"]
    assert {"code": "WggGenQuot", "label": "Gender Quotas", "pillar": "participation"} in pillars[0]["codes"]


def test_it_gives_the_same_shares_as_the_pages_csv(client, world):
    items = client.get("/api/agreements/shares?by=region").json()["items"]
    rows = csv_table(client.get("/agreements/data/region.csv").content)
    assert [(i["group"], i["agreements"], i["with_provisions"]) for i in items] == [
        (r["region"], int(r["agreements"]), int(r["with_provisions"])) for r in rows]


def test_it_gives_the_groups_of_women_at_the_table_with_their_sizes(client, world):
    found = client.get("/api/agreements/women-at-the-table").json()
    assert found["floor"] == 30.0
    assert [(g["group"], g["agreements"], g["with_provisions"]) for g in found["groups"]] == [
        ("Women reached the floor", 1, 1), ("Women below the floor", 3, 2), ("Not known", 1, 0)]


@pytest.mark.parametrize(("route", "status"), [
    ("/api/agreements/agreements/999", 404),
    ("/api/agreements/agreements?pillar=nowhere", 404),
    ("/api/agreements/provisions?pillar=nowhere", 404),
    ("/api/agreements/agreements?country=COLOMBIA", 422),
    ("/api/agreements/agreements?year=nineteen", 422),
    ("/api/agreements/shares?by=decade", 422),
    ("/api/agreements/agreements?limit=5000", 422),
])
def test_it_answers_bad_requests_in_the_error_shape(client, world, route, status):
    response = client.get(route)
    assert response.status_code == status
    assert response.json()["error"]["status"] == status
