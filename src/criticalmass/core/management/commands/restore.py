"""criticalmass restore FILE [--replace]: load a backup made by `criticalmass backup`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from criticalmass.core.backups import BackupError, restore


class Command(BaseCommand):
    help = ("Restore FILE (made by `criticalmass backup`) into the configured database. An empty database "
            "only, unless --replace; a backup of the other engine is refused.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--replace", action="store_true",
                            help="Replace what the database holds (back it up first).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restore(options["file"], connection, options["replace"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        cache.clear()  # figures cached from the data before the restore must not be served
        self.stdout.write(f"Restored {options['file']}. Run `criticalmass migrate` if this version is newer "
                          "than the backup's.")
