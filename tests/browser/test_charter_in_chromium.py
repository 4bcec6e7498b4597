"""A partner's way through the Charter in headless Chromium: log in, sign with consent, report on a
commitment, and see both on the public pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from criticalmass.charter.models import CharterVersion, Commitment, Report, ReportingCycle, Signature
from criticalmass.core.models import Role, User
from tests.browser.conftest import ARTIFACTS

PASSWORD = "partner-password-123"

pytestmark = pytest.mark.browser




@pytest.fixture
def partner(live_db) -> User:
    today = timezone.localdate()
    CharterVersion.objects.create(number=1, title="Charter of allies", text="We open doors.",
                                  published_at=timezone.now())
    cycle = ReportingCycle.objects.create(name="This year", opens_on=today - dt.timedelta(days=5),
                                          deadline=today + dt.timedelta(days=20))
    user = User.objects.create_user(username="ally", password=PASSWORD, roles=[Role.PARTNER],
                                    display_name="Jon Ally")
    Commitment.objects.create(owner=user, cycle=cycle, what="Bring two women mediators to the talks",
                              indicator="Women mediators", baseline="0", target="2", deadline=cycle.deadline)
    return user


def log_in(page: Page, base: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill("ally")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def test_it_signs_the_charter_and_reports_on_a_commitment(browser, live_server, partner):
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    log_in(page, live_server.url)
    page.goto(live_server.url + "/charter/")
    page.get_by_role("link", name="Sign the Charter").click()
    page.locator("#id_title").fill("Ambassador")
    page.get_by_role("button", name="Sign the Charter").click()
    assert "tick the box agreeing to be listed publicly" in page.content()  # consent is not implied
    page.get_by_label("I agree to be listed publicly").check()
    page.get_by_role("button", name="Sign the Charter").click()
    page.wait_for_load_state()
    assert "you signed version 1" in page.content()
    assert page.locator("table.signatories").get_by_text("Jon Ally").is_visible()
    assert Signature.objects.get().title == "Ambassador"

    page.goto(live_server.url + "/my/commitments/")
    page.get_by_role("link", name="Report progress").click()
    page.get_by_label("Met", exact=True).check()
    page.locator("#id_narrative").fill("Two women mediators joined the talks in March.")
    page.locator("#id_evidence").fill("https://example.org/communique")
    page.get_by_role("button", name="Save the report").click()
    page.wait_for_load_state()
    assert "Report saved." in page.content()
    assert Report.objects.get().progress == "met"

    page.goto(live_server.url + "/accountability/partners/jon-ally/")
    assert "Two women mediators joined the talks in March." in page.content()
    assert page.locator("article.commitment .tag").first.text_content() == "Met"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "accountability.png"), full_page=True)
