"""Trend and forecast of a share over time. Plain Python: no Django here.

A series is a list of (time, share) points with time in fractional years (2013.5 is mid-2013)
and share in percent. The trend is the least-squares slope in points per year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from math import ceil

from criticalmass.lib.targets import reaches

Point = tuple[float, float]
HORIZON = 2100


def year_fraction(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def slope(series: Sequence[Point]) -> float | None:
    """Least-squares slope in points per year; None with fewer than two distinct times."""
    if len({t for t, _ in series}) < 2:
        return None
    # Measured from the first point, a flat series has exactly zero covariance rather than rounding
    # noise (the mean of equal floats need not equal them), so it is never called rising or falling.
    t0, s0 = series[0]
    times = [t - t0 for t, _ in series]
    shares = [s - s0 for _, s in series]
    mean_t = sum(times) / len(series)
    mean_s = sum(shares) / len(series)
    covariance = sum((t - mean_t) * (s - mean_s) for t, s in zip(times, shares, strict=True))
    variance = sum((t - mean_t) ** 2 for t in times)
    return covariance / variance


def forecast_year(series: Sequence[Point], target: Callable[[int], float],
                  horizon: int = HORIZON) -> int | None:
    """The first year the share reaches the target at the current pace, or None.

    A series whose latest point already meets the target forecasts the latest point's year.
    A flat or falling series that is below target never gets a year, nor one that would
    need longer than `horizon`. The target may change from year to year.
    """
    if not series:
        return None
    latest_t, latest_s = max(series, key=lambda p: p[0])
    latest_year = int(latest_t)
    if reaches(latest_s, target(latest_year)):
        return latest_year
    rate = slope(series)
    if rate is None or rate <= 0:
        return None
    for year in range(latest_year + 1, horizon + 1):
        if reaches(latest_s + rate * (year - latest_t), target(year)):
            return year
    return None


def years_to_reach(share: float, rate: float | None, goal: float) -> int | None:
    """Whole years until a constant goal is reached at a constant rate; 0 when already there."""
    if reaches(share, goal):
        return 0
    if rate is None or rate <= 0:
        return None
    years = ceil((goal - share) / rate)
    # The division can round up past a whole number (10 / 3.333333333333333 is 3.0000000000000004).
    return years - 1 if years > 1 and reaches(share + rate * (years - 1), goal) else years
