"""Rows of a CSV or an Excel (.xlsx) file, as lib.csvread Rows, so one set of checks serves both.

In a workbook the first sheet is read; its first row is the header and a row's line is its row
number in the sheet, so an error names the line a person sees in Excel.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from criticalmass.lib.csvread import FormatError, Row, check_header, read_rows
from criticalmass.lib.limits import check_unpacked


def read_table(path: Path, expected: Collection[str], allow_extra: bool = False) -> Iterator[Row]:
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path, expected, allow_extra)
    return read_rows(path, expected, allow_extra)


def cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold: whole numbers without '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def open_workbook(path: Path) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_unpacked(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise FormatError(f"{path.name} is not an Excel .xlsx workbook ({exc})") from None


def read_xlsx(path: Path, expected: Collection[str], allow_extra: bool) -> Iterator[Row]:
    workbook = open_workbook(path)
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = [cell_text(v).strip() for v in next(rows, ())]
    while header and not header[-1]:
        header.pop()  # trailing empty header cells: formatting, not columns
    if not header:
        raise FormatError(f"{path.name} is empty: its first sheet has no header row")
    check_header(path.name, header, expected, allow_extra)
    return _records(path.name, header, rows, workbook)


def _records(name: str, header: list[str], rows: Iterator[tuple[Any, ...]], workbook: Any) -> Iterator[Row]:
    columns = {column: i for i, column in enumerate(header)}
    try:
        for line, values in enumerate(rows, start=2):
            cells = [cell_text(v) for v in values[: len(header)]]
            cells += [""] * (len(header) - len(cells))
            if any(cell.strip() for cell in cells):
                yield Row(name, line, columns, cells)
    finally:
        workbook.close()
