"""criticalmass send-training-reminders: mail trainers whose 3- or 6-month follow-up is due; safe daily."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from criticalmass.trainings.reminders import send_training_reminders


class Command(BaseCommand):
    help = "E-mail trainers whose follow-up at 3 or 6 months after their training is due and unanswered. " \
           "Each message is sent once; running again sends nothing new."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            sent, skipped = send_training_reminders(timezone.localdate())
        except OSError as exc:  # the mail server refused or is unreachable; nothing was logged for it
            raise CommandError(f"Could not send e-mail: {exc}") from None
        self.stdout.write(f"Sent {sent} reminder(s); skipped {skipped} already sent or without an address.")
