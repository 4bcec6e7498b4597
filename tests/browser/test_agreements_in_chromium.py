"""A person's view: headless Chromium opens the agreements overview and follows it to an agreement."""

from __future__ import annotations

import pytest

from tests.agreements.world import build_agreements
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


@pytest.fixture
def agreements_data(live_db):
    build_agreements()


def test_it_renders_the_overview_chart_and_tables_and_leads_to_an_agreement(browser, live_server,
                                                                            agreements_data):
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    response = page.goto(live_server.url + "/agreements/")
    assert response is not None and response.status == 200
    assert page.locator("#chart-year").is_visible()
    assert page.get_by_role("table").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "agreements.png"), full_page=True)
    page.get_by_role("link", name="Testland peace process").click()
    page.wait_for_load_state()
    assert "/agreements/processes/pax-7/" in page.url
    page.get_by_role("link", name="Testland Implementation Protocol").click()
    page.wait_for_load_state()
    assert "/agreements/102/" in page.url
    caption = "Provisions on women, girls and gender in PA-X 102, by pillar"
    provisions = page.get_by_role("table", name=caption)
    assert provisions.is_visible() and "Sexual violence" in provisions.inner_text()
