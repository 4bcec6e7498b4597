"""criticalmass import DATASET FILE: import one public dataset file, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from criticalmass.importers.commands import find_dataset, format_summary, run
from criticalmass.importers.registry import DATASETS


class Command(BaseCommand):
    help = (
        "Import a public dataset file in one transaction: a bad cell or wrong columns change nothing. "
        "Prints rows read, observations created, updated and unchanged, and the source's "
        "inconsistencies as warnings with line numbers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dataset", help=f"which dataset the file is: {', '.join(sorted(DATASETS))}")
        parser.add_argument("file", type=Path, help="the CSV file, as published")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.add_argument("--all-warnings", action="store_true",
                            help="list every warning, not only the first 20")

    def handle(self, *args: Any, **options: Any) -> None:
        dataset = find_dataset(options["dataset"])
        summary = run(dataset, options["file"], self.stderr, options["quiet"])
        self.stdout.write(format_summary(summary, options["all_warnings"]))
