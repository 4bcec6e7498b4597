"""Every trainings API route is public and read-only: anonymous people and every persona get the same
200; an unknown programme is a 404 in the API's one error shape; writing is refused."""

from __future__ import annotations

import pytest

from criticalmass.api import api
from tests.conftest import PERSONAS
from tests.trainings.world import build_public_trainings

ROUTES = ["/api/trainings/programmes", "/api/trainings/programmes/gender-norms-tot",
          "/api/trainings/cascade", "/api/trainings/dialogues"]


def test_it_checks_every_trainings_route_of_the_schema():
    paths = {p for p in api.get_openapi_schema()["paths"] if p.startswith("/api/trainings/")}
    assert {r.replace("gender-norms-tot", "{slug}") for r in ROUTES} == paths


@pytest.mark.parametrize("route", ROUTES)
def test_it_answers_anonymous_people_and_every_persona_alike(client_as, route):
    build_public_trainings()
    anonymous = client_as(None).get(route)
    assert anonymous.status_code == 200
    for persona in PERSONAS:
        assert client_as(persona).get(route).json() == anonymous.json(), persona
    assert client_as("secretariat").post(route).status_code == 405


def test_it_answers_an_unknown_programme_with_a_404_in_the_error_shape(client, db):
    body = client.get("/api/trainings/programmes/nowhere").json()
    assert body["error"]["status"] == 404 and body["error"]["message"]
