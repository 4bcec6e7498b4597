"""Months as (year, month) pairs: the unit figures are dated and ranked in. Plain Python."""

from __future__ import annotations

import datetime as dt

Month = tuple[int, int]  # (year, month)


def month_of(day: dt.date) -> Month:
    return day.year, day.month


def months_between(earlier: Month, later: Month) -> int:
    return (later[0] - earlier[0]) * 12 + later[1] - earlier[1]


def parse_month(text: str) -> Month | None:
    """YYYY-MM as (year, month); None when it is not a month."""
    try:
        day = dt.datetime.strptime(text, "%Y-%m").date()  # noqa: DTZ007  # a month, not a moment
    except ValueError:
        return None
    return month_of(day)
