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
