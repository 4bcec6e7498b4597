"""criticalmass import-all: import every known dataset found under settings.DATA_DIR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.importers.commands import format_summary, run
from criticalmass.importers.registry import DATASETS


class Command(BaseCommand):
    help = (
        "Import every known public dataset found under CRITICALMASS_DATA_DIR, each in its own "
        "transaction; absent files are listed and skipped. `make demo` runs it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="no progress bars")
        parser.add_argument("--all-warnings", action="store_true",
                            help="list every warning, not only the first 20 of each dataset")

    def handle(self, *args: Any, **options: Any) -> None:
        failures = []
        for dataset in DATASETS.values():
            path = Path(settings.DATA_DIR) / dataset.path
            if not (path.is_file() or (dataset.folder and path.is_dir())):
                self.stdout.write(f"{dataset.name}: skipped, {path} not found")
                continue
            try:
                summary = run(dataset, path, self.stderr, options["quiet"])
            except CommandError as exc:
                # Go on with the other datasets; each import is its own transaction.
                failures.append(f"{dataset.name}: {exc}")
                continue
            self.stdout.write(format_summary(summary, options["all_warnings"]))
        if failures:
            raise CommandError(f"{len(failures)} of {len(DATASETS)} imports failed, "
                               f"the others were imported: {'; '.join(failures)}")
