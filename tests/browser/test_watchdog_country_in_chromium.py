"""A person's view of a watchdog country profile in headless Chromium (Debian's package)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.watchdog.world import build_watchdog

pytestmark = pytest.mark.browser


@pytest.fixture
def ghana(live_db, make_mission, observe):
    build_watchdog()
    observe(make_mission("UNMISS", "SSD"), "2013-06-30", "total", women=5, total=100, country="GHA")


def test_it_shows_a_country_profile_with_its_index_plans_duties_and_deployments(browser, live_server, ghana):
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    response = page.goto(live_server.url + "/watchdog/countries/GHA/")
    assert response is not None and response.status == 200
    assert page.get_by_role("heading", level=1).inner_text().startswith("Ghana")
    assert "Rank 97, score 0.651" in page.locator(".headline").inner_text()
    assert page.get_by_role("table", name="Plans and laws with their scorecards").is_visible()
    assert "Overdue by" in page.get_by_role("table", name="Legal reporting duties").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = Path(ARTIFACTS) / "watchdog-country.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_it_opens_a_plan_from_the_country_profile(browser, live_server, ghana):
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    page.goto(live_server.url + "/watchdog/countries/GHA/")
    page.get_by_role("link", name="Ghana NAP test two").click()
    page.wait_for_load_state()
    assert page.url.endswith("/watchdog/plans/tst-nap-2/")
    assert "Scorecard: 7.1%" in page.get_by_role("heading", level=2).first.inner_text()
