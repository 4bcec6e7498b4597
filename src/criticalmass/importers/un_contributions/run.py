"""Importing UN monthly reports: one PDF, several, or a folder of them, each file its own transaction.

Every file is read first (`read`, lib.un_reports.reader.read_report unless a test gives its own).
Then the files are imported one by one, those whose name gives their printed month first, so that a
misnamed copy never takes a month from the file named for it. Each file is all or nothing:

- refused (listed, nothing of it saved, the command exits with status 1): a file the reader cannot
  read (ReportError: file, page and line named), and a file printing a month already imported from
  another file with other content;
- left out (listed, exit status 0: nothing is lost): a file whose content (Report.fingerprint) is the
  same as a file already imported, e.g. UN_country_contributions_2015_03.pdf, a copy of April 2015.

A second run over the same files changes no observation and no note.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from django.db import transaction

from criticalmass.core.models import DataNote, Source
from criticalmass.importers.base import (
    ImportFailed,
    ImportSummary,
    Progress,
    coverage,
    run_import,
    upsert_observations,
)
from criticalmass.importers.un_contributions import mapping
from criticalmass.lib.csvread import CsvError
from criticalmass.lib.limits import check_size
from criticalmass.lib.notes import Note
from criticalmass.lib.un_reports.types import Report, ReportError
from criticalmass.parity.models import Category, Observation
from criticalmass.parity.report_months import SERIES_SUBJECT, UN_REPORT_PREFIX, report_slug

Read = Callable[[Path], Report]
Reading = tuple[Path, Report]


class LeftOut(Exception):
    """A file whose content is already imported from another file: nothing to do, nothing lost."""


READER = "criticalmass.lib.un_reports.reader"


def default_read(path: Path) -> Report:
    """lib.un_reports.reader.read_report, imported when used: the PDF libraries load only for this dataset.

    The month the file's name gives is passed as the month to assume, which the reader uses only for
    a report that prints no date (October 2019); a printed date always wins."""
    check_size(path)
    reader = importlib.import_module(READER)
    read_report: Callable[..., Report] = reader.read_report
    return read_report(path, assume_month=reader.month_in_file_name(path))


def report_files(paths: Iterable[Path]) -> list[Path]:
    """The PDFs given: a folder stands for the .pdf files in it, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(found for found in path.iterdir() if found.suffix.lower() == ".pdf")
        else:
            files.append(path)
    return files


def import_files(paths: Sequence[Path], progress: Progress | None = None, read: Read = default_read
                 ) -> ImportSummary:
    """Import the reports in `paths` (files or folders); refused and left-out files are listed."""
    files = report_files(paths)
    summary = ImportSummary(mapping.DATASET, described(paths, files))
    readings = []
    for path in files:
        try:
            readings.append((path, read(path)))
        except (ReportError, CsvError) as exc:
            summary.refused_files.append(f"{path.name}: {exc}; nothing imported from this file")
        except OSError as exc:
            summary.refused_files.append(f"{path.name}: cannot read it: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - a reader's failure names the file, never a traceback
            summary.refused_files.append(f"{path.name}: the reader failed ({type(exc).__name__}: {exc}); "
                                   "nothing imported from this file")
        if progress:
            progress(1)
    for path, report in ordered(readings):
        try:
            add(summary, import_report(path, report))
        except LeftOut as exc:
            summary.left_out_files.append(f"{path.name}: {exc}")
        except ImportFailed as exc:
            summary.refused_files.append(f"{path.name}: {exc}")
    return summary


def described(paths: Sequence[Path], files: list[Path]) -> str:
    """What the summary says was imported: the file, or the folder and how many files it holds."""
    if len(paths) == 1 and paths[0].is_dir():
        return f"{paths[0].name}/ ({len(files)} PDF files)"
    return files[0].name if len(files) == 1 else f"{len(files)} files"


def ordered(readings: list[Reading]) -> list[Reading]:
    """Files named for the month they print first, then the others; each group in name order."""
    return sorted(readings, key=lambda item: (mapping.month_in_name(item[0]) != item[1].month, item[0].name))


def add(total: ImportSummary, one: ImportSummary) -> None:
    total.rows_read += one.rows_read
    total.created, total.updated = total.created + one.created, total.updated + one.updated
    total.unchanged, total.removed = total.unchanged + one.unchanged, total.removed + one.removed
    total.source = one.source if not total.source else total.source
    total.warnings += [Note(w.line, f"{one.file}: {w.message}", w.kind, w.subject, w.severity)
                       for w in (warning if isinstance(warning, Note) else Note(*warning)
                                 for warning in one.warnings)]


def import_report(path: Path, report: Report) -> ImportSummary:
    """One report in one transaction: its Source, processes, observations and notes."""
    check_new(path, report)
    info = mapping.source_info(report)
    summary = ImportSummary(mapping.DATASET, path.name, rows_read=len(report.rows))
    for line, message, kind in mapping.name_warnings(report, path):
        summary.warn(line, message, kind)

    def write(source: Source) -> None:
        process_ids = mapping.save_processes(report, source, summary)
        mapping.save_unknown_countries(report.rows, summary)
        mapped = mapping.observations(report, process_ids, summary)
        mapping.report_notes(report, mapped, summary)
        upsert_observations(source, mapped.observations, summary)

    with transaction.atomic():
        run_import(info, path, summary, write, None, coverage(report.month, report.month, month=True))
        place_staff_officers_note()
    return summary


def check_new(path: Path, report: Report) -> None:
    """Left out: the same content from another file. Refused: the same month from another file."""
    same_content = (Source.objects.filter(slug__startswith=UN_REPORT_PREFIX,
                                          version__endswith=mapping.content_mark(report.fingerprint))
                    .exclude(file=path.name).first())
    if same_content is not None:
        raise LeftOut(f"its content is the same as {same_content.file} ({report.month:%B %Y}), already "
                      "imported; nothing imported from this file")
    same_month = Source.objects.filter(slug=report_slug(report.month)).exclude(file=path.name).first()
    if same_month is not None:
        raise ImportFailed(f"it prints {report.month:%B %Y}, already imported from {same_month.file} with "
                           "other content; nothing imported from this file")


def place_staff_officers_note() -> None:
    """One note, on the first month any imported report counts staff officers apart (and only there)."""
    ours = {"source__slug__startswith": UN_REPORT_PREFIX}
    first = (Observation.objects.filter(role=Category.STAFF_OFFICERS, **ours)
             .order_by("date").select_related("source").first())
    notes = DataNote.objects.filter(kind=mapping.STAFF_OFFICERS_NOTE, **ours)
    wanted = [] if first is None else [(first.source_id, mapping.staff_officers_note(first.date)[0])]
    if sorted(notes.values_list("source_id", "message")) == wanted:
        return
    notes.delete()
    if first is not None:
        message, kind, severity = mapping.staff_officers_note(first.date)
        DataNote.objects.create(source=first.source, kind=kind, severity=severity, subject=SERIES_SUBJECT,
                                message=message)
