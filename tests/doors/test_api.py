"""The doors' API routes are public and read-only: anonymous people and every persona get the same
answer, and nothing sensitive is in it."""

from __future__ import annotations

import pytest

from criticalmass.api import api
from tests.conftest import PERSONAS
from tests.doors.world import SECRET, build_doors

ROUTES = ["/api/doors/processes/unmiss/leadership", "/api/doors/reprisals"]


def test_it_checks_every_doors_route_of_the_schema():
    paths = {path.replace("{slug}", "unmiss") for path in api.get_openapi_schema()["paths"]
             if path.startswith("/api/doors/")}
    assert paths == set(ROUTES)


@pytest.mark.parametrize("route", ROUTES)
def test_it_answers_anonymous_people_and_every_persona_alike_without_secrets(client_as, personas, route):
    build_doors(personas["advocate"], personas["partner"])
    anonymous = client_as(None).get(route)
    assert anonymous.status_code == 200 and SECRET not in anonymous.content.decode()
    for persona in PERSONAS:
        assert client_as(persona).get(route).json() == anonymous.json(), persona


@pytest.mark.parametrize("route", ROUTES)
def test_it_refuses_to_change_anything_through_the_api(client_as, db, route):
    response = client_as("secretariat").post(route)
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"
