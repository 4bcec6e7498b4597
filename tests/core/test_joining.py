"""Asking to join: sign-up is a request, the e-mail is verified, the secretariat approves or declines
with a reason from its own pages, the applicant is told by mail; nothing is public before approval."""

from __future__ import annotations

import re
import socket
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from criticalmass.core.models import JoinRequest, Membership, Organization, Role, User

PASSWORD = "a long uncommon passphrase 42"


def application(**changes: object) -> dict[str, object]:
    return {"username": "amina", "email": "amina@example.org", "password1": PASSWORD, "password2": PASSWORD,
            "display_name": "Amina K.", "kind": "champion", "organization": "",
            "proposed_organization": "Sahel Women Engineers", "proposed_kind": "civil_society",
            "country": "GHA", "languages": "English, Hausa", "why": "To commit our firm to parity.",
            **changes}


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/\S+)", message.body).group(1)


@pytest.fixture
def applicant(db) -> Client:
    client = Client()
    response = client.post("/accounts/signup/", application())
    assert response.status_code == 302
    return client


def test_it_shows_the_request_to_join_form_to_anyone(client_as):
    page = client_as(None).get("/accounts/signup/").content.decode()
    for label in ["Name or pseudonym", "I ask to join as", "My organisation", "Country", "Languages", "Why"]:
        assert label in page


def test_it_creates_an_account_with_no_role_and_a_pending_request(applicant):
    amina = User.objects.get(username="amina")
    assert amina.roles == frozenset() and amina.display_name == "Amina K."
    join = JoinRequest.objects.get(user=amina)
    assert (join.status, join.kind) == ("pending", "champion")
    assert join.proposed_organization == "Sahel Women Engineers"
    assert not Organization.objects.filter(name="Sahel Women Engineers").exists()


def test_it_sends_a_link_to_verify_the_address(applicant):
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_it_refuses_a_request_without_a_name_or_pseudonym(db):
    response = Client().post("/accounts/signup/", application(display_name=""))
    assert response.status_code == 200 and not User.objects.filter(username="amina").exists()


def test_it_refuses_a_request_naming_no_organisation(db):
    response = Client().post("/accounts/signup/", application(proposed_organization=""))
    assert b"Choose your organisation, or propose it" in response.content
    assert not User.objects.filter(username="amina").exists()


def test_it_shows_nothing_of_an_applicant_publicly(applicant, client_as):
    slug = User.objects.get(username="amina").slug
    assert client_as(None).get(f"/accountability/partners/{slug}/").status_code == 404
    assert "Amina" not in client_as(None).get("/accountability/").content.decode()


def test_it_lets_the_secretariat_approve_only_a_verified_address(applicant, client_as):
    join = JoinRequest.objects.get(user__username="amina")
    assert "e-mail not verified yet" in client_as("secretariat").get("/secretariat/").content.decode()
    client_as("secretariat").post(f"/secretariat/requests/{join.pk}/approve/")
    assert JoinRequest.objects.get(pk=join.pk).status == "pending"


def verify(applicant: Client) -> None:
    confirm = link_in(mail.outbox[0])
    assert applicant.post(confirm).status_code == 302


def test_it_approves_with_the_asked_role_and_the_proposed_organisation(applicant, client_as, personas,
                                                                       django_capture_on_commit_callbacks):
    verify(applicant)
    join = JoinRequest.objects.get(user__username="amina")
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        response = client_as("secretariat").post(f"/secretariat/requests/{join.pk}/approve/")
    assert response.status_code == 302
    amina = User.objects.get(username="amina")
    assert amina.has_role(Role.PARTNER)
    organisation = Organization.objects.get(name="Sahel Women Engineers")
    assert (organisation.kind, organisation.country_id) == ("civil_society", "GHA")
    assert Membership.objects.filter(user=amina, organization=organisation).exists()
    told = mail.outbox[-1]
    assert told.to == ["amina@example.org"] and "approved" in told.body and "/accounts/login/" in told.body


def test_it_declines_with_a_reason_the_applicant_is_told(applicant, client_as,
                                                         django_capture_on_commit_callbacks):
    join = JoinRequest.objects.get(user__username="amina")
    with django_capture_on_commit_callbacks(execute=True):
        client_as("secretariat").post(f"/secretariat/requests/{join.pk}/decline/",
                                      {"reason": "Unknown firm."})
    join.refresh_from_db()
    assert (join.status, join.reason) == ("declined", "Unknown firm.")
    assert "Unknown firm." in mail.outbox[-1].body and mail.outbox[-1].to == ["amina@example.org"]
    assert User.objects.get(username="amina").roles == frozenset()


def test_it_refuses_to_decline_without_a_reason(applicant, client_as):
    join = JoinRequest.objects.get(user__username="amina")
    client_as("secretariat").post(f"/secretariat/requests/{join.pk}/decline/", {"reason": ""})
    assert JoinRequest.objects.get(pk=join.pk).status == "pending"


def test_it_tells_the_declined_applicant_why_on_their_account_page(client_as):
    page = client_as("declined").get("/accounts/").content.decode()
    assert "We could not confirm your organisation." in page


def test_it_sends_a_password_reset_link_that_sets_a_new_password(personas):
    client = Client()
    assert client.post("/accounts/password/reset/", {"email": "partner@example.org"}).status_code == 302
    reset = link_in(mail.outbox[-1])
    form = client.get(reset, follow=True)
    new = "another long passphrase 77"
    response = client.post(form.redirect_chain[-1][0] if form.redirect_chain else reset,
                           {"password1": new, "password2": new})
    assert response.status_code == 302
    assert User.objects.get(username="partner").check_password(new)


def test_it_lets_a_member_change_the_password_in_the_account_pages(client_as, personas):
    new = "a brand new passphrase 55"
    response = client_as("partner").post("/accounts/password/change/", {
        "oldpassword": "partner-password-123", "password1": new, "password2": new})
    assert response.status_code == 302
    assert User.objects.get(username="partner").check_password(new)


def test_it_takes_a_champion_from_asking_to_join_to_recording_an_event(applicant, client_as, organisations):
    from criticalmass.charter.models import CharterVersion, Signature
    from criticalmass.events.models import Event

    CharterVersion.objects.create(number=1, title="Charter", text="Text.", published_at="2025-01-01T00:00Z")
    verify(applicant)
    join = JoinRequest.objects.get(user__username="amina")
    client_as("secretariat").post(f"/secretariat/requests/{join.pk}/approve/")
    response = applicant.post("/charter/sign/", {"name": "Amina K.", "title": "Director", "consent": "on"})
    assert response.status_code == 302 and Signature.objects.get().user.username == "amina"
    engineers = Organization.objects.get(name="Sahel Women Engineers")
    response = applicant.post("/events/new/", {"name": "Open day", "slug": "open-day", "date": "2030-05-01",
                                               "organizer": engineers.pk})
    assert response.status_code == 302
    assert Event.objects.get(slug="open-day").organizer == engineers


def test_it_keeps_the_decision_and_the_mail_that_could_not_be_sent_until_the_last_try(
        applicant, client_as, settings, django_capture_on_commit_callbacks):
    from criticalmass.core.models import AuditEvent, OutboxMail

    with socket.socket() as probe:  # a port nothing listens on: the SMTP server refuses
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.MAIL_TRIES = "127.0.0.1", closed_port, 2
    join = JoinRequest.objects.get(user__username="amina")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("secretariat").post(f"/secretariat/requests/{join.pk}/decline/",
                                                 {"reason": "Unknown firm."}, follow=True)
    assert JoinRequest.objects.get(pk=join.pk).status == "declined"
    assert "a mail tells them the reason" in response.content.decode()
    told = OutboxMail.objects.get(user=join.user)
    assert (told.status, told.attempts, told.kind) == ("pending", 1, "decision")
    OutboxMail.objects.update(next_attempt_at=told.created_at)  # the back-off has passed
    call_command("send_outbox", stdout=StringIO())
    told.refresh_from_db()
    assert (told.status, told.attempts) == ("failed", 2)
    assert AuditEvent.objects.filter(action="mail.failed", target=f"core.outboxmail:{told.pk}").exists()
