"""One way to cite where a figure comes from: a source, down to the rows it counts.

'IPI Peacekeeping Database, Gender.Full.csv, rows 2–29116 (560 rows)', one part per source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from criticalmass.core.models import Source


@dataclass(frozen=True)
class RowSpan:
    """Which rows of one source a figure sums: `count` rows from line `first` to line `last`."""

    source_id: int
    first: int
    last: int
    count: int

    @classmethod
    def one(cls, source_id: int, row: int) -> RowSpan:
        return cls(source_id, row, row, 1)


def spans_of(rows: Iterable[tuple[int, int]]) -> list[RowSpan]:
    """One span per (source id, row) pair: what a figure counting single rows cites."""
    return [RowSpan.one(source_id, row) for source_id, row in rows]


def rows_text(first: int, last: int, count: int, counted: bool) -> str:
    if first == last:
        return f"row {first}"
    if not counted or count == last - first + 1:
        return f"rows {first}–{last}"
    return f"rows {first}–{last} ({count:,} rows)"


SERIES_AT = 4  # this many files of one publisher in one citation are cited as one series


def cite(spans: Iterable[RowSpan], sources: dict[int, Source], counted: bool = True) -> str:
    """The citation of `spans`, one part per source in source-id order.

    `counted` adds how many rows were summed; only right when no row is counted twice, as when
    all spans are of one category (a source line gives one observation per category). A figure drawn
    from SERIES_AT or more files of one publisher (the UN's monthly reports) cites them as one series:
    the publisher, how many files, the first and last, and the rows in all; each month's own row of
    the figure's table still cites its one file.
    """
    by_source = [(source_id, list(group)) for source_id, group in
                 groupby(sorted(spans, key=lambda s: s.source_id), key=lambda s: s.source_id)]
    files_of = Counter(sources[source_id].publisher for source_id, _ in by_source)
    parts, series_done = [], set()
    for source_id, found in by_source:
        publisher = sources[source_id].publisher
        if publisher and files_of[publisher] >= SERIES_AT:
            if publisher not in series_done:
                series_done.add(publisher)
                parts.append(series_part(publisher, [(sources[i], f) for i, f in by_source
                                                     if sources[i].publisher == publisher], counted))
            continue
        first, last = min(s.first for s in found), max(s.last for s in found)
        where = rows_text(first, last, sum(s.count for s in found), counted)
        parts.append(f"{sources[source_id].dataset}, {sources[source_id].file}, {where}")
    return "; ".join(parts)


def series_part(publisher: str, files: list[tuple[Source, list[RowSpan]]], counted: bool) -> str:
    names = sorted(source.file for source, _ in files)
    rows = sum(span.count for _, found in files for span in found)
    counted_rows = f", {rows:,} rows" if counted else ""
    return f"{publisher}, {len(files)} files from {names[0]} to {names[-1]}{counted_rows}"


def cite_spans(spans: Iterable[RowSpan], counted: bool = True) -> str:
    """`cite`, fetching the sources the spans name."""
    found = list(spans)
    return cite(found, sources_by_id(s.source_id for s in found), counted)


def cite_row(source: Source, row: int | None) -> str:
    """One row of one source (or the whole file when the row is not known)."""
    if not row:
        return f"{source.dataset}, {source.file}"
    return cite([RowSpan.one(source.pk, row)], {source.pk: source})


def sources_by_id(ids: Iterable[int]) -> dict[int, Source]:
    return Source.objects.in_bulk(set(ids))
