"""Reading the IPU's historical table of women in national parliaments, 1945–2018 (.xlsx). Plain Python.

One row per election or renewal of a chamber (sheet 'Feuil1'). Country, year, the kind of renewal
and the chamber must be readable or the file is refused, naming the row and column. The counts are
the IPU's own typing and are kept as given where they are numbers; where they are not ('?', 'Not
available', '59 52', a spreadsheet error) the count is stored as unknown with a note quoting the cell:
- "former-state" (info): a state that no longer exists; the row is not stored (no country code);
- "count-unreadable": seats, women or share not a number; stored as unknown;
- "share-inconsistent": the share given differs from women / seats by more than 0.1 point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from criticalmass.importers.ipu_parliaments import countries
from criticalmass.importers.sheets import read_table
from criticalmass.lib.csvread import Row
from criticalmass.lib.notes import INFO, Note

COLUMNS = ["Country", "Region", "Election / Renewal", "Year", "Month", "Chamber Type", "Chamber Total Seats",
           "Total women", "% Of Women in Chamber", "NOTES"]
RENEWALS = {"yes": False, "continuous renewal": True}  # -> continuous
CHAMBERS = {"single": "single", "lower": "lower", "upper": "upper", "temporary assembly": "other",
            "special": "other", "council": "other", "constituent assembly": "other", "single lower": "other",
            "not available": "other"}
FIRST_YEAR, LAST_YEAR = 1945, 2100
PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")
TOLERANCE = Decimal("0.1")  # points: the IPU rounds shares to one decimal


@dataclass(frozen=True)
class Election:
    line: int
    iso3: str
    chamber: str
    chamber_label: str
    year: int
    month: str
    continuous: bool
    seats: int | None
    women: int | None
    share: Decimal | None


@dataclass
class Reading:
    elections: list[Election] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[Note] = field(default_factory=list)


def subject(iso3: str) -> str:
    """The data notes' key of a country's parliament: parliament:RWA."""
    return f"parliament:{iso3}"


def read(path: Path) -> Reading:
    reading = Reading()
    for row in read_table(path, COLUMNS):
        reading.rows_read += 1
        name = row.text("Country")
        if countries.is_former_state(name):
            message = (f"{' '.join(name.split())} ({row['Year']}): a state that no longer exists; no country "
                       "code stands for it, so the row is not stored")
            reading.warnings.append(Note(row.line, message, "former-state", severity=INFO))
            continue
        reading.elections.append(parse(row, country_code(row, name), reading.warnings))
    return reading


def country_code(row: Row, name: str) -> str:
    code = countries.iso3(name)
    if code is None:
        raise row.error("Country", f"{name!r} is not a country name the importer knows; add its ISO code to "
                                   "ALIASES in importers/ipu_parliaments/countries.py")
    return code


def parse(row: Row, iso3: str, notes: list[Note]) -> Election:
    year = row.count("Year")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise row.error("Year", f"{year} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
    renewal, label = row.text("Election / Renewal").lower(), " ".join(row.text("Chamber Type").split())
    if renewal not in RENEWALS:
        raise row.error("Election / Renewal", f"{renewal!r} is neither 'Yes' nor 'Continuous Renewal'")
    if label.lower() not in CHAMBERS:
        raise row.error("Chamber Type", f"{label!r} is not a chamber (Single, Lower, Upper, ...)")
    where = f"{iso3} {year} {label}"
    seats = count(row, "Chamber Total Seats", iso3, where, notes)
    women = count(row, "Total women", iso3, where, notes)
    share = given_share(row, iso3, where, notes)
    check_share(row.line, iso3, where, (seats, women, share), notes)
    return Election(row.line, iso3, CHAMBERS[label.lower()], label, year, " ".join(row["Month"].split()),
                    RENEWALS[renewal], seats, women, share)


def count(row: Row, column: str, iso3: str, where: str, notes: list[Note]) -> int | None:
    value = row[column].strip()
    if value.isascii() and value.isdigit():
        return int(value)
    notes.append(Note(row.line, f"{where}: {column} is {value or 'empty'!r}, not a number; stored as unknown",
                      "count-unreadable", subject(iso3)))
    return None


def given_share(row: Row, iso3: str, where: str, notes: list[Note]) -> Decimal | None:
    """The share in percent: the sheet gives a fraction (0.273), sometimes a text '26.2%'."""
    value = row["% Of Women in Chamber"].strip()
    percent = PERCENT.fullmatch(value)
    try:
        share = Decimal(percent.group(1)) if percent else Decimal(value) * 100
    except InvalidOperation:
        share = None
    if share is None or not share.is_finite() or not 0 <= share <= 100:
        notes.append(Note(row.line, f"{where}: the share is {value or 'empty'!r}, not a number; stored as "
                                    "unknown", "count-unreadable", subject(iso3)))
        return None
    return tenths(share)


def tenths(value: Decimal) -> Decimal:
    """To one decimal, halves up, as the IPU rounds (45 of 80 is 56.3%)."""
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def check_share(line: int, iso3: str, where: str, given: tuple[int | None, int | None, Decimal | None],
                notes: list[Note]) -> None:
    seats, women, share = given
    if seats is None or women is None:
        return
    if women > seats:
        notes.append(Note(line, f"{where}: {women} women in {seats} seats; both are stored as given",
                          "share-inconsistent", subject(iso3)))
        return
    computed = tenths(Decimal(100 * women) / seats) if seats else None
    if share is not None and computed is not None and abs(computed - share) > TOLERANCE:
        notes.append(Note(line, f"{where}: the share given, {share}%, is not {women} of {seats} seats "
                                f"({computed}%); both are stored as given", "share-inconsistent",
                          subject(iso3)))
