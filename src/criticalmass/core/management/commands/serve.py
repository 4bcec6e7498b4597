"""criticalmass serve: the production web server (gunicorn) with the project's settings."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


def server_arguments(workers: int, bind: str, timeout: int) -> list[str]:
    """gunicorn's command line: the app preloaded once (workers fork warm), logs to stderr, requests
    over `timeout` seconds killed."""
    return [
        "gunicorn", "criticalmass.wsgi:application",
        f"--workers={workers}", f"--bind={bind}", f"--timeout={timeout}",
        "--preload", "--access-logfile=-", "--error-logfile=-",
        f"--forwarded-allow-ips={','.join(settings.TRUSTED_PROXIES) or '127.0.0.1'}",
    ]


class Command(BaseCommand):
    help = ("Serve the site with gunicorn: CRITICALMASS_WORKERS workers (default 2 per core + 1) on "
            "CRITICALMASS_BIND (default 127.0.0.1:8000), behind a TLS proxy. `make demo` uses runserver.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Print the server's command line only.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.DEBUG:
            raise CommandError("CRITICALMASS_DEBUG is on: production serving needs it off")
        arguments = server_arguments(settings.WORKERS, settings.BIND, settings.REQUEST_TIMEOUT)
        if options["dry_run"]:
            self.stdout.write(" ".join(arguments))
            return
        gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
        if not os.path.exists(gunicorn):
            raise CommandError("gunicorn is not installed in this environment (pip install criticalmass)")
        # Each worker writes its metrics here; /metrics adds them up (prometheus_client's multiprocess mode).
        metrics_dir = settings.VAR_DIR / "metrics"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
        os.execv(gunicorn, arguments)  # noqa: S606 - replaces this process with the server
