"""The flat dumps (2019-09, 2024-10) and the wide table of 2019-10.

flat: one record per mission, country and type, "MINURSO China Experts on Mission 10 2 12 30/09/2019",
but pdfium breaks a record's figures over lines at random ("... Experts on Mission 10" / "2 12
30/09/2019"), so a page's lines are joined and read as a stream of records; any text between
records is refused with its line. 2019-09 keeps only the first line of a wrapped country cell
("Republic of", "Bosnia and"): countries.py completes those. No totals are printed; each record's
male + female = total is checked, and every record's date must be the same month.
wide-2019 (2019-10): "Country Mission UNMEM M UNMEM F Troops M Troops F UNPOL M UNPOL F FPU M FPU F
MSO M MSO F", the country alone on a line, then one line per mission with ten figures (a mission may
have two lines, police and military), "Total by Country" and "Grand Total" with ten figures each,
checked type by type. It prints no date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from criticalmass.lib.un_reports.check import Parsed, RawRow
from criticalmass.lib.un_reports.labels import NUMBER, TRIPLE, label_pattern, printed_date, to_int
from criticalmass.lib.un_reports.pdftext import Line
from criticalmass.lib.un_reports.types import ReportError, Where

FLAT_LABELS = label_pattern(["Contingent Troops", "Experts on Mission", "Formed Police Units", "FPU",
                             "Individual Police", "Staff Officer", "Troops"])
DATE = r"\d{1,2}/\d{1,2}/\d{4}"
FLAT_RECORD = re.compile(rf"([A-Z][A-Z0-9-]{{2,}}) (\D+?) ({FLAT_LABELS}) {TRIPLE} ({DATE})")
FLAT_HEADER = re.compile(r"^mission country (description|personnel type) male female total report.date$",
                         re.IGNORECASE)
WIDE_COLUMNS = ["UNMEM", "Troops", "UNPOL", "FPU", "MSO"]
TEN = rf"((?:{NUMBER})(?: (?:{NUMBER})){{9}})"
WIDE_HEADER = re.compile(r"^Country Mission UNMEM M ")


def read_flat(pages: list[list[Line]]) -> Parsed:
    parsed = Parsed(layout="flat", has_missions=True)
    for lines in pages:
        body = [line for line in lines if not FLAT_HEADER.match(line.text)]
        _read_flat_page(parsed, body)
    if parsed.month is None:
        raise ReportError("no record with a report date", pages[0][0].where)
    return parsed


def _read_flat_page(parsed: Parsed, lines: list[Line]) -> None:
    starts: list[int] = []
    text = ""
    for line in lines:
        starts.append(len(text))
        text += line.text + " "
    position = 0
    for found in FLAT_RECORD.finditer(text):
        where = lines[bisect.bisect_right(starts, found.start()) - 1].where
        if skipped := text[position:found.start()].strip():
            raise ReportError(f"text this reader cannot read: {skipped!r}", where)
        _month_of_record(parsed, found[7], where)
        parsed.add_row(RawRow(found[1], found[2], found[3], to_int(found[4]), to_int(found[5]),
                              to_int(found[6]), where))
        position = found.end()
    if text[position:].strip():
        rest = text[position:].strip()[:80]
        where = lines[bisect.bisect_right(starts, position) - 1].where
        raise ReportError(f"text this reader cannot read: {rest!r}", where)


def _month_of_record(parsed: Parsed, date: str, where: Where) -> None:
    month = printed_date(date, where)
    if parsed.month is None:
        parsed.month, parsed.month_where = month, where
    elif month != parsed.month:
        raise ReportError(f"a record dated {date} in a report of {parsed.month:%Y-%m}", where)


def read_wide(pages: list[list[Line]]) -> Parsed:
    parsed = Parsed(layout="wide-2019", has_missions=True)
    country: str | None = None
    country_rows: list[RawRow] = []
    ended = False
    for line in (line for lines in pages for line in lines):
        text = line.text
        if ended:
            raise ReportError(f"{text!r} after the grand total", line.where)
        if found := re.match(rf"^(Total by Country|Grand Total) {TEN}$", text):
            rows = country_rows if found[1] == "Total by Country" else parsed.rows
            _check_wide(parsed, f"{found[1].lower()} {country or ''}".strip(), found[2], rows, line.where)
            country, country_rows, ended = None, [], found[1] == "Grand Total"
        elif found := re.match(rf"^([A-Z][A-Z0-9-]{{2,}}) {TEN}$", text):
            if country is None:
                raise ReportError(f"a row of {found[1]} without its country", line.where)
            country_rows += _wide_rows(parsed, found[1], country, found[2], line.where)
        elif WIDE_HEADER.match(text) or parsed.rows == [] and not country and _is_title(text):
            continue
        elif re.search(r"\d", text) or country_rows:
            raise ReportError(f"a line this reader cannot read: {text!r}", line.where)
        else:
            country = f"{country} {text}" if country else text
    if not ended:
        raise ReportError("the report ends without its grand total", pages[-1][-1].where)
    return parsed


def _is_title(text: str) -> bool:
    return text.startswith(("Summary of Contribution", "Military Experts on Mission"))


def _wide_rows(parsed: Parsed, mission: str, country: str, figures: str, where: Where) -> list[RawRow]:
    numbers = [to_int(part) for part in figures.split()]
    rows = []
    for index, column in enumerate(WIDE_COLUMNS):
        male, female = numbers[2 * index], numbers[2 * index + 1]
        row = RawRow(mission, country, column, male, female, male + female, where)
        parsed.add_row(row)
        rows.append(row)
    return rows


def _check_wide(parsed: Parsed, what: str, figures: str, rows: Iterable[RawRow], where: Where) -> None:
    numbers = [to_int(part) for part in figures.split()]
    listed = list(rows)
    for index, column in enumerate(WIDE_COLUMNS):
        printed = [numbers[2 * index], numbers[2 * index + 1], numbers[2 * index] + numbers[2 * index + 1]]
        parsed.check(f"{what} of {column}", printed, (row for row in listed if row.label == column), where)
