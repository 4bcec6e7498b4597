"""Mail that is never lost: every notice is written to the outbox (`OutboxMail`) in the transaction of
the change that causes it; after the commit the queue sends it (`core.tasks.deliver_mail`).

A try claims the mail first (a compare-and-set on `claimed_until`), so two senders never send it twice
at once; a sender that dies lets its claim lapse and the mail is tried again. A failed try waits an
exponentially growing delay (lib.backoff); after CRITICALMASS_MAIL_TRIES tries the mail is marked
failed, logged, audited and listed for the secretariat, who may try it again. `criticalmass
send-outbox` (and a beat task every 5 minutes) sends whatever is due, so mail waiting because the
broker or the mail server was down goes out once they are back. Delivery is at least once: a worker
killed between the mail server's "accepted" and the database write sends that mail again.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from criticalmass.core.models import OutboxMail, User, audit
from criticalmass.lib import backoff

logger = logging.getLogger(__name__)


def claim_span() -> dt.timedelta:
    """How long a try holds its mail: longer than one SMTP exchange (CRITICALMASS_EMAIL_TIMEOUT)."""
    return dt.timedelta(seconds=2 * settings.EMAIL_TIMEOUT + 10)


def enqueue(recipient: User | None, subject: str, body: str, *, kind: str,
            address: str = "") -> OutboxMail:
    """Write the mail to the outbox; it is sent after the surrounding transaction commits (and never
    if it rolls back)."""
    mail = OutboxMail.objects.create(
        user=recipient, recipient=address or (recipient.email if recipient else ""), subject=subject,
        body=body, kind=kind, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: dispatch(mail.pk))
    return mail


def dispatch(pk: int) -> None:
    """Hand the mail to the queue. A broker that does not answer leaves it in the outbox, where
    `send-outbox` finds it."""
    from criticalmass.core.tasks import deliver_mail

    try:
        deliver_mail.delay(pk)
    except Exception as exc:  # noqa: BLE001 - kombu raises many kinds; the mail is safe in the outbox
        if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            raise
        logger.warning("The queue did not take outbox mail %s (%s); send-outbox will send it", pk, exc)


@dataclass(frozen=True)
class Outcome:
    sent: bool
    retry_in: int | None  # seconds until the next try, None when nothing more is to be done


def claim(pk: int, now: dt.datetime) -> bool:
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    return bool(OutboxMail.objects.filter(free, pk=pk, status=OutboxMail.Status.PENDING)
                .update(claimed_until=now + claim_span()))


def attempt(pk: int) -> Outcome:
    """One try at sending the mail: sent, failed for now (with the wait before the next try), or
    failed for good after the last try."""
    now = timezone.now()
    if not claim(pk, now):
        held = OutboxMail.objects.filter(pk=pk, status=OutboxMail.Status.PENDING).first()
        if held is None:
            return Outcome(sent=False, retry_in=None)  # sent already, failed for good, or gone
        wait = max(1, int(((held.claimed_until or now) - now).total_seconds()) + 1)
        return Outcome(sent=False, retry_in=wait)  # another sender holds it; look again after its claim
    mail = OutboxMail.objects.get(pk=pk)
    try:
        send_mail(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.recipient])
    except Exception as exc:  # noqa: BLE001 - smtplib's and the backend's errors: all are a failed try
        return failed(mail, exc)
    OutboxMail.objects.filter(pk=pk).update(status=OutboxMail.Status.SENT, sent_at=timezone.now(),
                                            attempts=mail.attempts + 1, claimed_until=None, last_error="")
    return Outcome(sent=True, retry_in=None)


def failed(mail: OutboxMail, exc: Exception) -> Outcome:
    mail.attempts += 1
    mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    mail.claimed_until = None
    if mail.attempts >= settings.MAIL_TRIES:
        mail.status = OutboxMail.Status.FAILED
        mail.save(update_fields=["attempts", "last_error", "claimed_until", "status"])
        logger.error("Outbox mail %s to %s failed after %d tries: %s", mail.pk, f"core.user:{mail.user_id}",
                     mail.attempts, mail.last_error)
        audit("mail.failed", f"core.outboxmail:{mail.pk}",
              detail={"subject": mail.subject, "member": mail.user_id, "error": mail.last_error})
        return Outcome(sent=False, retry_in=None)
    wait = backoff.delay(mail.attempts, settings.MAIL_RETRY_DELAY, settings.MAIL_RETRY_CAP)
    mail.next_attempt_at = timezone.now() + dt.timedelta(seconds=wait)
    mail.save(update_fields=["attempts", "last_error", "claimed_until", "next_attempt_at"])
    logger.warning("Outbox mail %s: try %d of %d failed (%s); next in %d s", mail.pk, mail.attempts,
                   settings.MAIL_TRIES, mail.last_error, wait)
    return Outcome(sent=False, retry_in=wait)


def due() -> list[int]:
    now = timezone.now()
    return list(OutboxMail.objects.filter(status=OutboxMail.Status.PENDING, next_attempt_at__lte=now)
                .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
                .order_by("next_attempt_at", "pk").values_list("pk", flat=True))


def sweep() -> tuple[int, int]:
    """Try every mail that is due, in this process: (sent, not sent)."""
    sent = unsent = 0
    for pk in due():
        if attempt(pk).sent:
            sent += 1
        else:
            unsent += 1
    return sent, unsent


def try_again(mail: OutboxMail, by: User) -> None:
    """The secretariat's retry of a failed mail: a fresh round of tries."""
    with transaction.atomic():
        OutboxMail.objects.filter(pk=mail.pk, status=OutboxMail.Status.FAILED).update(
            status=OutboxMail.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_until=None)
        audit("mail.retried", f"core.outboxmail:{mail.pk}", user=by)
        transaction.on_commit(lambda: dispatch(mail.pk))
