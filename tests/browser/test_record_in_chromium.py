"""The record cannot be quietly rewritten, in headless Chromium: a partner reports, a reviewer (with her
second factor) confirms, the partner edits his report, and the public page shows "changed after
verification" with both texts."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.mfa.totp.internal.auth import TOTP, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page

from criticalmass.charter.models import Commitment, ReportingCycle, Verification
from criticalmass.core.models import Membership, Organization, Role, User
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "a long uncommon passphrase 42"
FIRST = "Two women mediators joined the talks in March."
SECOND = "Four women mediators joined the talks in March."


@pytest.fixture
def commitment(live_db) -> Commitment:
    today = timezone.localdate()
    cycle = ReportingCycle.objects.create(name="This year", opens_on=today - dt.timedelta(days=5),
                                          deadline=today + dt.timedelta(days=20))
    partner = User.objects.create_user("ally", "ally@example.org", PASSWORD, roles=[Role.PARTNER],
                                       display_name="Jon Ally")
    reviewer = User.objects.create_user("ama", "ama@example.org", PASSWORD, roles=[Role.REVIEWER],
                                        display_name="Ama")
    TOTP.activate(reviewer, SECRET)
    network = Organization.objects.create(name="Women Mediators Network", kind="womens_organization",
                                          country_id="GHA")
    Membership.objects.create(user=reviewer, organization=network, position="member")
    return Commitment.objects.create(owner=partner, cycle=cycle, what="Bring women mediators to the talks",
                                     indicator="Women mediators", baseline="0", target="2",
                                     deadline=cycle.deadline)


def log_in(browser: Browser, base: str, username: str, second_factor: bool = False) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 1400}).new_page()
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    if second_factor:
        counter = next(iter(yield_hotp_counters_from_time()))
        page.locator("#id_code").fill(f"{hotp_value(SECRET, counter):06d}")
        page.locator("main button[type=submit]").first.click()
        page.wait_for_load_state()
    return page


def report(page: Page, base: str, commitment: Commitment, narrative: str) -> None:
    page.goto(f"{base}/my/commitments/{commitment.pk}/report/")
    page.get_by_label("Met", exact=True).check()
    page.locator("#id_narrative").fill(narrative)
    page.get_by_role("button", name="Save the report").click()
    page.wait_for_load_state()
    assert "Report saved." in page.content()


def test_it_shows_a_report_changed_after_its_confirmation_with_both_texts(browser, live_server, commitment):
    base = live_server.url
    partner = log_in(browser, base, "ally")
    report(partner, base, commitment, FIRST)

    reviewer = log_in(browser, base, "ama", second_factor=True)
    reviewer.goto(base + "/review/")
    card = reviewer.locator(f"#report-{commitment.report.pk}")
    card.get_by_label("Confirm").check()
    card.get_by_label("Comment").fill("We were at the talks: two women mediators.")
    card.get_by_role("button", name="Record my verdict").click()
    reviewer.wait_for_load_state()
    assert Verification.objects.get().verdict == "confirm"
    public = browser.new_page()
    public.goto(base + "/accountability/partners/jon-ally/")
    assert public.get_by_text("Confirmed by a reviewer").is_visible()

    report(partner, base, commitment, SECOND)
    public.goto(base + "/accountability/partners/jon-ally/")
    article = public.locator(f"#commitment-{commitment.pk}")
    assert article.get_by_text("Changed after verification", exact=True).is_visible()
    assert article.get_by_text("Confirmed by a reviewer").count() == 0
    assert article.get_by_text(SECOND).is_visible() and article.get_by_text(f"Met: {FIRST}").is_visible()
    assert [m.to for m in mail.outbox if "was changed" in m.subject] == [["ama@example.org"]]
    article.get_by_role("link", name="Full history of this commitment").click()
    public.wait_for_load_state()
    assert FIRST in public.content() and SECOND in public.content()
    ARTIFACTS.mkdir(exist_ok=True)
    public.screenshot(path=str(ARTIFACTS / "changed-after-verification.png"), full_page=True)
