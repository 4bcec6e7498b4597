"""criticalmass send-door-reminders: remind brokers and advocates of promises due or overdue."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from criticalmass.doors.reminders import DEFAULT_DAYS_BEFORE, send_door_reminders


class Command(BaseCommand):
    help = "E-mail the broker and the advocate when a promise made in a meeting is due soon or overdue. " \
           "Each message is sent once; running again sends nothing new."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days-before", type=int, default=DEFAULT_DAYS_BEFORE,
                            help="Remind this many days before a promise is due "
                                 f"(default {DEFAULT_DAYS_BEFORE}).")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days_before"]
        if days < 0:
            raise CommandError(f"--days-before must be 0 or more, got {days}")
        try:
            sent, skipped = send_door_reminders(timezone.localdate(), days)
        except OSError as exc:
            raise CommandError(f"Could not send e-mail: {exc}") from None
        self.stdout.write(f"Sent {sent} reminder(s); skipped {skipped} already sent.")
