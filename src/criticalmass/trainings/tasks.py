"""The trainings' scheduled task: trainers' follow-up reminders, daily (settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from criticalmass.trainings.reminders import send_training_reminders as write_reminders


@shared_task(name="criticalmass.trainings.send_training_reminders")
def send_training_reminders() -> tuple[int, int]:
    """(written to the outbox, skipped): each reminder once; the outbox's own tasks send them."""
    return write_reminders(timezone.localdate())
