"""A micro-grant in headless Chromium, from the application to the public listing: a student club
applies, a reviewer scores it, the secretariat funds it within the budget, the grantee reports with a
receipt, and the grant is listed publicly (page and CSV)."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Page

from criticalmass.core.models import Role, User
from criticalmass.grants.models import Application, Receipt
from tests.browser.conftest import ARTIFACTS
from tests.conftest import PERSONA_TOTP_SECRET
from tests.grants.world import PDF, build_call

PASSWORD = "grantee-password-123"

pytestmark = pytest.mark.browser


@pytest.fixture
def people(live_db, upload_dir) -> dict[str, User]:
    build_call()
    grantee = User.objects.create_user(username="club", password=PASSWORD, roles=[Role.ADVOCATE],
                                       display_name="Ama")
    reviewer = User.objects.create_user(username="wmn", roles=[Role.REVIEWER], display_name="Reviewer")
    secretariat = User.objects.create_user(username="staff", roles=[Role.SECRETARIAT], display_name="Staff")
    for user in (reviewer, secretariat):
        TOTP.activate(user, PERSONA_TOTP_SECRET)  # their role requires a second factor before any change
    return {"grantee": grantee, "reviewer": reviewer, "secretariat": secretariat}


def page_as(browser: Browser, base: str, user: User) -> Page:
    """A page logged in as `user` (a session made on the server, as after a login with the second factor)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": base,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    return context.new_page()


def apply(page: Page, base: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill("club")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(base + "/grants/calls/open-call/")
    page.get_by_role("link", name="Apply for a grant").click()
    page.locator("#id_app-applicant_kind").select_option("club")
    page.locator("#id_app-group_name").fill("Accra Peace Club")
    page.locator("#id_app-project_title").fill("Campus dialogues on 1325")
    page.locator("#id_app-project").fill("Six dialogues on campus.")
    page.locator("#id_app-advances_women").fill("Women students chair every dialogue.")
    start = timezone.localdate() + dt.timedelta(days=30)
    page.locator("#id_app-starts_on").fill(start.isoformat())
    page.locator("#id_app-ends_on").fill((start + dt.timedelta(days=90)).isoformat())
    page.locator("#id_app-timeline").fill("Month 1: plan. Months 2-4: dialogues.")
    page.locator("#id_lines-0-item").fill("Venue")
    page.locator("#id_lines-0-amount").fill("700")
    page.locator("#id_lines-1-item").fill("Transport")
    page.locator("#id_lines-1-amount").fill("300")
    page.get_by_role("button", name="Send the application").click()
    page.wait_for_load_state()
    assert "Application sent." in page.content()


def test_it_takes_a_micro_grant_from_application_to_the_public_list(browser, live_server, people, upload_dir,
                                                                     tmp_path):
    base = live_server.url
    grantee = browser.new_page(viewport={"width": 1280, "height": 1400})
    apply(grantee, base)
    application = Application.objects.get()
    assert application.budget_total() == 1000

    reviewer = page_as(browser, base, people["reviewer"])
    reviewer.goto(base + "/grants/review/")
    reviewer.get_by_role("link", name="Review", exact=True).click()
    for field in reviewer.locator("input[name^=item_]").all():
        field.fill("4")
    reviewer.get_by_label("I declare I have no conflict of interest").check()
    reviewer.get_by_role("button", name="Save the review").click()
    reviewer.wait_for_load_state()
    assert "Review saved." in reviewer.content()

    staff = page_as(browser, base, people["secretariat"])
    staff.goto(base + f"/grants/applications/{application.pk}/")
    assert staff.locator("#remaining").text_content() == "5000.00 USD"
    assert staff.locator("#score").text_content() == "8.00"
    staff.locator("#id_decision").select_option("fund")
    staff.locator("#id_amount").fill("1000")
    staff.locator("#id_reason").fill("Clear plan, women lead it.")
    staff.get_by_role("button", name="Record the decision").click()
    staff.wait_for_load_state()
    assert "Decision recorded." in staff.content() and "Funded: 1000.00 USD" in staff.content()

    receipt = tmp_path / "venue.pdf"
    receipt.write_bytes(PDF)
    grantee.goto(base + "/grants/mine/")
    grantee.get_by_role("link", name="Report by").click()
    grantee.locator("#id_activities").fill("Six dialogues held; 140 students, 80 of them women.")
    grantee.locator("#id_spent").fill("985.50")
    grantee.locator("#id_receipts").set_input_files(str(receipt))
    grantee.get_by_role("button", name="Save the report").click()
    grantee.wait_for_load_state()
    assert "Report saved." in grantee.content()
    assert (upload_dir / Receipt.objects.get().stored_name).read_bytes() == PDF

    visitor = browser.new_page()
    visitor.goto(base + "/grants/")
    row = visitor.locator("#table-grants tbody tr")
    assert "Accra Peace Club" in row.text_content() and "1000.00 USD" in row.text_content()
    visitor.get_by_role("link", name="Campus dialogues on 1325").click()
    assert "985.50 USD" in visitor.content() and "/grants/receipts/" not in visitor.content()
    assert visitor.request.get(base + "/grants/calls/open-call/").ok
    ARTIFACTS.mkdir(exist_ok=True)
    visitor.screenshot(path=str(ARTIFACTS / "grant.png"), full_page=True)
