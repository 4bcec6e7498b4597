"""criticalmass import-posts FILE: the directory of decision-making posts from a CSV (doors.imports)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.doors.imports import COLUMNS, import_posts
from criticalmass.lib.csvread import CsvError


class Command(BaseCommand):
    help = "Import decision-making posts and their holders from a CSV with the columns " \
           f"{', '.join(COLUMNS)}. " \
           "All or nothing; importing the same file again changes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            summary = import_posts(path)
        except CsvError as exc:
            raise CommandError(f"Nothing was imported. {exc}") from None
        self.stdout.write(f"Added {summary.posts_added} post(s) and {summary.holders_added} holder(s); "
                          f"{summary.unchanged} holder(s) already there.")
