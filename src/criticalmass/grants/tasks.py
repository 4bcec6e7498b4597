"""The grants' scheduled task: grantees' report reminders, daily (settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from criticalmass.grants.reminders import send_grant_reminders as write_reminders


@shared_task(name="criticalmass.grants.send_grant_reminders")
def send_grant_reminders() -> tuple[int, int]:
    """(written to the outbox, skipped): each reminder once; the outbox's own tasks send them."""
    return write_reminders(timezone.localdate())
