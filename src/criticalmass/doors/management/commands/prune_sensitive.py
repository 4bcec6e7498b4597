"""criticalmass prune-sensitive: delete meeting requests and everything hanging from them once their
last follow-up is older than CRITICALMASS_SENSITIVE_RETENTION_MONTHS."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from criticalmass.doors.prune import prune_sensitive


class Command(BaseCommand):
    help = "Delete meeting requests, meetings, promises, reprisal records and their reads whose last " \
           "follow-up is older than CRITICALMASS_SENSITIVE_RETENTION_MONTHS (default 24). Safe to run daily."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = prune_sensitive(timezone.localdate())
        self.stdout.write(f"Deleted {deleted} request(s) last followed up more than "
                          f"{settings.SENSITIVE_RETENTION_MONTHS} months ago.")
