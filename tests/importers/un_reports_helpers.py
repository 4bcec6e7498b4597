"""Reports as lib.un_reports.reader returns them, written here, and the files they are read from.

The importer takes its reader as an argument (`read`): these tests give it Reports built here, the
same type the PDF reader returns, so the Django side is tested on every case a report can hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from criticalmass.importers.base import ImportSummary
from criticalmass.importers.un_contributions.run import import_files
from criticalmass.lib.un_reports.types import Personnel, Report, ReportNote, ReportRow, Where
from criticalmass.parity.report_months import month_end

NAMES = {"GHA": "Ghana", "NPL": "Nepal", "FRA": "France", "MAR": "Morocco", "RWA": "Rwanda"}


def row(mission: str | None, iso3: str, personnel: Personnel, male: int, female: int, line: int = 10,
        page: int = 1, total: int | None = None) -> ReportRow:
    return ReportRow(mission, iso3, NAMES.get(iso3, iso3), personnel, male, female,
                     male + female if total is None else total, Where(page, line))


def report(year: int, month: int, rows: Iterable[ReportRow], notes: Iterable[ReportNote] = (),
           fingerprint: str | None = None) -> Report:
    rows = tuple(rows)
    return Report(
        month=month_end(year, month), layout="test", has_missions=all(r.mission for r in rows),
        has_staff_officers=any(r.personnel == "staff_officers" for r in rows), rows=rows,
        totals_checked=0, notes=tuple(notes),
        fingerprint=fingerprint or hashlib.sha256(repr(rows).encode()).hexdigest(),
    )


class Reports:
    """PDF files in a folder, each with the Report the reader would return for it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.reports: dict[str, Report | Exception] = {}

    def add(self, name: str, found: Report | Exception) -> Path:
        path = self.folder / name
        path.write_bytes(f"%PDF-1.4 test file {name} {found!r}".encode())
        self.reports[name] = found
        return path

    def read(self, path: Path) -> Report:
        found = self.reports[path.name]
        if isinstance(found, Exception):
            raise found
        return found

    def import_(self, *paths: Path) -> ImportSummary:
        return import_files(list(paths) or [self.folder], read=self.read)


def file_name(year: int, month: int) -> str:
    return f"UN_country_contributions_{year}_{month:02d}.pdf"


def june_2016() -> Report:
    return report(2016, 6, [
        row("UNMISS", "GHA", "troops", 800, 50, line=10),
        row("UNMISS", "GHA", "individual_police", 10, 5, line=11),
        row("UNMISS", "NPL", "troops", 400, 10, line=12),
        row("MINUSCA", "RWA", "formed_police", 120, 20, line=13, page=2),
    ])


def at(date: str) -> dt.date:
    return dt.date.fromisoformat(date)
