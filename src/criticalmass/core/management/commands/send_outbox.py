"""criticalmass send-outbox: send every outbox mail that is due (waiting after a failed try, or left
when the queue was down). Beat runs it every 5 minutes; without a broker, run it from cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from criticalmass.core import outbox
from criticalmass.core.models import OutboxMail


class Command(BaseCommand):
    help = ("Send the outbox mail that is due now, in this process; mail refused again waits its back-off, "
            "and after CRITICALMASS_MAIL_TRIES tries is marked failed (listed at /secretariat/outbox/).")
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        sent, unsent = outbox.sweep()
        failed = OutboxMail.objects.filter(status=OutboxMail.Status.FAILED).count()
        self.stdout.write(f"Sent {sent} mail(s); {unsent} not sent this time; "
                          f"{failed} failed for good (see /secretariat/outbox/).")
