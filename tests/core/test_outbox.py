"""Mail that is never lost: written in the change's transaction, sent after the commit, retried with
back-off, marked failed after the last try and listed for the secretariat, who may try it again."""

from __future__ import annotations

import datetime as dt
import logging
import socket
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from criticalmass.core import outbox
from criticalmass.core.models import AuditEvent, OutboxMail


@pytest.fixture
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def refusing_smtp(settings):
    with socket.socket() as probe:  # a port nothing listens on: the mail server refuses
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port


def test_it_sends_a_mail_only_after_the_change_commits(personas, locmem, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        written = outbox.enqueue(personas["partner"], "Critical Mass: a notice", "Hello", kind="decision")
        assert mail.outbox == []  # not before the commit
    assert [m.to for m in mail.outbox] == [["partner@example.org"]]
    written.refresh_from_db()
    assert (written.status, written.attempts) == ("sent", 1) and written.sent_at is not None


def test_it_never_sends_a_mail_whose_change_rolled_back(personas, locmem, django_capture_on_commit_callbacks):
    class Undone(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Undone), transaction.atomic():
        outbox.enqueue(personas["partner"], "Critical Mass: a notice", "Hello", kind="decision")
        raise Undone
    assert mail.outbox == [] and not OutboxMail.objects.exists()


def test_it_waits_longer_after_each_refusal_then_marks_the_mail_failed_and_logs_it(
        personas, refusing_smtp, settings, caplog):
    settings.MAIL_TRIES, settings.MAIL_RETRY_DELAY = 3, 60
    written = outbox.enqueue(personas["partner"], "Critical Mass: a notice", "Hello", kind="decision")
    waits = []
    for _ in range(2):
        before = timezone.now()
        outcome = outbox.attempt(written.pk)
        written.refresh_from_db()
        waits.append(outcome.retry_in)
        assert written.status == "pending" and written.next_attempt_at >= before + dt.timedelta(seconds=60)
    assert waits == [60, 120]
    with caplog.at_level(logging.ERROR, logger="criticalmass.core.outbox"):
        assert outbox.attempt(written.pk).retry_in is None
    written.refresh_from_db()
    assert (written.status, written.attempts) == ("failed", 3)
    assert "ConnectionRefusedError" in written.last_error
    assert "failed after 3 tries" in caplog.text
    assert AuditEvent.objects.filter(action="mail.failed", target=f"core.outboxmail:{written.pk}").exists()


def test_it_does_not_send_a_mail_another_sender_holds(personas, locmem):
    written = outbox.enqueue(personas["partner"], "Critical Mass: a notice", "Hello", kind="decision")
    assert outbox.claim(written.pk, timezone.now())  # a worker took it and is sending
    outcome = outbox.attempt(written.pk)
    assert not outcome.sent and outcome.retry_in is not None and outcome.retry_in > 0
    assert mail.outbox == []
    assert outbox.due() == []  # the sweep leaves it to its holder too


def test_it_sends_what_is_due_when_swept_and_leaves_what_waits_its_back_off(personas, locmem):
    due = outbox.enqueue(personas["partner"], "Critical Mass: due", "Hello", kind="reminders")
    waiting = outbox.enqueue(personas["reviewer"], "Critical Mass: later", "Hello", kind="reviews")
    OutboxMail.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now() + dt.timedelta(hours=1))
    out = StringIO()
    call_command("send_outbox", stdout=out)
    assert "Sent 1 mail(s)" in out.getvalue()
    assert [m.subject for m in mail.outbox] == ["Critical Mass: due"]
    assert OutboxMail.objects.get(pk=due.pk).status == "sent"
    assert OutboxMail.objects.get(pk=waiting.pk).status == "pending"


def test_it_lists_failed_mail_for_the_secretariat_who_sends_it_again(
        personas, client_as, locmem, django_capture_on_commit_callbacks):
    failed = OutboxMail.objects.create(user=personas["partner"], recipient="partner@example.org",
                                       subject="Critical Mass: you are a member", body="Hello",
                                       kind="decision", status="failed", attempts=8,
                                       last_error="SMTPRecipientsRefused: mailbox full",
                                       next_attempt_at=timezone.now())
    page = client_as("secretariat").get("/secretariat/outbox/").content.decode()
    assert "Critical Mass: you are a member" in page and "mailbox full" in page and "Try again" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("secretariat").post(f"/secretariat/outbox/{failed.pk}/retry/")
    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == ("sent", 1)
    assert [m.to for m in mail.outbox] == [["partner@example.org"]]
    assert AuditEvent.objects.filter(action="mail.retried", user=personas["secretariat"]).exists()


def test_it_says_what_to_do_when_no_mail_failed(client_as):
    page = client_as("secretariat").get("/secretariat/outbox/").content.decode()
    assert "No mail failed. Nothing to do" in page


def test_it_answers_404_to_a_retry_of_mail_that_did_not_fail(personas, client_as):
    sent = OutboxMail.objects.create(recipient="partner@example.org", subject="s", body="b", kind="decision",
                                     status="sent", next_attempt_at=timezone.now())
    assert client_as("secretariat").post(f"/secretariat/outbox/{sent.pk}/retry/").status_code == 404
    assert OutboxMail.objects.get(pk=sent.pk).status == "sent"


def test_it_shows_an_unknown_status_filter_as_the_failed_list(client_as):
    response = client_as("secretariat").get("/secretariat/outbox/?status=<script>")
    assert response.status_code == 200 and "Mail failed" in response.content.decode()
