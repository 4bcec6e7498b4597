"""criticalmass load-evidence [FILE]: create or update evidence items from a JSON file, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.core.models import audit
from criticalmass.hub import seed


class Command(BaseCommand):
    help = (
        "Create or update evidence items (by slug) from FILE, by default the hub's own "
        "data/evidence.json. A wrong record stops the load with its number and nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", type=Path, default=seed.DATA_FILE)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = seed.load(options["file"])
        except seed.SeedError as exc:
            raise CommandError(str(exc)) from None
        audit("load-evidence", options["file"].name, detail=counts)
        self.stdout.write(
            "Evidence: {created} created, {updated} updated, {unchanged} unchanged.".format(**counts)
        )
