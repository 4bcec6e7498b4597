"""The hub API: public evidence only, published practices without private contacts, safe search."""

from __future__ import annotations

import pytest

from criticalmass.core.models import User
from criticalmass.hub.models import Evidence
from tests.hub.world import build_hub


def test_it_lists_only_public_evidence_with_citations(client):
    body = client.get("/api/hub/evidence?limit=1000").json()
    assert body["count"] == Evidence.objects.public().count()
    slugs = {item["slug"] for item in body["items"]}
    assert "scr-1325" in slugs and "stone-durability" not in slugs
    item = next(i for i in body["items"] if i["slug"] == "signatories-durable-peace")
    assert item["citation"].startswith("Krause, Krause & Bränfors")
    assert "systematic-review-instrumentalist" in item["qualified_by"]


def test_it_filters_evidence_and_refuses_unknown_values(client):
    body = client.get("/api/hub/evidence?kind=counter-evidence").json()
    assert {i["slug"] for i in body["items"]} == {
        "systematic-review-instrumentalist",
        "added-burden-critique",
    }
    response = client.get("/api/hub/evidence?kind=rumour")
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid"


def test_it_answers_404_for_evidence_that_is_not_public(client):
    assert client.get("/api/hub/evidence/scr-1325").status_code == 200
    response = client.get("/api/hub/evidence/us-wps-act-reports")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_it_lists_published_practices_without_private_contacts(client):
    build_hub()
    items = client.get("/api/hub/practices").json()["items"]
    assert [i["slug"] for i in items] == ["radio-dialogues"]
    assert items[0]["contacts"] == "" and items[0]["byline"] == "Hub Author"


def test_it_never_bylines_a_practice_with_the_login_name(client, db):
    build_hub(User.objects.create_user("login-name-only", password="some-password-1234"))
    byline = client.get("/api/hub/practices").json()["items"][0]["byline"]
    assert byline == "A member"


@pytest.mark.parametrize("query", ['"((', "NEAR(a", "*", "-", "日本語", "x" * 1000])
def test_it_searches_any_text_without_an_error(client, query):
    response = client.get("/api/hub/search", {"q": query})
    assert response.status_code == 200 and isinstance(response.json()["items"], list)


def test_it_ranks_and_highlights_search_hits(client):
    hits = client.get("/api/hub/search?q=durable+peace+women+delegates").json()["items"]
    assert hits[0]["ref"] == "signatories-durable-peace"
    assert "<mark>" in hits[0]["snippet"]
    assert client.get("/api/hub/search?q=peace&country=toolong").status_code == 422
