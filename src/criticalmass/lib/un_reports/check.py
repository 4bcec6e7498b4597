"""What a layout reads before it is resolved, and the self-check of printed totals.

Every layout turns its lines into RawRows (names and labels as printed) and checks, as it reads, each
printed subtotal and total against the sum of the detail rows it covers. Rule: a printed total of
male, female and total (or of total alone where only that is printed) must equal the sum of the rows
it covers, exactly; male + female must equal the printed total of every detail row. Any difference is
refused with the page and line of the printed figure and both numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from criticalmass.lib.un_reports.types import ReportError, ReportNote, Where


@dataclass(frozen=True)
class RawRow:
    """A detail row as printed: mission code, country name and personnel label not yet resolved."""

    mission: str | None
    country: str
    label: str
    male: int
    female: int
    total: int
    where: Where


@dataclass
class Parsed:
    """What a layout read, before countries and labels are resolved."""

    layout: str
    has_missions: bool
    month: dt.date | None = None
    month_where: Where | None = None
    rows: list[RawRow] = field(default_factory=list)
    totals_checked: int = 0
    notes: list[ReportNote] = field(default_factory=list)

    def add_row(self, row: RawRow) -> None:
        if row.male + row.female != row.total:
            raise ReportError(
                f"male {row.male} + female {row.female} = {row.male + row.female}, "
                f"but the row prints total {row.total}", row.where)
        self.totals_checked += 1
        self.rows.append(row)

    def check(self, what: str, printed: Sequence[int], rows: Iterable[RawRow], where: Where) -> None:
        """A printed total (male, female, total; or total alone) against the sum of its rows."""
        computed: tuple[int, ...] = sums(rows)
        if len(printed) == 1:
            computed = computed[2:]
        if tuple(printed) != computed:
            raise ReportError(f"the printed {what} {format_figures(printed)} differs from the sum of "
                              f"its rows {format_figures(computed)}", where)
        self.totals_checked += 1


def sums(rows: Iterable[RawRow]) -> tuple[int, int, int]:
    male = female = total = 0
    for row in rows:
        male, female, total = male + row.male, female + row.female, total + row.total
    return male, female, total


def format_figures(figures: Sequence[int]) -> str:
    if len(figures) == 3:
        return f"(male {figures[0]}, female {figures[1]}, total {figures[2]})"
    return " ".join(str(figure) for figure in figures)
