"""What the `import` and `import-all` commands share: running an import, its progress bar, its summary."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Never, TextIO

from django.core.management.base import CommandError, OutputWrapper
from django.db import DatabaseError
from tqdm import tqdm

from criticalmass.core import data_version
from criticalmass.core.signals import dataset_imported, imports_finished
from criticalmass.importers.base import ImportFailed, ImportSummary, SourceChoice
from criticalmass.importers.registry import DATASETS, Dataset
from criticalmass.lib.csvread import CsvError
from criticalmass.lib.limits import check_size

WARNINGS_SHOWN = 20


def find_dataset(name: str) -> Dataset:
    if name not in DATASETS:
        raise CommandError(f"unknown dataset {name!r}; known datasets: {', '.join(sorted(DATASETS))}")
    return DATASETS[name]


def run(dataset: Dataset, path: Path, stderr: OutputWrapper, quiet: bool,
        choice: SourceChoice | None = None) -> ImportSummary:
    """Import one file; every expected failure becomes a one-line CommandError (exit status 1)."""
    if choice is not None and not dataset.versioned:
        versioned = ", ".join(sorted(name for name, found in DATASETS.items() if found.versioned))
        raise CommandError(f"{dataset.name} keeps one version: --version, --label and --default apply to "
                           f"{versioned}")
    if dataset.import_files is not None:
        return run_files(dataset, [path], stderr, quiet)
    if not (path.is_file() or (dataset.folder and path.is_dir())):
        raise CommandError(f"{path}: no such file{' or folder' if dataset.folder else ''}")
    try:
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            check_size(file)
    except CsvError as exc:
        raise CommandError(str(exc)) from None
    with progress_bar(dataset.name, path, stderr, quiet) as bar:
        try:
            extra = () if choice is None else (choice,)
            summary = dataset.import_file(path, lambda rows: advance(bar, rows), *extra)
        except (CsvError, ImportFailed) as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
        except DatabaseError as exc:
            first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise CommandError(f"database error, nothing imported: {first_line} "
                               "(has `criticalmass migrate` run?)") from None
    dataset_imported.send(sender=Dataset, dataset=dataset.name, summary=summary)
    return summary


@contextlib.contextmanager
def announced() -> Iterator[None]:
    """Around a command's imports: `imports_finished` once at the end (even after a failure), saying
    whether any of them changed the data (the data version moved)."""
    before = version_now()
    try:
        yield
    finally:
        after = version_now()
        imports_finished.send(sender=Dataset, changed=after is not None and after != before)


def version_now() -> str | None:
    """The data version, or None on a database not migrated yet (each import then says so itself)."""
    try:
        return data_version.current()
    except DatabaseError:
        return None
def run_files(dataset: Dataset, paths: Sequence[Path], stderr: OutputWrapper, quiet: bool) -> ImportSummary:
    """Import several files and folders of a dataset that takes them (un-contributions), each file its
    own transaction; the files refused are listed in the summary (see `refusals`), the others imported."""
    if dataset.import_files is None:
        raise CommandError(f"{dataset.name} imports one file at a time")
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise CommandError(f"{', '.join(missing)}: no such file or folder")
    stream: TextIO = getattr(stderr, "_out", sys.stderr)
    enabled = not quiet and stream.isatty()
    total = sum(len(list(path.glob("*.pdf"))) if path.is_dir() else 1 for path in paths) if enabled else None
    with tqdm(total=total, desc=dataset.name, unit=" files", file=stream, disable=not enabled,
              leave=False) as bar:
        try:
            summary = dataset.import_files(list(paths), lambda files: advance(bar, files))
        except DatabaseError as exc:
            first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise CommandError(f"database error, nothing imported: {first_line} "
                               "(has `criticalmass migrate` run?)") from None
    dataset_imported.send(sender=Dataset, dataset=dataset.name, summary=summary)
    return summary


def refusals(summary: ImportSummary) -> CommandError | None:
    """The error (exit status 1) of a run in which some files were refused; None if none was."""
    if not summary.refused_files:
        return None
    return CommandError(f"{summary.dataset}: {len(summary.refused_files)} file(s) refused, nothing of them "
                        "imported (the others were): " + "; ".join(summary.refused_files))


def advance(bar: tqdm[Never], rows: int) -> None:
    bar.update(rows)


def progress_bar(name: str, path: Path, stderr: OutputWrapper, quiet: bool) -> tqdm[Never]:
    # tqdm redraws with carriage returns; Django's OutputWrapper would add a newline to each
    # write, so the bar writes to the stream underneath it.
    stream: TextIO = getattr(stderr, "_out", sys.stderr)
    enabled = not quiet and stream.isatty()
    total = count_rows(path) if enabled and path.is_file() else None
    return tqdm(total=total, desc=name, unit=" rows", file=stream, disable=not enabled, leave=False)


def count_rows(path: Path) -> int:
    """Lines after the header: the bar's total (a quoted cell spanning lines makes it an estimate)."""
    with path.open("rb") as handle:
        return max(sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b"")) - 1, 0)


def side_by_side(summary: ImportSummary) -> str:
    """Where a version imported beside the dataset's first source went (slug "padd@lowest")."""
    return f" as source {summary.source}" if "@" in summary.source else ""


def format_summary(summary: ImportSummary, all_warnings: bool = False) -> str:
    lines = [
        f"{summary.dataset}: imported {summary.file}" + side_by_side(summary),
        f"  rows read: {summary.rows_read:,}",
        f"  {summary.unit}: {summary.created:,} created, {summary.updated:,} updated, "
        f"{summary.unchanged:,} unchanged, {summary.removed:,} removed",
    ]
    if summary.refused:
        lines.append(f"  refused: {summary.refused:,} {summary.unit} (each one a note below)")
    lines.append(f"  warnings: {len(summary.warnings):,}")
    shown = summary.warnings if all_warnings else summary.warnings[:WARNINGS_SHOWN]
    lines += [f"    line {line}: {message}" for line, message in shown]
    if len(shown) < len(summary.warnings):
        hidden = len(summary.warnings) - len(shown)
        lines.append(f"    ... and {hidden:,} more (--all-warnings shows them all)")
    for title, files in (("left out", summary.left_out_files), ("refused", summary.refused_files)):
        if files:
            lines += [f"  {title}: {len(files):,}", *(f"    {file}" for file in files)]
    return "\n".join(lines)
