"""criticalmass create-demo-call: open a demo micro-grant call with a rubric (once)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from criticalmass.core.models import audit
from criticalmass.grants.models import Call, RubricItem

SLUG = "demo-youth-1325"
RUBRIC = [("Advances women's participation", Decimal(3)), ("Feasible plan and budget", Decimal(1)),
          ("Reaches young people", Decimal(1))]


class Command(BaseCommand):
    help = "Open a demo micro-grant call (USD 10,000, at most 2,000 a grant) with a rubric; once."

    def handle(self, *args: Any, **options: Any) -> None:
        if Call.objects.filter(slug=SLUG).exists():
            self.stdout.write(f"The call {SLUG} exists; nothing changed.")
            return
        today = timezone.localdate()
        with transaction.atomic():
            call = Call.objects.create(
                slug=SLUG, title="Youth for Resolution 1325 (demo)", currency="USD", budget=Decimal(10000),
                description="Micro-grants for students, university and youth clubs and grassroots women's "
                            "groups working for women's participation in peace and security.",
                max_per_grant=Decimal(2000), opens_on=today, deadline=today + dt.timedelta(days=60),
                report_deadline=today + dt.timedelta(days=240))
            RubricItem.objects.bulk_create(RubricItem(call=call, name=name, weight=weight)
                                           for name, weight in RUBRIC)
            audit("grants.call_opened", f"grants.call:{call.pk}", detail={"demo": True})
        self.stdout.write(f"Opened the call {SLUG}: /grants/calls/{SLUG}/")
