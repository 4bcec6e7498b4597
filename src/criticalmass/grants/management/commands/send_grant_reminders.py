"""criticalmass send-grant-reminders: e-mail grantees whose report is due soon or overdue; safe daily."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from criticalmass.grants.reminders import DEFAULT_DAYS_BEFORE, send_grant_reminders


class Command(BaseCommand):
    help = "E-mail grantees before their report deadline and once overdue. Each message is sent once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days-before", type=int, default=DEFAULT_DAYS_BEFORE,
                            help=f"Remind this many days before (default {DEFAULT_DAYS_BEFORE}).")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days_before"]
        if days < 0:
            raise CommandError(f"--days-before must be 0 or more, got {days}")
        try:
            sent, skipped = send_grant_reminders(timezone.localdate(), days)
        except OSError as exc:
            raise CommandError(f"Could not send e-mail: {exc}") from None
        self.stdout.write(f"Sent {sent} grant reminder(s); skipped {skipped} already sent or without "
                          "an address.")
