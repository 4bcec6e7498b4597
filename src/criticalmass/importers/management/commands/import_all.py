"""criticalmass import-all: import every known dataset found under settings.DATA_DIR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.importers.commands import announced, format_summary, run
from criticalmass.importers.registry import DATASETS, Dataset


def files_of(dataset: Dataset) -> list[Path]:
    """The dataset's file, its folder (datasets that import folders: un-contributions,
    ipu-parliaments), or every file its pattern ("iati/*.xml") matches, by name."""
    relative = dataset.path
    if dataset.import_files is not None or dataset.folder:
        folder = Path(settings.DATA_DIR) / relative
        return [folder] if folder.is_dir() else []
    if "*" in relative:
        return sorted(p for p in Path(settings.DATA_DIR).glob(relative) if p.is_file())
    path = Path(settings.DATA_DIR) / relative
    return [path] if path.is_file() else []


class Command(BaseCommand):
    help = (
        "Import every known public dataset found under CRITICALMASS_DATA_DIR, each file in its own "
        "transaction (every iati/*.xml file for IATI); absent files are listed and skipped. "
        "`make demo` runs it."
    )
    requires_system_checks: list[str] = []  # as `import`: `migrate` and `check` run them

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="no progress bars")
        parser.add_argument("--all-warnings", action="store_true",
                            help="list every warning, not only the first 20 of each dataset")

    def handle(self, *args: Any, **options: Any) -> None:
        with announced():  # the search index is rebuilt once, at the end
            failures = self.import_each(options)
        if failures:
            raise CommandError(f"{len(failures)} of {len(DATASETS)} imports failed, "
                               f"the others were imported: {'; '.join(failures)}")

    def import_each(self, options: dict[str, Any]) -> list[str]:
        failures = []
        for dataset in DATASETS.values():
            paths = files_of(dataset)
            if not paths:
                missing = Path(settings.DATA_DIR) / dataset.path
                self.stdout.write(f"{dataset.name}: skipped, {missing} not found")
                continue
            for path in paths:
                try:
                    summary = run(dataset, path, self.stderr, options["quiet"])
                except CommandError as exc:
                    # Go on with the other datasets; each import is its own transaction.
                    failures.append(f"{dataset.name}: {exc}")
                    continue
                # A folder's refused files are listed in the summary (format_summary), and the others
                # imported: the real UN folder holds one report without a gender split (2023-09), which is
                # refused every time; `criticalmass import un-contributions` exits 1 for it, import-all
                # goes on.
                self.stdout.write(format_summary(summary, options["all_warnings"]))
        return failures
