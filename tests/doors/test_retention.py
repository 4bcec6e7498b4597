"""Retention and erasure of the doors' sensitive records: `criticalmass prune-sensitive` and a member's
deletion of her data leave no trace of them; her consented public account stays, as an advocate's."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from criticalmass.core.models import AuditEvent
from criticalmass.core.personal_data import collect, forget
from criticalmass.doors.models import Meeting, MeetingRequest, Promise, Reading, Reprisal
from tests.core.test_encryption import dump
from tests.doors.world import SECRET, build_doors


@pytest.fixture
def ids(personas, client_as):
    found = build_doors(personas["advocate"], personas["partner"])
    client_as("secretariat").get(f"/doors/requests/{found['door_request']}/")  # a read, and an audit event
    return found


def age(months: int) -> None:
    MeetingRequest.objects.update(last_activity=timezone.localdate() - dt.timedelta(days=31 * months))


def prune() -> str:
    out = StringIO()
    call_command("prune_sensitive", stdout=out)
    return out.getvalue()


def test_it_keeps_records_followed_up_within_the_retention_period(ids):
    age(23)
    assert "Deleted 0 request(s)" in prune()
    assert MeetingRequest.objects.count() == 1


def test_it_deletes_records_older_than_the_retention_period_leaving_no_trace(ids):
    age(25)
    assert "Deleted 1 request(s) last followed up more than 24 months ago" in prune()
    for model in (MeetingRequest, Meeting, Promise, Reprisal, Reading):
        assert not model.objects.exists(), model
    assert not AuditEvent.objects.filter(target__startswith="doors.request:").exists()
    assert not AuditEvent.objects.filter(target__startswith="doors.reprisal:").exists()
    assert AuditEvent.objects.get(action="doors.pruned").detail == {"requests": 1}
    assert "gAAAA" not in dump()  # no token (nor plaintext) of them left anywhere


def test_it_follows_the_retention_the_secretariat_sets(ids, settings):
    settings.SENSITIVE_RETENTION_MONTHS = 6
    age(7)
    assert "Deleted 1 request(s)" in prune()


def test_it_gives_the_advocate_her_requests_and_who_read_them_with_her_data(personas, ids):
    data = collect(personas["advocate"])
    [request] = data["meeting_requests"]
    assert request["safety_needs"] == SECRET
    assert [(r["reader"], r["break_glass"]) for r in request["read_by"]] == [("secretariat", True)]


def test_it_deletes_her_requests_when_she_deletes_her_data(personas, ids):
    forget(personas["advocate"])
    assert not MeetingRequest.objects.exists() and not Reprisal.objects.exists()
    assert SECRET not in dump()


def test_it_keeps_her_consented_public_account_stripped_of_everything_sensitive(personas, ids, client):
    Meeting.objects.update(public_consent_at=timezone.now())
    forget(personas["advocate"])
    kept = MeetingRequest.objects.get()
    assert kept.safety_needs == kept.contact == kept.purpose == "" and kept.meeting.notes == ""
    assert not Reprisal.objects.exists() and not Reading.objects.exists()
    assert "3 asks" in client.get("/doors/accounts/").content.decode()
