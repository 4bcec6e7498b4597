"""Actions and their status updates, per role: the secretariat and reviewers edit; partners propose
status updates that a reviewer or the secretariat accepts; visitors and anonymous people read."""

from __future__ import annotations

import pytest

from criticalmass.core.models import AuditEvent
from criticalmass.watchdog.models import Action, ActionStatus, StatusUpdate
from tests.conftest import PERSONAS
from tests.watchdog.world import build_watchdog

EDIT = {"objective": "Raise women's share of officers", "indicator": "share", "baseline": "8%",
        "target": "20%", "deadline": "2030-12-31", "responsible_unit": "HR", "budget_amount": "300000",
        "budget_currency": "ghs", "budget_year": "2027", "status": "delayed"}


@pytest.fixture
def world(db):
    return build_watchdog()


def test_it_shows_an_action_to_everyone_with_accepted_updates_only(client_as, world):
    StatusUpdate.objects.create(action_id=world["action"], status="on_track", note="accepted note",
                                accepted=True)
    for persona in [None, "visitor", "partner", "advocate"]:
        page = client_as(persona).get(f"/watchdog/actions/{world['action']}/").content.decode()
        assert "accepted note" in page and "proposed by a partner" not in page, persona
    for persona in ["reviewer", "secretariat"]:
        page = client_as(persona).get(f"/watchdog/actions/{world['action']}/").content.decode()
        assert "proposed by a partner" in page and "Accept</button>" in page, persona


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_reviewers_and_the_secretariat_edit_an_action(client_as, world, persona):
    response = client_as(persona).post(f"/watchdog/actions/{world['action']}/edit/", EDIT)
    action = Action.objects.get(pk=world["action"])
    if persona in ("reviewer", "secretariat"):
        assert response.status_code == 302
        assert (action.target, action.budget_currency, action.status) == ("20%", "GHS", "delayed")
        assert AuditEvent.objects.filter(action="watchdog.action.edit").exists()
    else:
        assert response.status_code == 403
        assert action.target == "15%"


def test_it_sends_anonymous_people_to_log_in_before_editing(client_as, world):
    response = client_as(None).post(f"/watchdog/actions/{world['action']}/edit/", EDIT)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert Action.objects.get(pk=world["action"]).target == "15%"


def test_it_refuses_an_amount_without_its_currency_and_saves_nothing(client_as, world):
    response = client_as("reviewer").post(f"/watchdog/actions/{world['action']}/edit/",
                                          {**EDIT, "budget_currency": ""})
    assert response.status_code == 400
    assert "An amount needs its currency." in response.content.decode()
    assert Action.objects.get(pk=world["action"]).target == "15%"


def test_it_keeps_a_partners_status_update_as_a_proposal(client_as, world, personas):
    url = f"/watchdog/actions/{world['action']}/updates/new/"
    form = {"status": "completed", "note": "done", "evidence_url": "example.org/r"}
    response = client_as("partner").post(url, form)
    assert response.status_code == 302
    update = StatusUpdate.objects.get(note="done")
    assert (update.accepted, update.reported_by, update.evidence_url) == (False, personas["partner"],
                                                                          "https://example.org/r")
    assert Action.objects.get(pk=world["action"]).status == ActionStatus.ON_TRACK


@pytest.mark.parametrize("persona", ["reviewer", "secretariat"])
def test_it_applies_a_reviewers_or_the_secretariats_update_at_once(client_as, world, persona):
    client_as(persona).post(f"/watchdog/actions/{world['action']}/updates/new/", {"status": "completed"})
    assert Action.objects.get(pk=world["action"]).status == ActionStatus.COMPLETED


@pytest.mark.parametrize("persona", ["advocate", "visitor"])
def test_it_refuses_status_updates_from_advocates_and_visitors(client_as, world, persona):
    url = f"/watchdog/actions/{world['action']}/updates/new/"
    response = client_as(persona).post(url, {"status": "completed"})
    assert response.status_code == 403
    assert StatusUpdate.objects.count() == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_reviewers_and_the_secretariat_accept_a_proposal(client_as, world, persona):
    response = client_as(persona).post(f"/watchdog/updates/{world['update']}/accept/")
    accepted = StatusUpdate.objects.get(pk=world["update"]).accepted
    if persona in ("reviewer", "secretariat"):
        assert response.status_code == 302 and accepted
        assert Action.objects.get(pk=world["action"]).status == ActionStatus.DELAYED
    else:
        assert response.status_code == 403 and not accepted


def test_it_accepts_a_proposal_only_once(client_as, world):
    client = client_as("reviewer")
    assert client.post(f"/watchdog/updates/{world['update']}/accept/").status_code == 302
    Action.objects.filter(pk=world["action"]).update(status=ActionStatus.COMPLETED)
    again = client.post(f"/watchdog/updates/{world['update']}/accept/", follow=True)
    assert "already been accepted" in again.content.decode()
    assert Action.objects.get(pk=world["action"]).status == ActionStatus.COMPLETED
    assert AuditEvent.objects.filter(action="watchdog.update.accept").count() == 1


def test_it_refuses_a_status_that_does_not_exist(client_as, world):
    url = f"/watchdog/actions/{world['action']}/updates/new/"
    response = client_as("partner").post(url, {"status": "great"})
    assert response.status_code == 400
    assert StatusUpdate.objects.count() == 1
