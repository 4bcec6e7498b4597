"""criticalmass send-reminders: before deadlines, when overdue, and to reviewers; each message once."""

from __future__ import annotations

import re
import socket
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from criticalmass.charter.models import Reminder
from criticalmass.core.models import OutboxMail, User

pytestmark = pytest.mark.usefixtures("locmem")


@pytest.fixture
def locmem():
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        yield


def run(*args: str) -> str:
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):  # the outbox sends after the commit
        call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_it_reminds_a_partner_before_the_deadline_once(personas, open_cycle, make_commitment):
    make_commitment(personas["partner"], open_cycle, "Due soon")
    assert "Sent 1 reminder(s)" in run()
    assert mail.outbox[0].to == ["partner@example.org"] and "Due soon" in mail.outbox[0].body
    assert "Sent 0 reminder(s)" in run()
    assert len(mail.outbox) == 1 and Reminder.objects.count() == 1


def test_it_waits_until_the_deadline_is_near(personas, open_cycle, make_commitment):
    make_commitment(personas["partner"], open_cycle)
    run("--days-before", "3")
    assert mail.outbox == []


def test_it_tells_a_partner_once_when_reports_are_overdue(personas, closed_cycle, make_commitment):
    make_commitment(personas["partner"], closed_cycle, "Too late")
    run()
    run()
    assert len(mail.outbox) == 1 and "not reported" in mail.outbox[0].subject


def test_it_sends_nothing_about_reported_commitments(personas, closed_cycle, make_commitment, make_report):
    make_report(make_commitment(personas["partner"], closed_cycle))
    run()
    assert [m.to for m in mail.outbox] == [["reviewer@example.org"]]


def test_it_tells_reviewers_about_new_reports_once_each(personas, open_cycle, make_commitment, make_report):
    make_report(make_commitment(personas["partner"], open_cycle, "First"))
    run()
    make_report(make_commitment(personas["partner"], open_cycle, "Second"))
    run()
    to_reviewer = [m for m in mail.outbox if m.to == ["reviewer@example.org"]]
    assert len(to_reviewer) == 2 and "Second" in to_reviewer[1].body and "First" not in to_reviewer[1].body


def test_it_does_not_remind_reviewers_of_verified_reports(personas, open_cycle, make_commitment, make_report,
                                                          make_verdict):
    make_verdict(make_report(make_commitment(personas["partner"], open_cycle)), personas["reviewer"])
    run()
    assert mail.outbox == []


def test_it_skips_people_without_an_address_and_logs_nothing_for_them(personas, open_cycle, make_commitment):
    personas["partner"].email = ""
    personas["partner"].save()
    make_commitment(personas["partner"], open_cycle)
    assert "skipped 1" in run()
    assert mail.outbox == [] and not Reminder.objects.exists()


def test_it_refuses_a_negative_number_of_days(db):
    with pytest.raises(CommandError, match="--days-before must be 0 or more, got -1"):
        run("--days-before", "-1")


def test_it_keeps_a_reminder_the_mail_server_refused_in_the_outbox_and_sends_it_later(
        personas, open_cycle, make_commitment, settings):
    make_commitment(personas["partner"], open_cycle, "Due soon")
    with socket.socket() as probe:  # a port nothing listens on: the mail server refuses
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    assert "Sent 1 reminder(s)" in run()
    waiting = OutboxMail.objects.get()
    assert (waiting.status, waiting.attempts, waiting.recipient) == ("pending", 1, "partner@example.org")
    assert "ConnectionRefusedError" in waiting.last_error and waiting.next_attempt_at > timezone.now()
    assert "Sent 0 reminder(s)" in run()  # logged once: the outbox holds it, nothing is written twice
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxMail.objects.update(next_attempt_at=timezone.now())  # the back-off has passed
    out = StringIO()
    call_command("send_outbox", stdout=out)
    assert "Sent 1 mail(s)" in out.getvalue()
    assert [m.to for m in mail.outbox] == [["partner@example.org"]] and "Due soon" in mail.outbox[0].body
    assert OutboxMail.objects.get().status == "sent"


def test_it_links_each_reminder_to_the_page_to_act_on(personas, open_cycle, make_commitment, settings):
    settings.SITE_URL = "https://wps.example.org"
    commitment = make_commitment(personas["partner"], open_cycle)
    run()
    body = mail.outbox[0].body
    assert f"https://wps.example.org/my/commitments/{commitment.pk}/report/" in body
    assert "https://wps.example.org/accounts/preferences/" in body


def test_it_sends_no_reminder_to_a_member_who_chose_not_to_get_them(personas, open_cycle, make_commitment):
    personas["partner"].notify_reminders = False
    personas["partner"].save()
    make_commitment(personas["partner"], open_cycle)
    run()
    assert mail.outbox == []


def test_it_links_reviewers_to_the_report_to_verify(personas, open_cycle, make_commitment, make_report):
    report = make_report(make_commitment(personas["partner"], open_cycle))
    mail.outbox.clear()
    run()
    to_reviewer = next(m for m in mail.outbox if m.to == ["reviewer@example.org"])
    assert f"/review/#report-{report.pk}" in to_reviewer.body


def test_it_stops_a_kind_of_notice_from_the_link_in_its_mail_without_logging_in(
        client, personas, open_cycle, make_commitment):
    make_commitment(personas["partner"], open_cycle)
    run()
    stop = re.search(r"Stop these mails: http://localhost:8000(\S+)", mail.outbox[0].body).group(1)
    assert client.get(stop).status_code == 200
    assert User.objects.get(username="partner").notify_reminders  # following the link changes nothing
    assert client.post(stop).status_code == 200
    partner = User.objects.get(username="partner")
    assert (partner.notify_reminders, partner.notify_reviews) == (False, True)


def test_it_refuses_a_changed_stop_link(client, personas):
    assert client.post("/accounts/unsubscribe/not-a-token/").status_code == 404
