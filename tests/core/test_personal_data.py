"""A member sees, downloads (JSON) and deletes their own data; deleting keeps public commitments and
reports, shown as a former member's of their organisation, and removes everything personal."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from criticalmass.charter.models import CharterVersion, Commitment, Signature
from criticalmass.core.models import AuditEvent, User
from criticalmass.events.models import PanelPledge
from tests.charter.world import build_charter


@pytest.fixture
def charter(personas):
    ids = build_charter(personas["partner"], personas["reviewer"])
    Signature.objects.create(user=personas["partner"], version=CharterVersion.objects.get(),
                             name="Partner Person", title="Minister",
                             consented_at="2025-01-01T00:00Z", bio="A bio.")
    PanelPledge.objects.create(user=personas["partner"])
    return ids


def test_it_shows_a_member_their_data(client_as, charter):
    page = client_as("partner").get("/accounts/data/").content.decode()
    assert "partner@example.org" in page and "Open doors" in page and "Ghana Armed Forces" in page


def test_it_downloads_the_data_as_json(client_as, charter):
    response = client_as("partner").get("/accounts/data.json")
    assert response["Content-Disposition"] == 'attachment; filename="criticalmass-my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "partner@example.org"
    assert data["commitments"][0]["what"] == "Open doors"
    assert data["charter_signatures"][0]["name"] == "Partner Person"
    assert data["panel_pledge"] is not None and data["roles"] == ["partner"]


def test_it_shows_only_the_members_own_data(client_as, charter):
    data = json.loads(client_as("advocate").get("/accounts/data.json").content)
    assert data["commitments"] == [] and data["account"]["username"] == "advocate"


def test_it_asks_for_the_password_before_deleting(client_as, charter):
    response = client_as("partner").post("/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 400
    assert User.objects.get(username="partner").deleted_at is None


def test_it_deletes_the_personal_data_and_keeps_public_commitments(client_as, charter, personas):
    client = client_as("partner")
    response = client.post("/accounts/delete/", {"password": "partner-password-123"})
    assert response.status_code == 302 and "_auth_user_id" not in client.session
    former = User.objects.get(pk=personas["partner"].pk)
    assert (former.email, former.display_name, former.is_active) == ("", "", False)
    assert not former.has_usable_password() and former.deleted_at is not None
    assert former.public_name == "Former member of Ghana Armed Forces"
    assert Commitment.objects.get(pk=charter["commitment"]).owner_id == former.pk
    assert not PanelPledge.objects.filter(user=former).exists()
    signature = Signature.objects.get(user=former)
    assert (signature.name, signature.bio, signature.withdrawn_at is not None) == ("Former member", "", True)
    assert AuditEvent.objects.filter(action="member.deleted_own_data").exists()


def test_it_shows_the_commitment_publicly_as_a_former_members(client_as, charter, personas):
    client_as("partner").post("/accounts/delete/", {"password": "partner-password-123"})
    page = Client().get("/accountability/").content.decode()
    assert "Open doors" in page and "Former member of Ghana Armed Forces" in page
    assert "Partner Person" not in page
    slug = User.objects.get(pk=personas["partner"].pk).slug
    assert Client().get(f"/accountability/partners/{slug}/").status_code == 200


def test_it_lets_the_deleted_account_log_in_no_more(client_as, charter):
    client_as("partner").post("/accounts/delete/", {"password": "partner-password-123"})
    client = Client()
    response = client.post("/accounts/login/", {"login": "partner", "password": "partner-password-123"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_it_saves_which_notices_come_and_in_which_language(client_as, personas):
    response = client_as("reviewer").post("/accounts/preferences/",
                                          {"notify_reminders": "on", "language": "fr"})
    assert response.status_code == 302
    reviewer = User.objects.get(username="reviewer")
    assert (reviewer.notify_reminders, reviewer.notify_reviews, reviewer.language) == (True, False, "fr")
