"""Sessions: logged-in pages are never stored by caches, idle sessions end (sooner for the secretariat
and reviewers), and the login page keeps working as before."""

from __future__ import annotations

import time

import pytest


def test_it_marks_a_logged_in_page_no_store(client_as):
    assert client_as("partner").get("/")["Cache-Control"] == "no-store"


def test_it_leaves_anonymous_pages_cacheable(client_as):
    assert "no-store" not in client_as(None).get("/").get("Cache-Control", "")


def idle_for(client, seconds: int) -> None:
    session = client.session
    session["last_seen"] = int(time.time()) - seconds
    session.save()


@pytest.mark.parametrize("persona", ["secretariat", "reviewer"])
def test_it_ends_a_staff_or_reviewer_session_idle_over_two_hours(client_as, persona, settings):
    assert settings.IDLE_TIMEOUT_MINUTES == 120
    client = client_as(persona)
    client.get("/")
    idle_for(client, 2 * 3600 + 60)
    response = client.get("/my/commitments/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_it_keeps_a_partner_session_idle_for_two_hours(client_as):
    client = client_as("partner")
    client.get("/")
    idle_for(client, 2 * 3600 + 60)
    assert client.get("/my/commitments/").status_code == 200


def test_it_keeps_a_session_in_use(client_as):
    client = client_as("reviewer")
    client.get("/")
    idle_for(client, 60)
    assert client.get("/review/").status_code == 200
