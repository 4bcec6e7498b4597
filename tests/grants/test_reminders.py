"""Grantees are reminded of their report before the deadline and once overdue, each mail once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from criticalmass.grants.models import GrantReminder
from criticalmass.grants.reminders import send_grant_reminders
from tests.grants.world import make_application


@pytest.fixture
def grant(call, personas):
    return make_application(call, personas["advocate"], status="funded", amount_awarded=Decimal(800))


def test_it_reminds_a_grantee_before_the_deadline_once(call, grant, django_capture_on_commit_callbacks):
    near = call.report_deadline - dt.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once committed
        assert send_grant_reminders(near) == (1, 0)
    assert send_grant_reminders(near) == (0, 1)
    assert len(mail.outbox) == 1 and f"/grants/applications/{grant.pk}/report/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["advocate@example.org"]


def test_it_reminds_once_more_when_overdue_and_never_after_the_report(call, grant):
    send_grant_reminders(call.report_deadline + dt.timedelta(days=1))
    assert GrantReminder.objects.get().key == f"grant-overdue:{grant.pk}"
    grant.status = "declined"
    grant.save()
    assert send_grant_reminders(call.report_deadline + dt.timedelta(days=2)) == (0, 0)


def test_it_sends_nothing_long_before_the_deadline(call, grant):
    assert send_grant_reminders(call.report_deadline - dt.timedelta(days=60)) == (0, 0)


def test_it_runs_as_a_command(call, grant, capsys):
    call_command("send_grant_reminders", "--days-before", "365")
    assert "Sent 1 grant reminder(s)" in capsys.readouterr().out


def test_it_opens_the_demo_call_once(db, capsys):
    from criticalmass.grants.models import Call

    call_command("create_demo_call")
    call_command("create_demo_call")
    demo = Call.objects.get()
    assert demo.is_open() and demo.rubric.count() == 3
    assert "exists; nothing changed" in capsys.readouterr().out
