"""Secretariat and reviewer accounts set up a second factor (TOTP, with recovery codes) before they
change anything; logging in then asks for a code. Other accounts may set one up."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.test import Client

from criticalmass.charter.models import Verification
from tests.charter.world import build_charter
from tests.conftest import PERSONA_TOTP_SECRET

SETUP = "/accounts/2fa/totp/activate/"


@pytest.fixture
def without_second_factor(personas):
    def strip(name: str):
        Authenticator.objects.filter(user=personas[name]).delete()
        return personas[name]

    return strip


@pytest.mark.parametrize(("persona", "url"), [
    ("secretariat", "/secretariat/organisations/"),
    ("reviewer", "/review/reports/1/"),
])
def test_it_sends_an_account_without_second_factor_to_set_it_up_before_any_change(
        client_as, without_second_factor, persona, url):
    without_second_factor(persona)
    response = client_as(persona).post(url, {"name": "Anything"})
    assert (response.status_code, response["Location"]) == (302, SETUP)


def test_it_changes_nothing_for_a_reviewer_without_second_factor(client_as, personas, without_second_factor):
    ids = build_charter(personas["partner"], personas["another_partner"])
    without_second_factor("reviewer")
    client_as("reviewer").post(f"/review/reports/{ids['report']}/", {"verdict": "confirm", "comment": "Yes."})
    assert not Verification.objects.filter(reviewer=personas["reviewer"]).exists()


def test_it_still_lets_an_account_without_second_factor_read_its_pages(client_as, without_second_factor):
    without_second_factor("secretariat")
    assert client_as("secretariat").get("/secretariat/").status_code == 200


def test_it_lets_an_account_without_second_factor_set_it_up(without_second_factor):
    without_second_factor("secretariat")
    client = Client()
    client.post("/accounts/login/", {"login": "secretariat", "password": "secretariat-password-123"})
    assert client.get(SETUP)["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": "secretariat-password-123"})
    page = client.get(SETUP)
    assert page.status_code == 200 and b"Activate" in page.content
    secret = page.context["form"].secret
    counter = next(iter(yield_hotp_counters_from_time()))
    response = client.post(SETUP, {"code": f"{hotp_value(secret, counter):06d}"})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user__username="secretariat", type="totp").exists()
    created = client.post("/secretariat/organisations/", {"name": "New one", "kind": "business"})
    assert created.status_code == 302


def test_it_asks_partners_for_no_second_factor(client_as, personas):
    response = client_as("partner").post("/events/new/", {})
    assert response.status_code == 400


def current_code() -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return f"{hotp_value(PERSONA_TOTP_SECRET, counter):06d}"


def test_it_asks_for_the_code_at_login_and_lets_in_with_it(personas):
    client = Client()
    response = client.post("/accounts/login/", {"login": "reviewer", "password": "reviewer-password-123"})
    assert (response.status_code, response["Location"]) == (302, "/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    response = client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(personas["reviewer"].pk)


def test_it_refuses_a_wrong_code(personas):
    client = Client()
    client.post("/accounts/login/", {"login": "reviewer", "password": "reviewer-password-123"})
    wrong = "000000" if current_code() != "000000" else "111111"
    assert client.post("/accounts/2fa/authenticate/", {"code": wrong}).status_code == 200
    assert "_auth_user_id" not in client.session
