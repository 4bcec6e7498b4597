"""criticalmass beat: Celery beat, which starts the scheduled tasks (settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.core.queue import app, eager


class Command(BaseCommand):
    help = ("Run Celery beat: reminders daily, the outbox sweep every 5 minutes, audit pruning weekly. Run "
            "exactly one. Options after `--` go to Celery. Needs a broker.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("celery_options", nargs="*", help="Options passed to `celery beat`.")

    def handle(self, *args: Any, **options: Any) -> None:
        if eager():
            raise CommandError("No broker is configured (CRITICALMASS_BROKER_URL or CRITICALMASS_REDIS_URL): "
                               "run `criticalmass send-reminders`, `send-outbox` and `prune-audit` "
                               "from cron.")
        schedule = settings.VAR_DIR / "celerybeat-schedule"
        app.start(["beat", "--loglevel=INFO", f"--schedule={schedule}", *options["celery_options"]])
