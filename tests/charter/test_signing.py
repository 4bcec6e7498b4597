"""A partner signs with explicit consent to be listed, and can withdraw; nobody else can sign."""

from __future__ import annotations

import pytest

from criticalmass.charter.models import Signature
from criticalmass.core.models import AuditEvent

FORM = {"name": "Jon Ally", "title": "Ambassador", "organization": "", "photo_url": "", "bio": ""}


def test_it_shows_the_signing_form_to_a_partner(client_as, charter):
    response = client_as("partner").get("/charter/sign/")
    assert response.status_code == 200 and 'name="consent"' in response.content.decode()


def test_it_signs_the_current_version_with_consent_and_logs_it(client_as, personas, charter):
    response = client_as("partner").post("/charter/sign/", {**FORM, "consent": "on"})
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.user, signature.version, signature.name) == (personas["partner"], charter, "Jon Ally")
    assert signature.consented_at is not None and not signature.show_profile
    assert AuditEvent.objects.filter(action="charter.signed", user=personas["partner"]).exists()
    assert "Jon Ally" in client_as(None).get("/charter/").content.decode()


def test_it_refuses_to_sign_without_consent_and_writes_nothing(client_as, charter):
    response = client_as("partner").post("/charter/sign/", FORM)
    assert response.status_code == 400
    assert "tick the box agreeing to be listed publicly" in response.content.decode()
    assert not Signature.objects.exists() and not AuditEvent.objects.exists()


def test_it_names_a_missing_title_and_a_bad_photo_address(client_as, charter):
    response = client_as("partner").post("/charter/sign/", {**FORM, "title": "", "photo_url": "not a url x",
                                                            "consent": "on"})
    page = response.content.decode()
    assert response.status_code == 400 and "This field is required." in page and "Enter a valid URL." in page
    assert not Signature.objects.exists()


def test_it_does_not_let_a_partner_sign_twice(client_as, charter):
    client = client_as("partner")
    client.post("/charter/sign/", {**FORM, "consent": "on"})
    response = client.post("/charter/sign/", {**FORM, "consent": "on"})
    assert response.status_code == 302 and Signature.objects.count() == 1


def test_it_withdraws_a_signature_and_unlists_it(client_as, personas, charter):
    client = client_as("partner")
    client.post("/charter/sign/", {**FORM, "consent": "on"})
    assert client.post("/charter/withdraw/").status_code == 302
    assert Signature.objects.get().withdrawn_at is not None
    assert "Jon Ally" not in client_as(None).get("/charter/").content.decode()
    assert AuditEvent.objects.filter(action="charter.withdrawn").exists()


def test_it_lets_a_partner_sign_again_after_withdrawing(client_as, charter):
    client = client_as("partner")
    client.post("/charter/sign/", {**FORM, "consent": "on"})
    client.post("/charter/withdraw/")
    client.post("/charter/sign/", {**FORM, "consent": "on"})
    assert Signature.objects.filter(withdrawn_at__isnull=True).count() == 1


def test_it_answers_404_when_no_version_is_published(client_as, db):
    assert client_as("partner").get("/charter/sign/").status_code == 404


def test_it_refuses_withdrawing_with_a_get(client_as, charter):
    assert client_as("partner").get("/charter/withdraw/").status_code == 405


@pytest.mark.parametrize("persona", ["secretariat", "advocate", "reviewer", "visitor"])
@pytest.mark.parametrize("url", ["/charter/sign/", "/charter/withdraw/"])
def test_it_forbids_signing_to_everyone_but_partners(client_as, charter, persona, url):
    assert client_as(persona).post(url, {**FORM, "consent": "on"}).status_code == 403
    assert not Signature.objects.exists()


@pytest.mark.parametrize("url", ["/charter/sign/", "/charter/withdraw/"])
def test_it_sends_anonymous_people_to_log_in_before_signing(client_as, charter, url):
    response = client_as(None).post(url, {**FORM, "consent": "on"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_refuses_a_photo_on_a_host_the_pages_cannot_show(client_as, charter, settings):
    settings.IMAGE_SOURCES = ["https://images.example.org"]
    response = client_as("partner").post("/charter/sign/", {**FORM, "photo_url": "https://tracker.example.com/me.jpg",
                                                            "show_profile": "on", "consent": "on"})
    assert response.status_code == 400
    assert "only from the image hosts it allows: https://images.example.org" in response.content.decode()
    assert not Signature.objects.exists()


def test_it_keeps_a_photo_on_an_allowed_host(client_as, charter, settings):
    settings.IMAGE_SOURCES = ["https://images.example.org"]
    client_as("partner").post("/charter/sign/", {**FORM, "photo_url": "https://images.example.org/me.jpg",
                                                 "show_profile": "on", "consent": "on"})
    assert Signature.objects.get().photo_url == "https://images.example.org/me.jpg"
