"""Every read route is public: anonymous people and every persona get the same 200."""

from __future__ import annotations

import pytest

from criticalmass.api import api
from tests.conftest import PERSONAS
from tests.parity.api_world import ROUTES, build_world


@pytest.fixture
def world(make_mission, observe, source):
    return build_world(make_mission, observe, source)


def test_it_checks_every_route_of_the_schema():
    paths = [path for path in api.get_openapi_schema()["paths"] if path.startswith("/api/parity/")]
    schema_paths = {path.replace("{slug}", "x") for path in paths}
    tested = {r.replace("unmiss", "x").replace("escalating-to-parity", "x") for r in ROUTES}
    assert tested == schema_paths


@pytest.mark.parametrize("route", ROUTES)
def test_it_answers_anonymous_and_every_persona_alike(client_as, world, route):
    anonymous = client_as(None).get(route)
    assert anonymous.status_code == 200
    assert anonymous["Content-Type"].startswith("application/json")
    for persona in PERSONAS:
        response = client_as(persona).get(route)
        assert response.status_code == 200, persona
        assert response.json() == anonymous.json(), persona
