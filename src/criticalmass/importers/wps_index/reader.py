"""Reading the WPS Index workbook (sheet 'TABLE 1'). Plain Python apart from openpyxl.

The sheet has a title in B1 ("2025 WPS Index Table 1"), a header over rows 5 and 6 (row 5: 'WPS Index
Rank', 'Women, Peace, and Security Index' and the 13 indicators; row 6: 'Country', 'Code', 'Region'),
then one row per country: the ranked countries in quintile sections, then 'OTHER COUNTRIES AND
ECONOMIES NOT RANKED', then regional aggregates and notes, which have no country code and are not
read. Each indicator column is followed by a column of footnote letters (e.g. 'a': the most recent
year in the range), kept beside the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from criticalmass.importers.sheets import open_workbook
from criticalmass.lib.csvread import FormatError, RowError, show_columns

SHEET = "TABLE 1"
HEADER_ROWS = (5, 6)
INDICATORS = [
    "Education", "Employment", "Financial Inclusion", "Cell Phone Use", "Parliamentary Representation",
    "Absence of Legal Discrimination", "Access to Justice", "Maternal Mortality Ratio", "Son Bias",
    "Intimate partner violence", "Community Safety", "Political Violence Targeting Women",
    "Proximity to Conflict",
]
RANK, INDEX = "WPS Index Rank", "Women, Peace, and Security Index"
COUNTRY, CODE, REGION = "Country", "Code", "Region"
CODE_SHAPE = re.compile(r"[A-Z]{3}")
EDITION = re.compile(r"\b(20\d\d)\b")


@dataclass
class IndexRow:
    line: int
    iso3: str
    country: str
    rank: int | None
    score: Decimal | None
    region: str
    indicators: dict[str, dict[str, Any]]


@dataclass
class Reading:
    edition: int = 0
    rows: list[IndexRow] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    workbook = open_workbook(path)
    try:
        if SHEET not in workbook.sheetnames:
            sheets = show_columns(workbook.sheetnames)
            raise FormatError(f"{path.name} has no sheet {SHEET!r} (it has {sheets})")
        rows = list(workbook[SHEET].iter_rows(values_only=True))
    finally:
        workbook.close()
    reading = Reading(edition=edition(path.name, rows))
    columns = header(path.name, rows)
    seen: dict[str, int] = {}
    for line, values in enumerate(rows, start=1):
        if line <= HEADER_ROWS[1] or not is_country(values, columns):
            continue
        reading.rows_read += 1
        if progress:
            progress(1)
        row = parse(path.name, line, values, columns)
        if row.iso3 in seen:
            message = f"{row.iso3} is also on line {seen[row.iso3]}; this line is left out"
            reading.warnings.append((line, message))
            continue
        seen[row.iso3] = line
        reading.rows.append(row)
    return reading


def edition(name: str, rows: list[tuple[Any, ...]]) -> int:
    title = " ".join(str(v) for v in (rows[0] if rows else ()) if v is not None)
    found = EDITION.search(title)
    if not found or "WPS Index" not in title:
        raise FormatError(f"{name}: row 1 should hold the title, e.g. '2025 WPS Index Table 1'; "
                          f"it holds {title!r}")
    return int(found.group(1))


def header(name: str, rows: list[tuple[Any, ...]]) -> dict[str, int]:
    """Column positions by name, from header rows 5 and 6; FormatError naming what is missing."""
    columns: dict[str, int] = {}
    for number in HEADER_ROWS:
        values = rows[number - 1] if len(rows) >= number else ()
        for position, value in enumerate(values):
            label = str(value).strip() if isinstance(value, str) else ""
            if label and label not in columns:
                columns[label] = position
    missing = {RANK, INDEX, COUNTRY, CODE, REGION, *INDICATORS} - set(columns)
    if missing:
        raise FormatError(f"{name} is not in the expected format; missing columns in rows 5-6: "
                          f"{show_columns(missing)}")
    return columns


def is_country(values: tuple[Any, ...], columns: dict[str, int]) -> bool:
    code = cell(values, columns[CODE])
    return isinstance(code, str) and bool(CODE_SHAPE.fullmatch(code.strip()))


def cell(values: tuple[Any, ...], position: int) -> Any:
    return values[position] if position < len(values) else None


def parse(name: str, line: int, values: tuple[Any, ...], columns: dict[str, int]) -> IndexRow:
    def number(column: str, position: int) -> Decimal | None:
        value = cell(values, position)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            return Decimal(str(value).strip())
        except InvalidOperation:
            raise RowError(name, line, column, f"{value!r} is not a number") from None

    rank, score = number(RANK, columns[RANK]), number(INDEX, columns[INDEX])
    if rank is not None and (rank != rank.to_integral_value() or rank < 1):
        raise RowError(name, line, RANK, f"{rank} is not a rank (a whole number from 1)")
    if score is not None and not Decimal(0) <= score <= Decimal(1):
        raise RowError(name, line, INDEX, f"{score} is not an index score between 0 and 1")
    if rank is not None and score is None:
        raise RowError(name, line, INDEX, "is empty, but the country is ranked")
    indicators = {}
    for label in INDICATORS:
        value = number(label, columns[label])
        note = cell(values, columns[label] + 1)
        indicators[label] = {"value": None if value is None else float(value),
                             "note": str(note).strip() if isinstance(note, str) else ""}
    def text(column: str) -> str:
        return str(cell(values, columns[column]) or "").strip()

    return IndexRow(line, text(CODE), text(COUNTRY), None if rank is None else int(rank), score, text(REGION),
                    indicators)
