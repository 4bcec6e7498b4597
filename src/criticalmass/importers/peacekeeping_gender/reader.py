"""Reading Gender.Full.csv (IPI Peacekeeping Database). Plain Python: no Django here.

One row per month, contributing country and mission, with Male, Female and Total for each
category. The reader checks every cell (raising RowError on the first bad one) and notes the
source's own inconsistencies as warnings; it never changes a number. A count that cannot be (more
women or men than the category's total, a category above the row's Total Total) refuses the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.lib.csvread import Row, read_rows
from criticalmass.lib.notes import Note, observation_subject

CATEGORIES = ["Individual Police", "Formed Police Units", "Experts on Mission", "Troops", "Total"]
SEXES = ["Male", "Female", "Total"]
COUNT_COLUMNS = [f"{category} {sex}" for category in CATEGORIES for sex in SEXES]
COLUMNS = ["", "Date", "Contributor", "Contributor ISO-3", "Mission", *COUNT_COLUMNS]
ISO3 = re.compile(r"[A-Z]{3}")
PROGRESS_EVERY = 1000




@dataclass(slots=True)
class Record:
    line: int
    date: dt.date
    mission: str
    iso3: str
    contributor: str
    # Male, Female, Total of each category in CATEGORIES order, flat as in the file: a tuple or
    # object per category would double the time it takes to read the file.
    numbers: list[int]

    def males(self) -> list[int]:
        return self.numbers[0::3]

    def females(self) -> list[int]:
        return self.numbers[1::3]

    def totals(self) -> list[int]:
        return self.numbers[2::3]


@dataclass
class Reading:
    records: list[Record] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[Note] = field(default_factory=list)


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    """Every row of the file, checked; duplicates of an earlier row are left out with a warning."""
    reading = Reading()
    first_line: dict[tuple[dt.date, str, str], int] = {}
    for row in counted(read_rows(path, COLUMNS), progress):
        reading.rows_read += 1
        record = parse(row)
        key = (record.date, record.mission, record.iso3)
        if key in first_line:
            message = duplicate_message(key, first_line[key])
            reading.warnings.append(Note(row.line, message, "duplicate-row", subject(record)))
            continue
        first_line[key] = row.line
        refuse_impossible(row, record)
        reading.warnings.extend(Note(row.line, message, kind_of(message), subject(record))
                                for message in inconsistencies(record))
        reading.records.append(record)
    return reading


def counted(rows: Iterator[Row], progress: Callable[[int], None] | None) -> Iterator[Row]:
    # Reported in steps: a call per row would cost more than reading the row.
    n = 0
    for n, row in enumerate(rows, start=1):
        if progress and n % PROGRESS_EVERY == 0:
            progress(PROGRESS_EVERY)
        yield row
    if progress and n % PROGRESS_EVERY:
        progress(n % PROGRESS_EVERY)


def parse(row: Row) -> Record:
    iso3 = row.text("Contributor ISO-3")
    if not ISO3.fullmatch(iso3):
        raise row.error("Contributor ISO-3", f"{iso3!r} is not a three-letter ISO 3166-1 code")
    numbers = row.counts(COUNT_COLUMNS)
    return Record(row.line, row.date("Date"), row.text("Mission"), iso3, row.text("Contributor"), numbers)


def kind_of(message: str) -> str:
    return "empty-row" if "counts nobody" in message else "sum-mismatch"


def subject(record: Record) -> str:
    """The row's all-personnel observation (mission codes are letters: their slug is the lower case)."""
    return observation_subject(record.mission.lower(), record.date, "total", record.iso3)


def refuse_impossible(row: Row, record: Record) -> None:
    """A share above 100% cannot be the source's meaning: the whole file is refused."""
    for category, male, female, total in zip(CATEGORIES, record.males(), record.females(), record.totals(),
                                             strict=True):
        for sex, count in (("Female", female), ("Male", male)):
            if count > total:
                raise row.error(f"{category} {sex}", f"{count} out of a Total of {total}: more than the "
                                                     "total cannot be; nothing was imported")
    everyone = record.totals()[-1]
    for category, total in zip(CATEGORIES[:-1], record.totals()[:-1], strict=True):
        if total > everyone:
            raise row.error(f"{category} Total", f"{total} is more than Total Total ({everyone}): a category "
                                                 "cannot count more than all; nothing was imported")


def inconsistencies(record: Record) -> list[str]:
    males, females, totals = record.males(), record.females(), record.totals()
    problems = []
    if list(map(int.__add__, males, females)) != totals:  # one comparison for the common case
        problems = [
            f"{category}: Male {male} + Female {female} = {male + female}, but Total is {total}; "
            "numbers kept as given"
            for category, male, female, total in zip(CATEGORIES, males, females, totals, strict=True)
            if male + female != total
        ]
    if sum(totals[:-1]) != totals[-1]:
        problems.append(f"the categories' totals add up to {sum(totals[:-1])}, but Total Total is "
                        f"{totals[-1]}; numbers kept as given")
    if not any(record.numbers):
        problems.append("the row counts nobody in any category; no observation is stored for it")
    return problems


def duplicate_message(key: tuple[dt.date, str, str], first: int) -> str:
    date, mission, iso3 = key
    return (f"same date, mission and contributor as line {first} ({date}, {mission}, {iso3}); "
            f"line {first} is kept, this line is left out")
