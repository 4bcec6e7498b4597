"""criticalmass create-demo-round: open a demo award round taking nominations, with demo-reviewer on
its jury when that account exists (once)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from criticalmass.awards.models import Category, Criterion, Juror, Round
from criticalmass.core.models import User, audit

SLUG = "demo-awards"
CATEGORIES = ["Champion in defence and security", "Champion in diplomacy"]
CRITERIA = [("Commitments met and verified", Decimal(3)), ("Women's share achieved", Decimal(2)),
            ("Support to women's organisations", Decimal(2))]


class Command(BaseCommand):
    help = "Open a demo Distinguished Partner Awards round (nominations open for 30 days); once."

    def handle(self, *args: Any, **options: Any) -> None:
        if Round.objects.filter(slug=SLUG).exists():
            self.stdout.write(f"The round {SLUG} exists; nothing changed.")
            return
        today = timezone.localdate()
        with transaction.atomic():
            round_ = Round.objects.create(slug=SLUG, name="Distinguished Partner Awards (demo)",
                                          nominations_open=today,
                                          nominations_close=today + dt.timedelta(days=30))
            Category.objects.bulk_create(Category(round=round_, name=name) for name in CATEGORIES)
            Criterion.objects.bulk_create(Criterion(round=round_, name=n, weight=w) for n, w in CRITERIA)
            for juror in User.objects.filter(username="demo-reviewer"):
                Juror.objects.create(round=round_, user=juror)
            audit("awards.round_opened", f"awards.round:{round_.pk}", detail={"demo": True})
        self.stdout.write(f"Opened the round {SLUG}: /awards/{SLUG}/")
