"""The Charter's JSON API: the same records as the pages, public, read-only, in the one error shape."""

from __future__ import annotations

import pytest
from django.utils import timezone

from criticalmass.charter.models import Signature

ROUTES = ["/api/charter/versions", "/api/charter/signatories", "/api/charter/commitments",
          "/api/charter/reports", "/api/charter/accountability"]


@pytest.fixture
def records(personas, charter, closed_cycle, open_cycle, make_commitment, make_report, make_verdict):
    Signature.objects.create(user=personas["partner"], version=charter, name="Jon Ally", title="Minister",
                             consented_at=timezone.now(), photo_url="https://example.org/p.jpg", bio="Hidden")
    report = make_report(make_commitment(personas["partner"], closed_cycle, "Reported one"), "met")
    make_verdict(report, personas["reviewer"], "dispute")
    make_commitment(personas["partner"], closed_cycle, "Silent one")


def test_it_lists_only_published_versions(client_as, records):
    numbers = [v["number"] for v in client_as(None).get("/api/charter/versions").json()]
    assert numbers == [2, 1]


def test_it_lists_signatories_without_photo_or_bio_unless_opted_in(client_as, records):
    body = client_as(None).get("/api/charter/signatories").json()
    assert body["count"] == 1
    assert body["items"][0]["name"] == "Jon Ally" and body["items"][0]["photo_url"] is None
    assert body["items"][0]["bio"] is None and body["items"][0]["version"] == 2


def test_it_gives_each_commitments_status_and_verification(client_as, records):
    items = {c["what"]: c for c in client_as(None).get("/api/charter/commitments").json()["items"]}
    assert items["Silent one"]["status"] == "not_reported" and items["Silent one"]["event"] is None
    assert items["Reported one"]["status"] == "met" and items["Reported one"]["verification"] == "disputed"


def test_it_filters_commitments_by_partner_and_cycle(client_as, records):
    assert client_as(None).get("/api/charter/commitments?partner=other").json()["count"] == 0
    assert client_as(None).get("/api/charter/commitments?cycle=2025").json()["count"] == 2


def test_it_gives_reports_with_evidence_and_verifications(client_as, records):
    item = client_as(None).get("/api/charter/reports").json()["items"][0]
    assert item["evidence"] == ["https://example.org/evidence"]
    assert item["verifications"][0]["verdict"] == "dispute"


def test_it_gives_the_accountability_figures(client_as, records):
    body = client_as(None).get("/api/charter/accountability").json()
    assert body["cycles"][0]["cycle"] == "2025" and body["cycles"][0]["not_reported"] == 1
    assert body["partners"][0]["made"] == 2 and body["partners"][0]["disputed"] == 1


@pytest.mark.parametrize("route", ROUTES)
def test_it_answers_every_route_to_everyone_and_refuses_writes(client_as, records, route):
    for persona in [None, "partner", "secretariat"]:
        assert client_as(persona).get(route).status_code == 200
    response = client_as("partner").post(route)
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"


def test_it_answers_a_bad_page_size_in_the_error_shape(client_as, records):
    response = client_as(None).get("/api/charter/commitments?limit=5000")
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid"
