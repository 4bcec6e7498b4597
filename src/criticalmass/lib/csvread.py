"""Reading the CSV files the importers map. Plain Python: no Django here.

Every problem is reported the way a person fixing the file needs it: the file name, the physical
line (the header is line 1), the column and what is wrong with the cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

MISSING = frozenset({"", "NA"})
DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


class CsvError(ValueError):
    """A file that cannot be imported as it is. The message is one line, fit to show as it is."""


class FormatError(CsvError):
    """The file as a whole is not in the expected format (columns, encoding)."""


class RowError(CsvError):
    """One cell is bad: names the file, the line, the column and the problem."""

    def __init__(self, file: str, line: int, column: str, problem: str) -> None:
        self.file, self.line, self.column, self.problem = file, line, column, problem
        super().__init__(f"{file}, line {line}, column {column!r}: {problem}")


def show_columns(columns: Collection[str]) -> str:
    # The row-id column of files written by R has an empty name; say so rather than print ''.
    return ", ".join(repr(c) if c else "(unnamed)" for c in sorted(columns))


def check_header(file: str, header: Sequence[str], expected: Collection[str],
                 allow_extra: bool = False) -> None:
    """Raise FormatError naming the missing and (unless allow_extra) unexpected columns."""
    duplicated = {column for column, n in Counter(header).items() if n > 1}
    if duplicated:
        raise FormatError(f"{file}: columns appear more than once: {show_columns(duplicated)}")
    missing = set(expected) - set(header)
    unexpected = set() if allow_extra else set(header) - set(expected)
    if not missing and not unexpected:
        return
    problems = []
    if missing:
        problems.append(f"missing columns: {show_columns(missing)}")
    if unexpected:
        problems.append(f"unexpected columns: {show_columns(unexpected)}")
    raise FormatError(f"{file} is not in the expected format; " + "; ".join(problems))


@dataclass(slots=True)  # not frozen: frozen dataclasses are slower to build, and files have many rows
class Row:
    """One record and where it starts in the file, with parsers that name the cell on failure.

    `columns` maps a column name to its position; it is shared by every row of a file.
    """

    file: str
    line: int
    columns: Mapping[str, int]
    cells: Sequence[str]

    def __getitem__(self, column: str) -> str:
        return self.cells[self.columns[column]]

    def error(self, column: str, problem: str) -> RowError:
        return RowError(self.file, self.line, column, problem)

    def text(self, column: str, required: bool = True) -> str:
        value = self[column].strip()
        if required and not value:
            raise self.error(column, "is empty")
        return value

    def count(self, column: str) -> int:
        """A count of people: a whole number, not negative."""
        value = self[column]
        if value.isascii() and value.isdigit():  # the common case, fast
            return int(value)
        return parse_count(value, lambda problem: self.error(column, problem))

    def counts(self, columns: Sequence[str]) -> list[int]:
        """Several counts at once; as count() for each, faster when every cell is plain digits."""
        cells, positions = self.cells, self.columns
        values = [cells[positions[column]] for column in columns]
        joined = "".join(values)
        if joined.isascii() and joined.isdigit() and all(values):
            return list(map(int, values))
        return [self.count(column) for column in columns]

    def optional_count(self, column: str, missing: Collection[str] = MISSING) -> int | None:
        """None when the cell says the value was not coded ("NA" or empty), never zero."""
        if self[column].strip() in missing:
            return None
        return self.count(column)

    def date(self, column: str) -> dt.date:
        value = parse_date(self[column].strip())
        if value is None:
            raise self.error(column, f"{self[column]!r} is not a date (YYYY-MM-DD)")
        return value


def parse_count(value: str, error: Callable[[str], RowError]) -> int:
    """A count of people: a whole number that is not negative."""
    stripped = value.strip()
    if not stripped:
        raise error("is empty; a whole number is needed")
    if not WHOLE_NUMBER.fullmatch(stripped):
        raise error(f"{value!r} is not a whole number")
    number = int(stripped)
    if number < 0:
        raise error(f"{value!r} is negative; a count cannot be")
    return number


@functools.lru_cache(maxsize=4096)
def parse_date(value: str) -> dt.date | None:
    # Cached: monthly files repeat a few dozen dates tens of thousands of times.
    if not DATE_SHAPE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class CsvFile:
    """A CSV file opened for reading: its header, then its rows with their line numbers.

    Opened as UTF-8, skipping a byte-order mark if there is one (Excel and R write them).
    """

    def __init__(self, path: Path, name: str | None = None) -> None:
        self.path = path
        self.name = name or path.name

    def header(self) -> list[str]:
        with self._open() as handle:
            return self._header(csv.reader(handle))

    def rows(self) -> Iterator[Row]:
        with self._open() as handle:
            reader = csv.reader(handle)
            header = self._header(reader)
            yield from self._records(reader, header)

    def _open(self) -> TextIO:
        return self.path.open(encoding="utf-8-sig", newline="")

    def _header(self, reader: CsvReader) -> list[str]:
        try:
            return next(reader)
        except StopIteration:
            raise FormatError(f"{self.name} is empty: it has no header line") from None
        except UnicodeDecodeError:
            raise self._not_utf8() from None

    def _records(self, reader: CsvReader, header: list[str]) -> Iterator[Row]:
        # reader.line_num is the physical line a record ends on; a record starts on the line
        # after the previous one ended (quoted cells may span lines).
        columns = {column: i for i, column in enumerate(header)}
        start = reader.line_num + 1
        try:
            for cells in reader:
                if cells:
                    yield self._row(start, columns, cells)
                start = reader.line_num + 1
        except UnicodeDecodeError:
            raise self._not_utf8() from None
        except csv.Error as exc:
            raise FormatError(f"{self.name}, line {start}: not valid CSV ({exc})") from None

    def _not_utf8(self) -> FormatError:
        # The decoder reads ahead in blocks, so find the line again, byte by byte.
        with self.path.open("rb") as handle:
            for line, raw in enumerate(handle, start=1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    return FormatError(f"{self.name}, line {line}: not UTF-8 text; save the file as UTF-8")
        return FormatError(f"{self.name} is not UTF-8 text; save the file as UTF-8")

    def _row(self, line: int, columns: dict[str, int], cells: list[str]) -> Row:
        if len(cells) != len(columns):
            column = list(columns)[min(len(cells), len(columns) - 1)]
            problem = f"the line has {len(cells)} cells but the header has {len(columns)}"
            raise RowError(self.name, line, column, problem)
        return Row(self.name, line, columns, cells)


def read_rows(path: Path, expected: Collection[str], allow_extra: bool = False,
              name: str | None = None) -> Iterator[Row]:
    """Check the header, then yield every record. Raises FormatError or RowError."""
    csv_file = CsvFile(path, name)
    check_header(csv_file.name, csv_file.header(), expected, allow_extra)
    return csv_file.rows()
