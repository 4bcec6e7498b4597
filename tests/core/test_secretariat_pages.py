"""The secretariat's own pages: members' roles and memberships, organisations, access and the audit,
each change audited; declined applicants, partners and reviewers are refused."""

from __future__ import annotations

import pytest
from django.core import mail

from criticalmass.core.models import AuditEvent, Membership, Organization, Role, User


def test_it_sets_several_roles_at_once(client_as, personas):
    member = personas["advocate"]
    response = client_as("secretariat").post(f"/secretariat/members/{member.pk}/",
                                             {"roles": ["advocate", "reviewer"]})
    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).roles == {Role.ADVOCATE, Role.REVIEWER}
    assert AuditEvent.objects.filter(action="member.roles", target=f"core.user:{member.pk}").exists()


def test_it_adds_and_removes_a_membership(client_as, personas, organisations):
    member, peace = personas["advocate"], organisations["Ministry of Peace"]
    client = client_as("secretariat")
    client.post(f"/secretariat/members/{member.pk}/memberships/",
                {"organization": peace.pk, "position": "focal_point"})
    found = Membership.objects.get(user=member, organization=peace)
    assert found.position == "focal_point"
    client.post(f"/secretariat/memberships/{found.pk}/remove/")
    assert not Membership.objects.filter(user=member).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"membership.set", "membership.removed"} <= actions


def test_it_creates_and_changes_an_organisation(client_as):
    client = client_as("secretariat")
    client.post("/secretariat/organisations/", {"name": "Youth for Peace", "kind": "youth_club",
                                                "country": "KEN", "website": "youth.example.org"})
    found = Organization.objects.get(name="Youth for Peace")
    assert (found.kind, found.country_id, found.website) == ("youth_club", "KEN", "https://youth.example.org")
    client.post(f"/secretariat/organisations/{found.pk}/",
                {"name": "Youth for Peace Kenya", "kind": "youth_club"})
    assert Organization.objects.get(pk=found.pk).name == "Youth for Peace Kenya"


def test_it_resets_access_with_a_link_by_mail(client_as, personas):
    partner = personas["partner"]
    client_as("secretariat").post(f"/secretariat/members/{partner.pk}/access/", {"action": "reset"})
    assert not User.objects.get(pk=partner.pk).has_usable_password()
    assert mail.outbox[-1].to == ["partner@example.org"]
    assert "/accounts/password/reset/key/" in mail.outbox[-1].body


def test_it_suspends_and_restores_an_account(client_as, personas):
    partner = personas["partner"]
    client = client_as("secretariat")
    client.post(f"/secretariat/members/{partner.pk}/access/", {"action": "suspend"})
    assert not User.objects.get(pk=partner.pk).has_role(Role.PARTNER)
    client.post(f"/secretariat/members/{partner.pk}/access/", {"action": "restore"})
    assert User.objects.get(pk=partner.pk).has_role(Role.PARTNER)


def test_it_shows_who_did_what_in_the_audit(client_as, personas):
    client_as("secretariat").post(f"/secretariat/members/{personas['partner'].pk}/access/",
                                  {"action": "suspend"})
    page = client_as("secretariat").get("/secretariat/audit/").content.decode()
    assert "member.access.suspend" in page and "secretariat" in page


def test_it_lists_pending_requests_with_their_organisation(client_as, personas):
    page = client_as("secretariat").get("/secretariat/").content.decode()
    assert "applicant" in page and "Ghana Armed Forces" in page
    assert "We could not confirm your organisation." in page  # the declined one, with its reason


@pytest.mark.parametrize("persona", ["declined", "applicant", "another_partner", "inside_reviewer"])
@pytest.mark.parametrize("url", ["/secretariat/", "/secretariat/members/", "/secretariat/audit/"])
def test_it_refuses_the_secretariat_pages_to_everyone_else(client_as, persona, url):
    assert client_as(persona).get(url).status_code == 403


def test_it_refuses_a_superuser_without_the_secretariat_role(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "root-password-123")
    client.force_login(root)
    assert client.get("/secretariat/").status_code == 403
