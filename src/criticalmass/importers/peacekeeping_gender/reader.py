"""Reading IPI's contributor x mission x month files (Gender.Full.csv and its other layout).

Plain Python: no Django here.

One row per month, contributing country and mission, with Male, Female and Total for each
category. The reader checks every cell (raising RowError on the first bad one) and notes the
source's own inconsistencies as warnings; it never changes a number. A count that cannot be (more
women or men than the category's total, a category above the row's Total Total) refuses the file.

IPI publishes the same data in a second layout, read here too: header names with underscores
(`Contributor_ISO-3`, `Troops_Female`) and no leading row-id column; aggregate rows whose
contributor is `all` (per mission, and a world total with mission `all`); `NA` for a count the
source does not give; codes with a stray trailing apostrophe (`ALB'`); whole rows repeated.
Aggregate rows are not data: each is checked against the sum of its detail rows and left out.
`NA` is unknown (None), never zero. Apostrophes are stripped and exact copies of a row left out,
each with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.lib.csvread import CsvFile, Row, check_header
from criticalmass.lib.notes import Note, observation_subject

CATEGORIES = ["Individual Police", "Formed Police Units", "Experts on Mission", "Troops", "Total"]
SEXES = ["Male", "Female", "Total"]
COUNT_COLUMNS = [f"{category} {sex}" for category in CATEGORIES for sex in SEXES]
COLUMNS = ["", "Date", "Contributor", "Contributor ISO-3", "Mission", *COUNT_COLUMNS]
ISO3 = re.compile(r"[A-Z]{3}")
PROGRESS_EVERY = 1000
NOT_GIVEN = frozenset({"NA"})
AGGREGATE = "all"
STRAY = "'"
CODE_COLUMNS = ("Contributor ISO-3", "Mission")

Counts = list[int | None]


@dataclass(slots=True)
class Record:
    line: int
    date: dt.date
    mission: str
    iso3: str
    contributor: str
    # Male, Female, Total of each category in CATEGORIES order, flat as in the file: a tuple or
    # object per category would double the time it takes to read the file. None: the file says NA.
    numbers: Counts

    def males(self) -> Counts:
        return self.numbers[0::3]

    def females(self) -> Counts:
        return self.numbers[1::3]

    def totals(self) -> Counts:
        return self.numbers[2::3]


@dataclass(slots=True)
class Aggregate:
    """A row whose contributor is `all`: the sum over a mission (or, mission `all`, the world)."""

    line: int
    date: dt.date
    mission: str | None  # None: every mission
    numbers: Counts


@dataclass
class Reading:
    records: list[Record] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[Note] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)
    # Each repeated row's cells -> the lines it is on; each stray code (column, as written) -> lines.
    copies: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    strays: dict[tuple[str, str], list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    """The file's own name for each column the reader uses (its header, as written)."""

    names: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.names[column]

    @property
    def counts(self) -> list[str]:
        return [self.names[column] for column in COUNT_COLUMNS]


def normalise(name: str) -> str:
    """`Troops_Female` and ` Troops  Female` are `Troops Female`."""
    return " ".join(name.replace("_", " ").split())


def layout(csv_file: CsvFile) -> Layout:
    """Check the header, in either layout; raise FormatError naming what is missing or unexpected."""
    header = csv_file.header()
    normalised = [normalise(name) for name in header]
    expected = COLUMNS if normalised[:1] == [""] else COLUMNS[1:]
    check_header(csv_file.name, normalised, expected)
    return Layout(dict(zip(normalised, header, strict=True)))


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    """Every row of the file, checked; duplicates of an earlier row are left out with a warning."""
    csv_file = CsvFile(path)
    columns = layout(csv_file)
    reading = Reading()
    first_line: dict[tuple[dt.date, str, str], int] = {}
    for row in counted(csv_file.rows(), progress):
        reading.rows_read += 1
        if repeated(row, reading):
            continue
        if is_aggregate(row, columns):
            reading.aggregates.append(parse_aggregate(row, columns, reading))
            continue
        record = parse(row, columns, reading)
        key = (record.date, record.mission, record.iso3)
        if key in first_line:
            message = duplicate_message(key, first_line[key])
            reading.warnings.append(Note(row.line, message, "duplicate-row", subject(record)))
            continue
        first_line[key] = row.line
        refuse_impossible(row, record, columns)
        reading.warnings.extend(Note(row.line, message, kind_of(message), subject(record))
                                for message in inconsistencies(record))
        reading.records.append(record)
    reading.warnings += copies_warnings(reading) + stray_warnings(reading) + aggregate_warnings(reading)
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


def repeated(row: Row, reading: Reading) -> bool:
    """True for an exact copy of an earlier row (every cell the same); its line is noted."""
    lines = reading.copies.setdefault(tuple(row.cells), [])
    lines.append(row.line)
    return len(lines) > 1


def is_aggregate(row: Row, columns: Layout) -> bool:
    cells = (row[columns["Contributor"]], row[columns["Contributor ISO-3"]])
    return any(cell.strip().rstrip(STRAY).lower() == AGGREGATE for cell in cells)


def code(row: Row, columns: Layout, column: str, reading: Reading) -> str:
    """A code cell without the stray trailing apostrophe some files have (noted for a warning)."""
    value = row.text(columns[column])
    if value.endswith(STRAY) and len(value) > 1:
        reading.strays.setdefault((column, value), []).append(row.line)
        value = value.rstrip(STRAY)
    return value


def counts(row: Row, columns: Layout) -> Counts:
    """The 15 counts; `NA` is None (not given), never zero."""
    names = columns.counts
    values = [row[name] for name in names]
    joined = "".join(values)
    if joined.isascii() and joined.isdigit() and all(values):  # the common case, fast
        return list(map(int, values))
    return [row.optional_count(name, NOT_GIVEN) for name in names]


def parse(row: Row, columns: Layout, reading: Reading) -> Record:
    iso3 = code(row, columns, "Contributor ISO-3", reading)
    if not ISO3.fullmatch(iso3):
        raise row.error(columns["Contributor ISO-3"], f"{iso3!r} is not a three-letter ISO 3166-1 code")
    mission = code(row, columns, "Mission", reading)
    return Record(row.line, row.date(columns["Date"]), mission, iso3, row.text(columns["Contributor"]),
                  counts(row, columns))


def parse_aggregate(row: Row, columns: Layout, reading: Reading) -> Aggregate:
    mission = code(row, columns, "Mission", reading)
    scope = None if mission.lower() == AGGREGATE else mission
    return Aggregate(row.line, row.date(columns["Date"]), scope, counts(row, columns))


def inconsistencies(record: Record) -> list[str]:
    males, females, totals = record.males(), record.females(), record.totals()
    problems = [
        f"{category}: Male {male} + Female {female} = {male + female}, but Total is {total}; "
        "numbers kept as given"
        for category, male, female, total in zip(CATEGORIES, males, females, totals, strict=True)
        if male is not None and female is not None and total is not None and male + female != total
    ]
    problems += [
        f"{category}: Total is NA but Male is {show(male)} and Female {show(female)}; "
        "no observation is stored for it"
        for category, male, female, total in zip(CATEGORIES, males, females, totals, strict=True)
        if total is None and (male or female)
    ]
    parts, whole = totals[:-1], totals[-1]
    if whole is not None and None not in parts and sum(n or 0 for n in parts) != whole:
        problems.append(f"the categories' totals add up to {sum(n or 0 for n in parts)}, but Total Total is "
                        f"{whole}; numbers kept as given")
    if all(number == 0 for number in record.numbers):
        problems.append("the row counts nobody in any category; no observation is stored for it")
    elif not any(record.numbers):
        problems.append("the row gives no count other than 0 and NA; no observation is stored for it")
    return problems


def show(count: int | None) -> str:
    return "NA" if count is None else str(count)


def duplicate_message(key: tuple[dt.date, str, str], first: int) -> str:
    date, mission, iso3 = key
    return (f"same date, mission and contributor as line {first} ({date}, {mission}, {iso3}); "
            f"line {first} is kept, this line is left out")


def kind_of(message: str) -> str:
    return "empty-row" if "counts nobody" in message else "sum-mismatch"


def subject(record: Record) -> str:
    """The row's all-personnel observation (mission codes are letters: their slug is the lower case)."""
    return observation_subject(record.mission.lower(), record.date, "total", record.iso3)


def refuse_impossible(row: Row, record: Record, columns: Layout) -> None:
    """A share above 100% cannot be the source's meaning: the whole file is refused."""
    for category, male, female, total in zip(CATEGORIES, record.males(), record.females(), record.totals(),
                                             strict=True):
        for sex, count in (("Female", female), ("Male", male)):
            if count is not None and total is not None and count > total:
                raise row.error(columns[f"{category} {sex}"], f"{count} out of a Total of {total}: more than "
                                "the total cannot be; nothing was imported")
    everyone = record.totals()[-1]
    for category, total in zip(CATEGORIES[:-1], record.totals()[:-1], strict=True):
        if total is not None and everyone is not None and total > everyone:
            raise row.error(columns[f"{category} Total"], f"{total} is more than Total Total ({everyone}): "
                            "a category cannot count more than all; nothing was imported")


def copies_warnings(reading: Reading) -> list[Note]:
    return [
        Note(lines[0], f"this row is repeated exactly on {plural(len(lines) - 1, 'more line')} "
                       f"({', '.join(map(str, lines[1:]))}); the copies are left out", "repeated-row")
        for lines in reading.copies.values() if len(lines) > 1
    ]


def stray_warnings(reading: Reading) -> list[Note]:
    return [
        Note(lines[0], f"{column} {value!r} has a stray apostrophe; read as {value.rstrip(STRAY)!r} "
                       f"(on {plural(len(lines), 'line')}, this the first)", "stray-apostrophe")
        for (column, value), lines in reading.strays.items()
    ]


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def aggregate_warnings(reading: Reading) -> list[Note]:
    """Each aggregate row whose counts differ from the sum of its detail rows (the kept records)."""
    sums: dict[tuple[dt.date, str | None], Counts] = {}
    for record in reading.records:
        for scope in ((record.date, record.mission), (record.date, None)):
            add(sums.setdefault(scope, [0] * len(COUNT_COLUMNS)), record.numbers)
    warnings: list[Note] = []
    for aggregate in reading.aggregates:
        found = sums.get((aggregate.date, aggregate.mission), [0] * len(COUNT_COLUMNS))
        differences = [
            f"{column} {given} where the detail rows add up to {total}"
            for column, given, total in zip(COUNT_COLUMNS, aggregate.numbers, found, strict=True)
            if given is not None and total is not None and given != total
        ]
        if differences:
            where = f"mission {aggregate.mission}" if aggregate.mission else "all missions"
            warnings.append(Note(aggregate.line, f"aggregate row ({where}, {aggregate.date}) says "
                                 + "; ".join(differences) + "; aggregate rows are not stored",
                                 "aggregate-mismatch"))
    return warnings


def add(total: Counts, numbers: Sequence[int | None]) -> None:
    """Add a row's counts into a running sum; a sum with an NA in it is unknown (None)."""
    for i, number in enumerate(numbers):
        current = total[i]
        total[i] = None if current is None or number is None else current + number
