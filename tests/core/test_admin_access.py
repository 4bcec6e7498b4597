"""The admin is for the secretariat (staff) only; everyone else is sent to the admin login."""

from __future__ import annotations

import pytest

ADMIN = "/admin/"


def test_it_opens_the_admin_to_the_secretariat(client_as):
    response = client_as("secretariat").get(ADMIN)
    assert response.status_code == 200
    assert response.context["user"].username == "secretariat"


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor", None])
def test_it_sends_everyone_else_to_the_admin_login(client_as, persona):
    response = client_as(persona).get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor", None])
def test_it_keeps_everyone_else_out_of_the_admins_pages(client_as, persona):
    response = client_as(persona).get("/admin/core/user/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_it_refuses_a_secretariat_account_that_was_deactivated(client_as, personas):
    client = client_as("secretariat")
    personas["secretariat"].is_active = False
    personas["secretariat"].save()
    assert client.get(ADMIN).status_code == 302


@pytest.mark.parametrize("model", ["country", "organization", "source"])
def test_it_lets_the_secretariat_curate_countries_organizations_and_sources(client_as, model):
    client = client_as("secretariat")
    assert client.get(f"/admin/core/{model}/").status_code == 200
    assert client.get(f"/admin/core/{model}/add/").status_code == 200


def test_it_lets_the_secretariat_add_an_organization(client_as):
    from criticalmass.core.models import Organization

    response = client_as("secretariat").post(
        "/admin/core/organization/add/", {"name": "Women Peacemakers", "kind": "womens_organization"})
    assert response.status_code == 302
    assert Organization.objects.filter(name="Women Peacemakers").exists()


def test_it_shows_the_audit_trail_to_the_secretariat_read_only(client_as):
    from criticalmass.core.models import audit

    event = audit("test-action", "something")
    client = client_as("secretariat")
    assert client.get("/admin/core/auditevent/").status_code == 200
    assert client.get("/admin/core/auditevent/add/").status_code == 403
    assert client.post(f"/admin/core/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403


def test_it_keeps_accounts_with_superusers_so_the_secretariat_cannot_promote_itself(client_as):
    assert client_as("secretariat").get("/admin/core/user/").status_code == 403
