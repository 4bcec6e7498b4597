"""Forms refuse posts without the CSRF token."""

from __future__ import annotations

import pytest
from django.test import Client

LOGIN = "/accounts/login/"


@pytest.fixture
def strict_client() -> Client:
    return Client(enforce_csrf_checks=True)


def test_it_refuses_a_login_post_without_a_csrf_token(personas, strict_client):
    response = strict_client.post(LOGIN, {"login": "partner", "password": "partner-password-123"})
    assert response.status_code == 403
    assert "_auth_user_id" not in strict_client.session


def test_it_refuses_a_login_post_with_a_forged_csrf_token(personas, strict_client):
    strict_client.get(LOGIN)
    response = strict_client.post(
        LOGIN, {"login": "partner", "password": "partner-password-123", "csrfmiddlewaretoken": "x" * 64}
    )
    assert response.status_code == 403


def test_it_accepts_a_login_post_with_the_token_from_the_form(personas, strict_client):
    form = strict_client.get(LOGIN)
    token = form.context["csrf_token"]
    response = strict_client.post(
        LOGIN, {"login": "partner", "password": "partner-password-123", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert strict_client.session["_auth_user_id"] == str(personas["partner"].pk)


def test_it_refuses_a_logout_post_without_a_csrf_token(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["partner"])
    assert client.post("/accounts/logout/").status_code == 403
    assert "_auth_user_id" in client.session
