"""criticalmass worker: a Celery worker for the queue (core.queue), with Celery's own options after it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.core.queue import app, eager


class Command(BaseCommand):
    help = ("Run a Celery worker that sends mail and runs the queue's other tasks. Options after `--` go to "
            "Celery (e.g. `criticalmass worker -- --concurrency=2`). Needs CRITICALMASS_BROKER_URL or "
            "CRITICALMASS_REDIS_URL.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("celery_options", nargs="*", help="Options passed to `celery worker`.")

    def handle(self, *args: Any, **options: Any) -> None:
        if eager():
            raise CommandError("No broker is configured (CRITICALMASS_BROKER_URL or CRITICALMASS_REDIS_URL): "
                               "tasks run in the web process and no worker is needed.")
        app.worker_main(["worker", "--loglevel=INFO", *options["celery_options"]])
