"""criticalmass prune-audit: forget audit events older than CRITICALMASS_AUDIT_RETENTION_DAYS."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from criticalmass.core.models import AuditEvent, audit


class Command(BaseCommand):
    help = ("Delete audit events older than CRITICALMASS_AUDIT_RETENTION_DAYS (default 730) and record how "
            "many were deleted, as an audit event of its own. Run it weekly (see docs/operators.md).")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted only.")

    def handle(self, *args: Any, **options: Any) -> None:
        days = settings.AUDIT_RETENTION_DAYS
        before = timezone.now() - dt.timedelta(days=days)
        old = AuditEvent.objects.filter(at__lt=before)
        if options["dry_run"]:
            self.stdout.write(f"{old.count():,} audit events are older than {days} days; nothing deleted.")
            return
        with transaction.atomic():
            deleted, _ = old.delete()
            audit("audit.pruned", detail={"deleted": deleted, "older_than": before.isoformat(),
                                          "retention_days": days})
        self.stdout.write(f"Deleted {deleted:,} audit events older than {days} days.")
