"""The secretariat publishes Charter versions, opens cycles and records events in the admin; nobody else."""

from __future__ import annotations

import pytest

from criticalmass.charter.models import CharterVersion, ReportingCycle

MODELS = ["charter/charterversion", "charter/signature", "charter/reportingcycle", "charter/commitment",
          "charter/report", "charter/verification", "charter/reminder", "events/event", "events/panel",
          "events/expert", "events/panelpledge"]


@pytest.mark.parametrize("model", MODELS)
def test_it_opens_the_charter_and_events_admin_to_the_secretariat(client_as, model):
    assert client_as("secretariat").get(f"/admin/{model}/").status_code == 200


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor", None])
def test_it_keeps_everyone_else_out_of_the_charter_admin(client_as, persona):
    response = client_as(persona).get("/admin/charter/charterversion/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_it_lets_the_secretariat_publish_a_version_that_then_shows_publicly(client_as):
    response = client_as("secretariat").post("/admin/charter/charterversion/add/", {
        "number": "1", "title": "Charter of allies", "text": "We open doors.", "summary_of_changes": "",
        "published_at_0": "2026-01-01", "published_at_1": "10:00:00",
        "goals-TOTAL_FORMS": "0", "goals-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302
    assert CharterVersion.objects.get().published_at is not None
    assert "We open doors." in client_as(None).get("/charter/").content.decode()


def test_it_lets_the_secretariat_open_a_cycle_with_a_deadline(client_as):
    response = client_as("secretariat").post("/admin/charter/reportingcycle/add/", {
        "name": "2027", "opens_on": "2027-01-01", "deadline": "2027-12-31", "min_commitments": "2",
    })
    assert response.status_code == 302
    assert ReportingCycle.objects.get().min_commitments == 2


def test_it_lets_the_secretariat_record_a_panel_with_speakers(client_as):
    from criticalmass.events.models import Event, Speaker

    event = Event.objects.create(slug="summit", name="Summit", date="2027-03-01")
    response = client_as("secretariat").post("/admin/events/panel/add/", {
        "event": event.pk, "title": "Security", "topics": "security", "language": "English",
        "speakers-TOTAL_FORMS": "1", "speakers-INITIAL_FORMS": "0", "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000", "speakers-0-name": "A. Speaker", "speakers-0-gender": "unknown",
    })
    assert response.status_code == 302
    assert Speaker.objects.get().gender == "unknown"


def test_it_refuses_an_event_slug_that_is_another_pages_address(client_as):
    from criticalmass.events.models import Event

    response = client_as("secretariat").post("/admin/events/event/add/", {
        "slug": "tallies", "name": "Tallies", "date": "2027-03-01", "place": "", "url": ""})
    assert response.status_code == 200 and "is the address of another page" in response.content.decode()
    assert not Event.objects.exists()


def test_it_freezes_the_goals_of_a_published_charter_version_in_the_admin(rf, personas):
    from django.contrib.admin.sites import site
    from django.utils import timezone

    from criticalmass.charter.admin import CharterGoalInline
    from criticalmass.charter.models import CharterVersion

    inline = CharterGoalInline(CharterVersion, site)
    request = rf.get("/admin/")
    request.user = personas["secretariat"]
    published = CharterVersion(number=8, title="Signed", text="t", published_at=timezone.now())
    draft = CharterVersion(number=9, title="Draft", text="t")
    assert not inline.has_add_permission(request, published)
    assert not inline.has_change_permission(request, published)
    assert not inline.has_delete_permission(request, published)
    assert inline.has_change_permission(request, draft) and inline.has_add_permission(request, draft)
