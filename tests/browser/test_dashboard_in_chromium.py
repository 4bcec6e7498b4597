"""A person's view: headless Chromium (Debian's package) opens the dashboard and a mission page."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import Category
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser




@pytest.fixture
def mission_data(live_db, make_mission, observe):
    mission = make_mission("UNMISS", "SSD")
    for month, women in [("2012-01-31", 2), ("2013-01-31", 4), ("2014-01-31", 6)]:
        for role in [Category.TOTAL, Category.TROOPS]:
            observe(mission, month, role, women=women, total=100, country="GHA")
    return mission


def test_it_renders_the_dashboard_chart_and_table(browser, live_server, mission_data):
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    response = page.goto(live_server.url + "/")
    assert response is not None and response.status == 200
    assert page.locator("svg").first.is_visible()
    table = page.locator("table").first
    assert table.is_visible()
    assert "UNMISS" in page.content()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000


def test_it_opens_a_mission_page_from_the_ranking(browser, live_server, mission_data):
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="UNMISS").first.click()
    page.wait_for_load_state()
    assert "/missions/unmiss/" in page.url
    assert page.locator("svg").first.is_visible()
    assert page.locator("table").first.is_visible()
    assert "6.0%" in page.content()
    page.screenshot(path=str(ARTIFACTS / "mission.png"), full_page=True)
