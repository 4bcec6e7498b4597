"""One CSV response for every download, with the spreadsheet-formula guard on every cell."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse

from criticalmass.figures.tables import Table
from criticalmass.lib.csvsafe import safe_cell


def cell_text(value: Any) -> Any:
    """None is an empty cell; text that starts like a formula gets a leading apostrophe."""
    return "" if value is None else safe_cell(value)


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    """`filename` (".csv" added when missing) holding `header` then `rows`."""
    name = filename if filename.endswith(".csv") else f"{filename}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(header)
    # Names come from datasets, partners and the secretariat: none may run as a spreadsheet formula.
    writer.writerows([cell_text(value) for value in row] for row in rows)
    return response


HEADER_PARAMETER = "header"  # ?header=labels: the columns' labels in the page's language; keys otherwise


def wants_labels(request: HttpRequest | None) -> bool:
    """Whether the CSV's first row should be the columns' labels in the request's language
    (`?header=labels`, what a page's download link asks) rather than their stable keys (the default,
    and `?header=keys`: what scripts read)."""
    return request is not None and request.GET.get(HEADER_PARAMETER) == "labels"


def table_response(table: Table, filename: str, request: HttpRequest | None = None) -> HttpResponse:
    """A figure's table as CSV: its columns' keys (or labels, see `wants_labels`), then `source`,
    one line per row. The values stay in machine form (10.1, 2024-03-01) whatever the language."""
    return csv_response(filename, table.header(keys=not wants_labels(request)), table.csv_rows())
