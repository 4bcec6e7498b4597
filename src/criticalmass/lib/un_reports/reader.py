"""Read a UN monthly PDF report of uniformed personnel, whatever its layout, into a checked Report.

Text comes from pypdfium2 (`get_text_range`, line by line): 0.05 s for a 56-page report against
2.5 s with pdfplumber. Every layout is read from that text except one month whose table cells pdfium
emits out of order (2022-09, in the by-mission-2021 layout, see positional.py): there the text boxes'
positions are needed and cost about 0.1 s more.

The month is the report's own printed date, never the file name; a layout that prints none (2019-10)
needs the caller's `assume_month` and gets a note saying so. Every printed total is recomputed from
the detail rows (check.py). Rows whose three figures are all 0 are left out (they say nothing);
rows printed twice for one mission, country and type (2019-10 prints police and military lines
apart) are added together, with a note.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from criticalmass.lib.un_reports import by_mission, layouts, positional
from criticalmass.lib.un_reports.check import Parsed, RawRow
from criticalmass.lib.un_reports.countries import completed_name, iso3_of
from criticalmass.lib.un_reports.labels import STAFF_OFFICER_LABELS, month_end, personnel_of
from criticalmass.lib.un_reports.pdftext import Line, read_lines
from criticalmass.lib.un_reports.suspect import gender_split_notes
from criticalmass.lib.un_reports.types import Personnel, Report, ReportError, ReportNote, ReportRow

FILE_NAME = re.compile(r"UN_country_contributions_(\d{4})_(\d{2})\.pdf$", re.IGNORECASE)


def month_in_file_name(path: Path) -> dt.date | None:
    """The month a file's name claims (UN_country_contributions_YYYY_MM.pdf), as its last day."""
    found = FILE_NAME.search(path.name)
    if found is None or not 1 <= int(found[2]) <= 12:
        return None
    return month_end(int(found[1]), int(found[2]))


def read_report(path: Path, assume_month: dt.date | None = None) -> Report:
    """The report in the PDF at `path`, its totals checked. `assume_month` is used only when the
    report prints no date (2019-10); then a note says the month came from the caller."""
    pages = read_lines(path)
    if not any(pages):
        raise ReportError(f"{path.name} has no text")
    parsed = _parse(path, pages)
    notes = list(parsed.notes)
    month = _month(parsed, assume_month, notes)
    named = month_in_file_name(path)
    if named is not None and named != month:
        notes.append(ReportNote("file-name-month-differs", f"the file name says {named:%Y-%m}, "
                                f"the report itself {month:%Y-%m}", parsed.month_where))
    rows = _resolve(parsed.rows, notes)
    notes += gender_split_notes(rows)
    return Report(month=month, layout=parsed.layout, has_missions=parsed.has_missions,
                  has_staff_officers=any(row.label.lower() in STAFF_OFFICER_LABELS for row in parsed.rows),
                  rows=tuple(rows), totals_checked=parsed.totals_checked, notes=tuple(notes),
                  fingerprint=fingerprint(rows))


def _parse(path: Path, pages: list[list[Line]]) -> Parsed:
    layout = layouts.recognise(pages)
    if layout == "by-mission-2021" and positional.needs_positions(pages):
        return positional.read(path, pages)
    if layout.startswith("by-mission"):
        return by_mission.read(pages, layout)
    return layouts.read(pages, layout)


def _month(parsed: Parsed, assume_month: dt.date | None, notes: list[ReportNote]) -> dt.date:
    if parsed.month is not None:
        return parsed.month
    if assume_month is None:
        raise ReportError("this report prints no date; pass the month it is for (assume_month)")
    month = month_end(assume_month.year, assume_month.month)
    notes.append(ReportNote("month-from-file-name", f"the report prints no date: {month:%Y-%m} is the "
                            "month its caller gave (from the file name)"))
    return month


def _resolve(raw_rows: list[RawRow], notes: list[ReportNote]) -> list[ReportRow]:
    """Countries to ISO codes and labels to personnel types; zero rows left out, repeated rows added."""
    merged: dict[tuple[str | None, str, Personnel], ReportRow] = {}
    completed: set[str] = set()
    for raw in raw_rows:
        name = raw.country
        if full := completed_name(name):
            if name not in completed:
                notes.append(ReportNote("name-completed", f"the country printed {name!r} is {full!r}",
                                        raw.where))
                completed.add(name)
            name = full
        row = ReportRow(raw.mission, iso3_of(name, raw.where), name, personnel_of(raw.label, raw.where),
                        raw.male, raw.female, raw.total, raw.where)
        if row.total == 0:
            continue
        key = (row.mission, row.country_iso3, row.personnel)
        if earlier := merged.get(key):
            notes.append(ReportNote("rows-added", f"{row.mission} {row.country_as_printed} {row.personnel} "
                                    f"is printed twice ({earlier.where} and here): the two rows are added",
                                    row.where))
            row = ReportRow(row.mission, row.country_iso3, earlier.country_as_printed, row.personnel,
                            earlier.male + row.male, earlier.female + row.female,
                            earlier.total + row.total, earlier.where)
        merged[key] = row
    return list(merged.values())


def fingerprint(rows: list[ReportRow]) -> str:
    """sha256 of the sorted detail rows (mission, country, type, male, female): equal for equal content."""
    lines = sorted(f"{row.mission or ''}\t{row.country_iso3}\t{row.personnel}\t{row.male}\t{row.female}"
                   for row in rows)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
