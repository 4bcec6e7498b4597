"""Reading PKOC's mission_start.csv (Amicarelli & Di Salvatore 2021). Plain Python: no Django here.

One row per UN peacekeeping mission: its code, the year and month it started, and its host country
(name, ISO 3166-1 alpha-3 and numeric codes). Every cell is checked; a bad one raises RowError
naming the file, line and column. A mission listed twice is kept once, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.lib.csvread import Row, read_rows

COLUMNS = ["mission", "year", "month", "mission_country", "iso3c", "iso3n"]
ISO3 = re.compile(r"[A-Z]{3}")
CODE = re.compile(r"[A-Z][A-Z0-9 ]*[A-Z0-9]")
FIRST_YEAR, LAST_YEAR = 1945, 2100  # the UN's first year; a year after the last is a typing error


@dataclass(frozen=True)
class Record:
    line: int
    mission: str
    start: dt.date  # the first day of the month the mission started (the file gives no day)
    country: str
    iso3: str


@dataclass
class Reading:
    records: list[Record] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read(path: Path) -> Reading:
    """Every row of the file, checked; a mission's second row is left out with a warning."""
    reading = Reading()
    first_line: dict[str, int] = {}
    for row in read_rows(path, COLUMNS):
        reading.rows_read += 1
        record = parse(row)
        if record.mission in first_line:
            reading.warnings.append((row.line, f"mission {record.mission!r} is listed again (first on line "
                                                f"{first_line[record.mission]}); this row is left out"))
            continue
        first_line[record.mission] = row.line
        reading.records.append(record)
    return reading


def parse(row: Row) -> Record:
    mission = row.text("mission")
    if not CODE.fullmatch(mission):
        raise row.error("mission", f"{mission!r} is not a mission code (capital letters, digits, spaces)")
    year, month = row.count("year"), row.count("month")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise row.error("year", f"{year} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
    if not 1 <= month <= 12:
        raise row.error("month", f"{month} is not a month (1 to 12)")
    iso3 = row.text("iso3c")
    if not ISO3.fullmatch(iso3):
        raise row.error("iso3c", f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
    row.count("iso3n")  # checked, not kept: the alpha-3 code says the same
    return Record(row.line, mission, dt.date(year, month, 1), row.text("mission_country"), iso3)
