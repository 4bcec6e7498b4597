"""Reading the IPU's monthly ranking of women in national parliaments (women_percent_as_of*.csv). Plain
Python.

Three lines of preamble ("Source: Inter-Parliamentary Union Open Data", "Date: 2021-09-24", "Ranking as
of 1st September 2021"), a blank line, a two-line header, then one line per country: rank, country, and
for the lower or single house and the upper chamber the last elections (m.yyyy), seats, women and %W.
- A rank of '“' (a ditto mark) is the rank of the line above: the IPU's way of writing a tie.
- '-' is "not applicable": a country without an upper chamber has no upper-chamber figure.
- Election months written 'm.202' lost the trailing zero of 2020 (a number format); they are read as
  2020 with one note ("year-trailing-zero") giving their count and first line.
- A country with no figure for its lower or single house (no rank, 'Suspended') gets a note
  ("no-figure"); an unknown country name is refused, naming the line.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from criticalmass.importers.ipu_parliaments import countries
from criticalmass.importers.ipu_parliaments.history import subject, tenths
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.lib.notes import INFO, Note

HEADER = ["Rank", "Country", "Elections", "Seats*", "Women", "%W", "Elections", "Seats*", "Women", "%W"]
CHAMBERS = (("lower", 2), ("upper", 6))  # the chamber and the position of its first cell
DITTO = {"“", "”", '"', "〃"}
ELECTION = re.compile(r"(\d{1,2})\.(\d{3,4})")
AS_OF = re.compile(r"Ranking as of (\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4})")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
NOT_APPLICABLE = "-"
FIRST_LINE = 7  # the first country's line


@dataclass(frozen=True)
class Standing:
    line: int
    iso3: str
    chamber: str  # lower (the lower or single house) or upper
    rank: int | None
    last_election: dt.date | None
    seats: int | None
    women: int | None
    share: Decimal | None


@dataclass
class Reading:
    as_of: dt.date
    standings: list[Standing] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[Note] = field(default_factory=list)
    short_years: list[int] = field(default_factory=list)  # lines with an 'm.202' election month


def read(path: Path) -> Reading:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise FormatError(f"{path.name} is not UTF-8 text; save the file as UTF-8") from None
    reading = Reading(as_of(path.name, lines))
    if len(lines) < FIRST_LINE - 1 or [c.strip() for c in lines[5][:10]] != HEADER:
        raise FormatError(f"{path.name}, line 6: not the IPU ranking's header ({', '.join(HEADER)})")
    rank: int | None = None
    for line, cells in enumerate(lines[FIRST_LINE - 1:], start=FIRST_LINE):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < len(HEADER):
            raise RowError(path.name, line, "%W", f"the line has {len(cells)} cells, not {len(HEADER)}")
        reading.rows_read += 1
        rank = read_rank(path.name, line, cells[0].strip(), rank)
        read_country(path.name, line, cells, rank, reading)
    if reading.short_years:
        first = reading.short_years[0]
        reading.warnings.append(Note(first, f"{len(reading.short_years)} election months are written 'm.202' "
                                            "(a number format that dropped 2020's last zero) and are read as "
                                            f"2020; the first is on line {first}", "year-trailing-zero",
                                     severity=INFO))
    return reading


def as_of(name: str, lines: list[list[str]]) -> dt.date:
    found = AS_OF.search(lines[2][0]) if len(lines) > 2 and lines[2] else None
    if not lines or not lines[0] or "Inter-Parliamentary Union" not in lines[0][0] or found is None:
        raise FormatError(f"{name} is not an IPU ranking: its first lines should name the "
                          "Inter-Parliamentary Union and say 'Ranking as of <day> <month> <year>'")
    day, month, year = found.groups()
    if month.lower() not in MONTHS:
        raise FormatError(f"{name}, line 3: {month!r} is not a month")
    return dt.date(int(year), MONTHS.index(month.lower()) + 1, int(day))


def read_rank(name: str, line: int, cell: str, above: int | None) -> int | None:
    if cell in DITTO:
        if above is None:
            raise RowError(name, line, "Rank", "a ditto mark with no rank above it")
        return above
    if cell.isdigit():
        return int(cell)
    if cell in ("", "Suspended"):
        return None
    raise RowError(name, line, "Rank", f"{cell!r} is not a rank")


def read_country(name: str, line: int, cells: list[str], rank: int | None, reading: Reading) -> None:
    country = cells[1].strip()
    code = countries.iso3(country)
    if code is None:
        raise RowError(name, line, "Country", f"{country!r} is not a country name the importer knows; "
                                              "add its ISO code to ALIASES in "
                                              "importers/ipu_parliaments/countries.py")
    for chamber, first in CHAMBERS:
        values = [c.strip() for c in cells[first:first + 4]]
        if all(v == NOT_APPLICABLE for v in values[1:]):
            if chamber == "lower":
                status = f" ({cells[0].strip()})" if cells[0].strip() else ""
                message = f"{country}{status}: the ranking gives no figure for the lower or single house"
                reading.warnings.append(Note(line, message, "no-figure", subject(code)))
            continue
        reading.standings.append(standing(name, line, code, chamber, values, rank, reading))


def standing(name: str, line: int, code: str, chamber: str, values: list[str], rank: int | None,
             reading: Reading) -> Standing:
    elections, seats, women, share = values
    return Standing(line, code, chamber, rank if chamber == "lower" else None,
                    election(name, line, elections, reading), number(name, line, "Seats*", seats),
                    number(name, line, "Women", women), percent(name, line, share))


def election(name: str, line: int, cell: str, reading: Reading) -> dt.date | None:
    if cell == NOT_APPLICABLE:
        return None
    found = ELECTION.fullmatch(cell)
    if not found:
        raise RowError(name, line, "Elections", f"{cell!r} is not a month (m.yyyy)")
    month, year = int(found.group(1)), found.group(2)
    if len(year) == 3:
        reading.short_years.append(line)
        year += "0"
    if not 1 <= month <= 12:
        raise RowError(name, line, "Elections", f"{cell!r}: {month} is not a month")
    return dt.date(int(year), month, 1)


def number(name: str, line: int, column: str, cell: str) -> int | None:
    if cell == NOT_APPLICABLE:
        return None
    if not (cell.isascii() and cell.isdigit()):
        raise RowError(name, line, column, f"{cell!r} is not a whole number")
    return int(cell)


def percent(name: str, line: int, cell: str) -> Decimal | None:
    if cell == NOT_APPLICABLE:
        return None
    try:
        value = Decimal(cell)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or not 0 <= value <= 100:
        raise RowError(name, line, "%W", f"{cell!r} is not a percentage")
    return tenths(value)
