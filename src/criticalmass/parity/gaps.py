"""Months missing inside a peace operations' series: shown as gaps, with why, never bridged.

A series runs from its first to its last month. A month between them is a gap when no imported
source reports it at all (Mar-Dec 2014: no public UN report; July 2022: absent), or, for one
mission, when the month's report gives no mission breakdown (Mar 2018 - Aug 2019). A month in
which other contributors or missions are reported is no gap: a country that deployed nobody that
month has no count, not missing data. Each run of consecutive missing months of one reason is one
row of the series' table, women and total empty and the reason in its note; the chart's line breaks
there. Trends and forecasts use the months reported only (lib.trend fits the real dates; nothing
is interpolated).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from criticalmass.lib.months import Month, month_of
from criticalmass.parity import queries
from criticalmass.parity.models import PEACE_OPERATION_KINDS, Process
from criticalmass.parity.report_months import month_end

# Months no public copy of the UN's report was found for (see the UN reports' PROVENANCE.txt).
KNOWN_GAPS: list[tuple[Month, Month, str]] = [
    ((2014, 3), (2014, 12), "No UN report for Mar–Dec 2014 is publicly available"),
    ((2022, 7), (2022, 7), "No UN report for July 2022 is publicly available"),
]
NO_BREAKDOWN = "no mission breakdown published for these months"


@dataclass(frozen=True)
class Gap:
    first: dt.date  # the first missing month (its last day, as observations are dated)
    last: dt.date
    reason: str


Finder = Callable[[Sequence[dt.date]], list[Gap]]


def next_month(month: Month) -> Month:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)


def missing(dates: Iterable[dt.date], reported: frozenset[Month]) -> list[Month]:
    """The months between the first and last of `dates` that are not in `reported`."""
    months = sorted({month_of(date) for date in dates})
    if len(months) < 2:
        return []
    found, month = [], next_month(months[0])
    while month < months[-1]:
        if month not in reported:
            found.append(month)
        month = next_month(month)
    return found


def reason(month: Month, breakdown_only: frozenset[Month]) -> str:
    if month in breakdown_only:
        return NO_BREAKDOWN
    for first, last, why in KNOWN_GAPS:
        if first <= month <= last:
            return why
    return "no report for these months has been imported"


def runs(months: list[Month], why: Callable[[Month], str]) -> list[Gap]:
    """Consecutive months of the same reason, one Gap each."""
    gaps: list[Gap] = []
    for month in months:
        day, text = month_end(*month), why(month)
        last = gaps[-1] if gaps else None
        if last is not None and last.reason == text and next_month(month_of(last.last)) == month:
            gaps[-1] = Gap(last.first, day, text)
        else:
            gaps.append(Gap(day, day, text))
    return gaps


def operation_months() -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
    """The months any peace operation is counted in, and those any mission is (the months reported
    without a mission breakdown are only in the first), as (year, month); cached until the data changes."""
    def compute() -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
        operations = queries.observations(kind=PEACE_OPERATION_KINDS).order_by()
        rows = operations.values_list("date", "process__kind").distinct()
        found = [((date.year, date.month), kind) for date, kind in rows]
        return (frozenset(month for month, _ in found),
                frozenset(month for month, kind in found if kind == Process.Kind.OPERATION))

    return queries.cached("operation-months", compute)


def finder(process: Process | None) -> Finder | None:
    """How to find the gaps of a series of `process` (None: all peace operations, or a country);
    None for a series that is not monthly (a negotiation)."""
    if process is not None and process.kind != Process.Kind.OPERATION:
        return None
    every, missions = operation_months()
    if process is None:
        return lambda dates: runs(missing(dates, every), lambda month: reason(month, frozenset()))
    breakdown_only = every - missions
    return lambda dates: runs(missing(dates, missions), lambda month: reason(month, breakdown_only))


def described(gap: Gap) -> str:
    """"No UN report for Mar–Dec 2014 is publicly available", or the reason with its months."""
    if gap.reason != NO_BREAKDOWN and not gap.reason.startswith("no report"):
        return gap.reason
    span = f"{gap.first:%b %Y}" if gap.first == gap.last else f"{gap.first:%b %Y} – {gap.last:%b %Y}"
    return f"{gap.reason[0].upper()}{gap.reason[1:]} ({span})"
