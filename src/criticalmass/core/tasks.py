"""The core's tasks: sending outbox mail, sweeping the outbox, pruning the audit (core.queue)."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.core.management import call_command

from criticalmass.core import outbox


@shared_task(bind=True, name="criticalmass.core.deliver_mail", acks_late=True, max_retries=None)
def deliver_mail(self: Any, pk: int) -> bool:
    """Send one outbox mail; a failed try comes back after its back-off. Run in the asking process
    (no broker), a failed mail waits for `send-outbox` rather than holding the request."""
    outcome = outbox.attempt(pk)
    if outcome.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.sent


@shared_task(name="criticalmass.core.send_outbox")
def send_outbox() -> tuple[int, int]:
    return outbox.sweep()


@shared_task(name="criticalmass.core.prune_audit")
def prune_audit() -> None:
    call_command("prune_audit")
