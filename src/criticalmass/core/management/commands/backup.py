"""criticalmass backup FILE: a consistent copy of the whole database, made while the site serves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from criticalmass.core.backups import BackupError, backup


class Command(BaseCommand):
    help = ("Write a backup of the whole database to FILE: SQLite through its online backup API, "
            "PostgreSQL with pg_dump (custom format). The secret key is not in it: keep it apart.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent}: no such folder")
        try:
            backup(connection, path)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Backed up to {path} ({path.stat().st_size:,} bytes).")
