"""An advocate's way to a door in headless Chromium: from a post in the directory, ask for a meeting,
choose what may be shown, and find that nothing is sent in her name before she confirms."""

from __future__ import annotations

import pytest

from criticalmass.core.models import Role, User
from criticalmass.doors.models import MeetingRequest
from tests.browser.conftest import ARTIFACTS
from tests.doors.world import build_posts, mission

PASSWORD = "advocate-password-123"

pytestmark = pytest.mark.browser


@pytest.fixture
def advocate(live_db) -> User:
    build_posts(mission())
    return User.objects.create_user(username="amina", password=PASSWORD, roles=[Role.ADVOCATE],
                                    display_name="Sister A")


def test_it_asks_for_a_meeting_from_the_directory(browser, live_server, advocate):
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(live_server.url + "/doors/")
    page.get_by_role("link", name="Force Commander, UNMISS").click()
    assert page.get_by_text("UN press release SG/A/2").is_visible()
    page.get_by_role("link", name="Ask for a meeting with this post").click()
    page.get_by_label("Purpose").fill("Women on the ceasefire committee")
    page.get_by_label("Issue").fill("Night patrols near the camps")
    page.get_by_label("Attendees").fill("Three women peacebuilders")
    page.get_by_label("Languages").fill("Arabic, English")
    page.get_by_label("Safety needs").fill("No photographs")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    page.screenshot(path=str(ARTIFACTS / "doors-request.png"), full_page=True)
    assert "Nothing is sent in your name before you confirm" in page.content()
    assert "Status: requested" in page.content() and "Nothing, ever" in page.content()
    assert page.get_by_role("button", name="Withdraw").is_visible()
    door = MeetingRequest.objects.get()
    assert door.advocate == advocate and door.safety_needs == "No photographs"
    assert door.visibility == "nothing"
    page.close()
