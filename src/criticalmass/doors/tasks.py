"""The doors' scheduled tasks (beat runs them; see settings.CELERY_BEAT_SCHEDULE): promise reminders
daily, the retention clean-up of sensitive records weekly."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from criticalmass.doors.prune import prune_sensitive as delete_expired
from criticalmass.doors.reminders import send_door_reminders as write_reminders


@shared_task(name="criticalmass.doors.send_door_reminders")
def send_door_reminders() -> tuple[int, int]:
    """(written to the outbox, skipped): each reminder once; the outbox's own tasks send them."""
    return write_reminders(timezone.localdate())


@shared_task(name="criticalmass.doors.prune_sensitive")
def prune_sensitive() -> int:
    """Sensitive records deleted after CRITICALMASS_SENSITIVE_RETENTION_MONTHS."""
    return delete_expired(timezone.localdate())
