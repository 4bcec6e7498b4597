"""criticalmass send-reminders: e-mail partners and reviewers what awaits them; safe to run daily."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from criticalmass.charter.reminders import DEFAULT_DAYS_BEFORE, send_reminders


class Command(BaseCommand):
    help = "E-mail partners before their reporting deadline and when overdue, signatories with fewer " \
           "commitments than an open cycle asks for, and reviewers when reports await them. " \
           "Each message is sent once; running again sends nothing new."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days-before", type=int, default=DEFAULT_DAYS_BEFORE,
                            help=f"Remind partners this many days before a deadline "
                                 f"(default {DEFAULT_DAYS_BEFORE}).")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days_before"]
        if days < 0:
            raise CommandError(f"--days-before must be 0 or more, got {days}")
        sent, skipped = send_reminders(timezone.localdate(), days)
        self.stdout.write(f"Sent {sent} reminder(s) through the outbox (retried until delivered; see "
                          f"send-outbox); skipped {skipped} already sent or without an address.")
