"""criticalmass import DATASET FILE: import one public dataset file, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.importers.base import SourceChoice
from criticalmass.importers.commands import announced, find_dataset, format_summary, refusals, run, run_files
from criticalmass.importers.registry import DATASETS


class Command(BaseCommand):
    help = (
        "Import a public dataset file in one transaction: a bad cell or wrong columns change nothing. "
        "Prints rows read, observations created, updated and unchanged, and the source's "
        "inconsistencies as warnings with line numbers."
    )
    # No system checks: they cost more than a small import, and `migrate` and `check` run them anyway.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dataset", help=f"which dataset the file is: {', '.join(sorted(DATASETS))}")
        parser.add_argument("file", type=Path, nargs="+",
                            help="the file, as published; un-contributions takes several PDFs or folders")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")
        parser.add_argument("--all-warnings", action="store_true",
                            help="list every warning, not only the first 20")
        parser.add_argument("--version", default="", dest="source_version",
                            help="the file's version (e.g. '1.1'); a new version is a source of its own")
        parser.add_argument("--label", default="",
                            help="what sets this file apart (e.g. 'lowest position'); a new label is a "
                                 "source of its own")
        parser.add_argument("--default", action="store_true",
                            help="make this source the one pages and figures count for its dataset")

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # Django's own --version (its version number) gives way to the file's version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def handle(self, *args: Any, **options: Any) -> None:
        dataset = find_dataset(options["dataset"])
        choice = SourceChoice(options["source_version"].strip(), options["label"].strip(), options["default"])
        given = choice != SourceChoice()
        files: list[Path] = options["file"]
        if len(files) > 1 and given:
            raise CommandError("--version, --label and --default describe one file: give one file with them")
        with announced():  # the search index is rebuilt once, at the end, if anything changed
            if len(files) > 1:
                summary = run_files(dataset, files, self.stderr, options["quiet"])
            else:
                summary = run(dataset, files[0], self.stderr, options["quiet"], choice if given else None)
        self.stdout.write(format_summary(summary, options["all_warnings"]))
        refused = refusals(summary)
        if refused is not None:
            raise refused
