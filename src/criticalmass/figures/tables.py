"""A figure's numbers as a table: what the page shows, the chart draws, the CSV and the API hold.

A Table's rows are the numbers behind a figure, already rounded as shown (shares to one decimal),
so the HTML table, the chart (drawn from the same rows), the CSV download and the API cannot
disagree. Each row carries a `source` citation (dataset, file, rows) that the CSV adds as its last
column. A table may carry `notes`: the stored flaws of its sources about the records it shows
(`figures.notes`), listed under the table and offered as a companion CSV.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import escape  # the standard library's: Django's lazy-aware one is slower, same output
from typing import Any

from django.db.models import QuerySet
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop

from criticalmass.core.models import DataNote, Source
from criticalmass.figures.citations import RowSpan, cite, sources_by_id

Row = dict[str, Any]
NOT_AT_PACE = gettext_noop("not at the current pace")
NOTES_SHOWN = 20  # under a table; the notes CSV holds them all


def one_decimal(value: float | None) -> float | None:
    """A share as shown: one decimal (and never -0.0)."""
    return None if value is None else round(value, 1) + 0.0


def share_of(part: int | None, whole: int | None) -> float | None:
    """`part` as a percentage of `whole`, to one decimal; None when either is unknown or whole is 0."""
    return one_decimal(100.0 * part / whole) if part is not None and whole else None


def signed(value: float) -> str:
    return f"{value:+.1f}" if value else "0.0"


def percent(value: float) -> str:
    """A share as the page's language writes it: 10.1% in English, 10,1 % in French."""
    return gettext("%(number)s%%") % {"number": number_format(value, 1)}


def points(value: float) -> str:
    return number_format(value, 1)


def signed_points(value: float) -> str:
    return ("+" if value > 0 else "") + number_format(value, 1) if value else number_format(0.0, 1)


# Texts a figure's cells hold (statuses, yes/no): marked here, translated when a page shows them.
CELL_WORDS = [gettext_noop("met"), gettext_noop("close"), gettext_noop("off track"), gettext_noop("no data"),
              gettext_noop("no target"), gettext_noop("unknown"), gettext_noop("yes"), gettext_noop("no")]

# How the page shows a value, in the page's language (Django's localisation); the CSV and the API keep
# the machine form (`csv_value`): 10.1, never 10,1.
FORMATS: dict[str, Callable[[Any], str]] = {
    "text": str,
    "int": lambda v: number_format(v, force_grouping=True),
    "pct": percent,
    "points": points,
    "trend": signed_points,
    "year": str,
    "date": lambda v: v.isoformat(),
    "month": lambda v: date_format(v, "M Y"),
    "yesno": lambda v: gettext("yes") if v else gettext("no"),
    "status": lambda v: gettext(str(v)),
}
STATUS_ICONS = {"met": "✓", "close": "≈", "off track": "✗", "no data": "?", "no target": "–"}
NUMERIC = {"int", "pct", "points", "trend", "year"}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"
    none: str = "unknown"
    link: Callable[[Row], str | None] | None = None
    row_header: bool = False

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC

    def text(self, value: Any) -> str:
        """The value as the page shows it."""
        return gettext(self.none) if value is None else FORMATS[self.kind](value)

    @property
    def title(self) -> str:
        """The column's label in the page's language (labels are marked with gettext_noop)."""
        return gettext(self.label)


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    classes: str = ""
    header: bool = False
    icon: str = ""  # a status badge's symbol, beside its words (never colour alone)


@dataclass
class Table:
    """A figure's numbers: `rows` hold one dict per line, keyed by the columns' keys, plus `source`."""

    name: str
    caption: str
    columns: list[Column]
    rows: list[Row]
    sources: dict[int, Source] = field(default_factory=dict)
    spans: list[RowSpan] = field(default_factory=list)
    as_of: dt.date | None = None
    csv_url: str = ""
    notes: QuerySet[DataNote] | None = None  # the sources' notes on what the table shows
    # Set when the table is cached per data version (parity's figures): what its whole HTML and its
    # charts are kept under, so a warm page neither rebuilds the cells nor fingerprints the rows.
    cache_key: str = ""
    rendered: str = field(default="", repr=False)

    @property
    def title(self) -> str:
        """The caption in the page's language (captions marked with gettext_noop, or made translated)."""
        return gettext(self.caption)

    @cached_property
    def shown_notes(self) -> list[DataNote]:
        return [] if self.notes is None else list(self.notes.select_related("source")[:NOTES_SHOWN])

    @cached_property
    def notes_count(self) -> int:
        return 0 if self.notes is None else self.notes.count()

    @property
    def notes_csv_url(self) -> str:
        """The companion CSV of the table's notes, beside its own CSV: <name>-notes.csv."""
        return self.csv_url.replace(f"{self.name}.csv", f"{self.name}-notes.csv", 1) if self.csv_url else ""

    @cached_property
    def citation(self) -> str:
        return cite(self.spans, self.sources, counted=False)

    @property
    def cited_sources(self) -> list[Source]:
        return [self.sources[i] for i in sorted({s.source_id for s in self.spans})]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def cells(self, rows: Iterable[Row] | None = None, columns: Sequence[Column] | None = None,
              ) -> list[list[Cell]]:
        """Display cells of `rows` (all by default) in `columns` (all by default)."""
        shown = self.columns if columns is None else columns
        return [[cell(column, row) for column in shown] for row in (self.rows if rows is None else rows)]

    def html(self, rows: Iterable[Row] | None = None, columns: Sequence[Column] | None = None,
             caption: str | None = None) -> SafeString:
        """The table as HTML (built here rather than in a template loop: ten times faster for 2,000 cells).

        The whole table's HTML is built once and kept (`rendered`): its rows do not change once made."""
        whole = rows is None and columns is None and caption is None
        if whole and self.rendered:
            return mark_safe(self.rendered)  # noqa: S308  # built below, every text in it escaped
        shown = self.columns if columns is None else columns
        head = "".join(f'<th scope="col"{NUM if c.numeric else ""}>{escape(c.title)}</th>' for c in shown)
        body = "\n".join(f"<tr>{''.join(map(cell_html, row))}</tr>" for row in self.cells(rows, shown))
        built = (f'<table class="data"><caption>{escape(gettext(caption or self.caption))}</caption>'
                 f"<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>")
        if whole:
            self.rendered = built
        return mark_safe(built)  # noqa: S308  # every text in it is escaped above or in cell_html

    def header(self, keys: bool = True) -> list[str]:
        """The CSV's first row: the columns' stable keys (for scripts), or their labels in the language
        of the request (`keys=False`, what a person downloading from a page gets)."""
        if keys:
            return [column.key for column in self.columns] + ["source"]
        return [column.title for column in self.columns] + [gettext("Source")]

    def csv_rows(self) -> list[list[str]]:
        keys = [c.key for c in self.columns]
        return [[csv_value(row.get(key)) for key in keys] + [row.get("source", "")] for row in self.rows]


def cell(column: Column, row: Row) -> Cell:
    value = row.get(column.key)
    classes = "num" if column.kind in NUMERIC else "when" if column.kind in {"date", "month"} else ""
    if column.kind == "status":
        classes = "status status-" + str(value).replace(" ", "-")
    if value is None:
        classes += " none"
    href = column.link(row) if column.link else None
    icon = STATUS_ICONS.get(str(value), "") if column.kind == "status" else ""
    return Cell(column.text(value), href, classes.strip(), column.row_header, icon)


NUM = ' class="num"'


def cell_html(cell: Cell) -> str:
    tag = "th" if cell.header else "td"
    attributes = ' scope="row"' if cell.header else ""
    attributes += f' class="{cell.classes}"' if cell.classes else ""
    if cell.icon:
        inner = f'<span class="badge"><span aria-hidden="true">{cell.icon}</span> {escape(cell.text)}</span>'
    elif cell.href:
        inner = f'<a href="{escape(cell.href)}">{escape(cell.text)}</a>'
    else:
        inner = escape(cell.text)
    return f"<{tag}{attributes}>{inner}</{tag}>"


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def with_sources(table: Table) -> Table:
    """Fetch the sources the table's spans name, and write each row's citation (`source`)."""
    ids = {s.source_id for s in table.spans} | {s.source_id for r in table.rows for s in r.get("_spans", [])}
    table.sources = sources_by_id(ids)
    for row in table.rows:
        row["_cited"] = row.pop("_spans", [])  # kept, under a name no column, chart or CSV reads
        row["source"] = cite(row["_cited"], table.sources)
    return table


def row_sources(table: Table, row: Row) -> list[Source]:
    """The sources one row of the table cites, in id order."""
    return [table.sources[i] for i in sorted({span.source_id for span in row.get("_cited", [])})]


def cite_rows(table: Table, rows: Sequence[Row]) -> str:
    """One citation for several rows of the table (e.g. a sum of them)."""
    return cite([span for row in rows for span in row.get("_cited", [])], table.sources)

