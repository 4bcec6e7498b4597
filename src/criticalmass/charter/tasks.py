"""The charter's scheduled task: the daily reminders (beat runs it; see settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from criticalmass.charter.reminders import send_reminders as write_reminders


@shared_task(name="criticalmass.charter.send_reminders")
def send_reminders() -> tuple[int, int]:
    """(written to the outbox, skipped): each reminder once; the outbox's own tasks send them."""
    return write_reminders(timezone.localdate())
