"""What every page with figures does: link each table to its CSV, and serve one table as CSV."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from criticalmass.figures.csv import table_response
from criticalmass.figures.notes import notes_response
from criticalmass.figures.tables import Table

Tables = dict[str, Table]


def with_query(url: str, **params: str) -> str:
    return f"{url}?{urlencode(params)}" if params else url


def link_csvs(tables: Tables, url_name: str, args: list[str], **params: str) -> Tables:
    """Give each table the address of its CSV: `url_name` with `args` and the table's name. The link
    asks for the columns' labels in the page's language (`header=labels`); the bare address writes
    their stable keys."""
    for name, table in tables.items():
        table.csv_url = with_query(reverse(url_name, args=[*args, name]), **params, header="labels")
    return tables


def one_table(tables: Tables, name: str, filename: str, request: HttpRequest | None = None) -> HttpResponse:
    """The table called `name` as `criticalmass-<filename>-<name>.csv`, or the notes of table T when
    `name` is "T-notes"; 404 when there is none."""
    noted = tables.get(name.removesuffix("-notes")) if name.endswith("-notes") else None
    if noted is not None and noted.notes is not None:
        return notes_response(noted.notes, f"criticalmass-{filename}-{name}")
    if name not in tables:
        raise Http404(f"There is no table '{name}' here.")
    return table_response(tables[name], f"criticalmass-{filename}-{name}", request)
