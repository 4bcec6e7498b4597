"""Practices and stories: submitted by anyone logged in, with consent, optionally anonymous;
public only after the secretariat publishes them."""

from __future__ import annotations

import pytest

from criticalmass.core.models import AuditEvent
from criticalmass.hub.models import Practice, Status
from tests.conftest import PERSONAS
from tests.hub.world import build_hub

FORM = {
    "type": "story",
    "title": "Women at the checkpoint",
    "what": "How a checkpoint changed.",
    "country": "SSD",
    "contacts": "me@example.org",
    "consent": "on",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_every_logged_in_role_submit_a_practice_for_review(client_as, persona):
    response = client_as(persona).post("/hub/practices/new/", FORM)
    item = Practice.objects.get(title=FORM["title"])
    assert response.status_code == 302 and response["Location"] == f"/hub/practices/{item.slug}/"
    assert item.status == Status.PENDING and item.author.username == persona and item.consent
    assert AuditEvent.objects.filter(action="practice-submitted", target=item.slug).exists()


def test_it_sends_anonymous_people_to_log_in_and_saves_nothing(client_as):
    response = client_as(None).post("/hub/practices/new/", FORM)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Practice.objects.exists()


def test_it_refuses_a_submission_without_consent_and_saves_nothing(client_as):
    response = client_as("advocate").post("/hub/practices/new/", {**FORM, "consent": ""})
    assert response.status_code == 400
    assert "tick the box agreeing to review and publication" in response.content.decode()
    assert not Practice.objects.exists()


def test_it_refuses_a_submission_without_a_title_with_a_sentence(client_as):
    response = client_as("advocate").post("/hub/practices/new/", {**FORM, "title": ""})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not Practice.objects.exists()


def test_it_hides_pending_submissions_from_everyone_but_the_author_and_the_secretariat(client_as, personas):
    slugs = build_hub(personas["advocate"])
    url = f"/hub/practices/{slugs['pending']}/"
    for persona in [None, "partner", "reviewer", "visitor"]:
        assert client_as(persona).get(url).status_code == 404, persona
    for persona in ["advocate", "secretariat"]:
        assert client_as(persona).get(url).status_code == 200, persona
    assert "checkpoint" not in client_as(None).get("/hub/practices/").content.decode()


def test_it_publishes_after_the_secretariat_review_and_names_no_anonymous_author(client_as, personas):
    slugs = build_hub(personas["advocate"])
    response = client_as("secretariat").post(
        "/hub/review/", {"slug": slugs["pending"], "decision": "publish"}
    )
    assert response.status_code == 302
    story = Practice.objects.get(slug=slugs["pending"])
    assert story.status == Status.PUBLISHED and story.reviewed_by == personas["secretariat"]
    page = client_as(None).get(f"/hub/practices/{story.slug}/").content.decode()
    assert "Anonymous" in page and "advocate" not in page


def test_it_declines_a_submission_which_then_stays_private(client_as, personas):
    slugs = build_hub(personas["advocate"])
    client_as("secretariat").post("/hub/review/", {"slug": slugs["pending"], "decision": "reject"})
    assert Practice.objects.get(slug=slugs["pending"]).status == Status.REJECTED
    assert client_as(None).get(f"/hub/practices/{slugs['pending']}/").status_code == 404


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor"])
def test_it_lets_only_the_secretariat_review(client_as, personas, persona):
    slugs = build_hub(personas["advocate"])
    response = client_as(persona).post("/hub/review/", {"slug": slugs["pending"], "decision": "publish"})
    assert response.status_code == 403
    assert Practice.objects.get(slug=slugs["pending"]).status == Status.PENDING


def test_it_answers_a_review_without_a_decision_with_400_and_changes_nothing(client_as, personas):
    slugs = build_hub(personas["advocate"])
    response = client_as("secretariat").post("/hub/review/", {"slug": slugs["pending"], "decision": "maybe"})
    assert response.status_code == 400
    assert Practice.objects.get(slug=slugs["pending"]).status == Status.PENDING


def test_it_shows_contacts_only_when_the_author_agreed(client_as, personas):
    slugs = build_hub(personas["advocate"])
    url = f"/hub/practices/{slugs['practice']}/"
    assert "network@example.org" not in client_as(None).get(url).content.decode()
    Practice.objects.filter(slug=slugs["practice"]).update(show_contacts=True)
    assert "network@example.org" in client_as(None).get(url).content.decode()


def test_it_lists_published_practices_by_type(client_as, personas):
    build_hub(personas["advocate"])
    assert "Radio dialogues" in client_as(None).get("/hub/practices/?type=practice").content.decode()
    assert "Radio dialogues" not in client_as(None).get("/hub/practices/?type=story").content.decode()
