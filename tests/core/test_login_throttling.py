"""django-axes locks an account (from one address) after too many failed logins."""

from __future__ import annotations

import pytest
from django.test import Client

LOGIN = "/accounts/login/"
LOCKED_OUT = 429  # django-axes' AXES_HTTP_RESPONSE_CODE default: Too Many Requests


def log_in(client: Client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(LOGIN, {"login": username, "password": password}, REMOTE_ADDR=address)


def fail(client: Client, times: int, username: str = "partner", address: str = "203.0.113.7") -> list[int]:
    return [log_in(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_it_lets_someone_in_with_the_right_password(personas):
    client = Client()
    response = log_in(client, "partner", "partner-password-123")
    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.session["_auth_user_id"] == str(personas["partner"].pk)


def test_it_shows_the_form_again_after_a_few_wrong_passwords(personas, settings):
    assert fail(Client(), settings.AXES_FAILURE_LIMIT - 1) == [200] * (settings.AXES_FAILURE_LIMIT - 1)


def test_it_locks_the_account_after_the_failure_limit_and_refuses_the_right_password(personas, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    client = Client()
    assert fail(client, 5) == [200, 200, 200, 200, LOCKED_OUT]
    response = log_in(client, "partner", "partner-password-123")
    assert response.status_code == LOCKED_OUT
    assert "_auth_user_id" not in client.session
    assert "core/locked_out.html" in [template.name for template in response.templates]
    assert b"Too many failed attempts" in response.content
    assert "Content-Security-Policy" in response


def test_it_follows_the_configured_failure_limit(personas, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client = Client()
    assert fail(client, 2) == [200, LOCKED_OUT]
    assert log_in(client, "partner", "partner-password-123").status_code == LOCKED_OUT


def test_it_locks_only_that_account_from_that_address(personas, settings):
    client = Client()
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert log_in(Client(), "advocate", "advocate-password-123").status_code == 302
    assert log_in(Client(), "partner", "partner-password-123", address="198.51.100.9").status_code == 302


def test_it_forgets_failures_after_a_successful_login(personas, settings):
    client = Client()
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, "partner", "partner-password-123").status_code == 302
    assert fail(Client(), settings.AXES_FAILURE_LIMIT - 1) == [200] * (settings.AXES_FAILURE_LIMIT - 1)


@pytest.mark.parametrize("username", ["partner", "nobody-by-this-name"])
def test_it_counts_failures_for_unknown_accounts_too(personas, settings, username):
    assert fail(Client(), settings.AXES_FAILURE_LIMIT, username=username)[-1] == LOCKED_OUT
