"""The whole path of a new champion in headless Chromium: ask to join, verify the e-mail address from
the link in the mail, the secretariat (with its second factor) approves, the new partner signs the
Charter and records an event of his organisation."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page

from criticalmass.charter.models import CharterVersion, Signature
from criticalmass.core.models import Organization, Role, User
from criticalmass.events.models import Event
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
SECRETARIAT_PASSWORD = "secretariat-password-123"
PASSWORD = "a long uncommon passphrase 42"


@pytest.fixture
def coalition(live_db) -> Organization:
    CharterVersion.objects.create(number=1, title="Charter of allies", text="We open doors.",
                                  published_at=timezone.now())
    secretariat = User.objects.create_user("sec", "sec@example.org", SECRETARIAT_PASSWORD,
                                           roles=[Role.SECRETARIAT], display_name="Secretariat")
    TOTP.activate(secretariat, SECRET)
    return Organization.objects.create(name="Ghana Armed Forces", kind="military_police", country_id="GHA")


def ask_to_join(page: Page, base: str) -> None:
    page.goto(base + "/accounts/signup/")
    page.locator("#id_username").fill("kofi")
    page.locator("#id_email").fill("kofi@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_label("Name or pseudonym").fill("Kofi A.")
    page.get_by_label("I ask to join as").select_option("champion")
    page.get_by_label("My organisation").select_option(label="Ghana Armed Forces")
    page.get_by_label("Country").select_option("GHA")
    page.get_by_label("Languages I work in").fill("English, Twi")
    page.get_by_label("Why I ask to join").fill("To bring women into our peacekeeping units.")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_load_state()


def approve_as_the_secretariat(page: Page, base: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill("sec")
    page.get_by_label("Password").fill(SECRETARIAT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    counter = next(iter(yield_hotp_counters_from_time()))
    page.locator("#id_code").fill(f"{hotp_value(SECRET, counter):06d}")
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(base + "/secretariat/")
    page.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    assert "Kofi A. is a member" in page.content()


def test_it_takes_a_champion_from_asking_to_join_to_recording_an_event(browser, live_server, coalition):
    base = live_server.url
    applicant = browser.new_context(viewport={"width": 1280, "height": 1400}).new_page()
    ask_to_join(applicant, base)
    assert User.objects.get(username="kofi").roles == frozenset()
    confirm = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[0].body).group(1)
    applicant.goto(base + confirm)
    applicant.get_by_role("button", name="Confirm").click()
    applicant.wait_for_load_state()

    approve_as_the_secretariat(browser.new_context().new_page(), base)
    assert User.objects.get(username="kofi").has_role(Role.PARTNER)
    assert "approved" in mail.outbox[-1].body

    applicant.goto(base + "/charter/")
    applicant.get_by_role("link", name="Sign the Charter").click()
    applicant.locator("#id_title").fill("Colonel")
    applicant.get_by_label("I agree to be listed publicly").check()
    applicant.get_by_role("button", name="Sign the Charter").click()
    applicant.wait_for_load_state()
    assert Signature.objects.get().user.username == "kofi"

    applicant.goto(base + "/events/new/")
    applicant.get_by_label("Name").fill("Open day for women recruits")
    applicant.get_by_label("Slug").fill("open-day")
    applicant.get_by_label("Date").fill("2030-05-01")
    applicant.get_by_role("button", name="Save the event").click()
    applicant.wait_for_load_state()
    assert Event.objects.get(slug="open-day").organizer == coalition
    assert "Ghana Armed Forces" in applicant.content()
    ARTIFACTS.mkdir(exist_ok=True)
    applicant.screenshot(path=str(ARTIFACTS / "joined-event.png"), full_page=True)
