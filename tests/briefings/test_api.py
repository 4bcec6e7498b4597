"""The briefings API: audiences with their weights, and a briefing as data."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import Category


@pytest.fixture
def unmiss(make_mission, observe):
    mission = make_mission("UNMISS", "SSD")
    observe(mission, "2021-01-31", Category.TOTAL, women=6, total=100, country="GHA", row=4)
    return mission


def test_it_lists_audiences_with_their_weights_heaviest_first(client):
    audiences = {a["slug"]: a for a in client.get("/api/briefings/audiences").json()}
    assert audiences["force-commander"]["weights"][0] == {"argument": "security_utilitarian", "weight": 90}
    assert "military" in audiences["force-commander"]["evidence_tags"]


def test_it_answers_a_briefing_as_data(client, unmiss):
    body = client.get("/api/briefings/donor/mission/unmiss").json()
    assert body["context"] == "unmiss" and body["context_kind"] == "mission"
    assert body["figures"][0]["value"] == "6.0% (6 of 100)"
    assert body["figures"][0]["source"] == "Test dataset, test.csv, row 4"
    assert body["sections"][0]["argument"] == "empirical_effectiveness"
    assert body["sources"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("donor/mission/nowhere", 404),
        ("astronaut/mission/unmiss", 404),
        ("donor/country/TOOLONG", 404),
        ("donor/country/%20", 404),
        ("donor/planet/unmiss", 422),
    ],
)
def test_it_answers_bad_briefing_requests_in_the_error_shape(client, unmiss, path, status):
    response = client.get(f"/api/briefings/{path}")
    assert response.status_code == status
    assert response.json()["error"]["status"] == status and response.json()["error"]["message"]
