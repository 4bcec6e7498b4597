"""A person's view: headless Chromium builds a briefing for a force commander and downloads its PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from criticalmass.parity.models import Category
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser




@pytest.fixture
def mission(live_db, make_mission, observe):
    unmiss = make_mission("UNMISS", "SSD")
    for month, women, row in [("2012-01-31", 2, 2), ("2013-01-31", 4, 3), ("2014-01-31", 6, 4)]:
        observe(unmiss, month, Category.TOTAL, women=women, total=100, country="GHA", row=row)
    return unmiss


def test_it_builds_a_briefing_from_the_cards_and_downloads_its_pdf(browser, live_server, mission):
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Evidence and briefings").click()
    page.locator("#card-mission-leader").get_by_role(
        "link", name="Build a briefing for a force commander"
    ).click()
    page.get_by_label("Audience").select_option("force-commander")
    page.get_by_label("Peace operation").select_option("unmiss")
    page.get_by_role("button", name="Build the briefing").click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Briefing: Force commander · Mission UNMISS"
    )
    assert "6.0% (6 of 100)" in page.content()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "briefing.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "6.0% (6 of 100)" in text and "Test dataset, test.csv, rows 2–4" in text
