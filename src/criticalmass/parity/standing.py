"""Where a series stands against a target policy: target, status, trend and forecasts (parity figures).

Glue between the stored policies and the plain maths in criticalmass.lib.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from criticalmass.lib import targets, trend
from criticalmass.parity.models import Category, TargetPolicy

TargetFn = Callable[[int], "targets.Target | None"]
T = TypeVar("T")


@dataclass(frozen=True)
class SeriesPoint:
    date: dt.date
    women: int
    total: int

    @property
    def share(self) -> float | None:
        return 100.0 * self.women / self.total if self.total else None


@dataclass(frozen=True)
class Summary:
    latest: SeriesPoint | None
    target: targets.Target | None
    status: targets.Status
    slope: float | None
    forecast_target: int | None
    forecast_parity: int | None
    since: dt.date | None = None  # the first month of the series: the pace is measured from it
    no_target: str | None = None  # why there is no target, when the policy says why ("starts in 2018")

    @property
    def latest_share(self) -> float | None:
        return self.latest.share if self.latest else None

    @property
    def gap(self) -> float | None:
        share = self.latest_share
        if share is None or self.target is None:
            return None
        return self.target.value - share


def target_function(policy: TargetPolicy, role: str) -> TargetFn:
    """Year -> target for `role` under `policy` (None where an anchored policy has no value).

    An anchored policy (an official strategy) sets no target before its start year: a month of 2014
    is not judged against the UN strategy of 2018-2028. The escalating policy is the coalition's
    demand, whose floor applies before its start year too (lib.targets.escalating).
    """
    if policy.kind == TargetPolicy.Kind.ESCALATING:
        floor, step, cap = float(policy.floor), float(policy.step), float(policy.cap)
        return lambda year: targets.escalating(year, policy.start_year, floor, step, cap)
    anchors = [targets.Anchor(a.year, float(a.value)) for a in policy.anchors.all() if a.role == role]
    return lambda year: targets.anchored(year, anchors) if year >= policy.start_year else None


def no_target_reason(policy: TargetPolicy, year: int) -> str | None:
    """Why `policy` sets no target in `year`, when the reason is its start: "the policy starts in 2018"."""
    if policy.kind == TargetPolicy.Kind.ANCHORED and year < policy.start_year:
        return f"the policy starts in {policy.start_year}"
    return None


def points(series: Sequence[SeriesPoint]) -> list[trend.Point]:
    return [(trend.year_fraction(p.date), s) for p in series if (s := p.share) is not None]


def summarize(series: Sequence[SeriesPoint], policy: TargetPolicy, role: str = Category.TOTAL) -> Summary:
    target_of = target_function(policy, role)
    latest = max(series, key=lambda p: p.date) if series else None
    since = min(p.date for p in series) if series else None
    target = target_of(latest.date.year) if latest else None
    share = latest.share if latest else None
    pts = points(series)

    def target_value(year: int) -> float:
        found = target_of(year)
        return found.value if found else float("inf")

    return Summary(
        latest=latest,
        target=target,
        status=targets.status(share, target.value, float(policy.close_within))
        if target else targets.Status.UNKNOWN,
        slope=trend.slope(pts),
        forecast_target=trend.forecast_year(pts, target_value) if target else None,
        forecast_parity=trend.forecast_year(pts, lambda _year: targets.PARITY),
        since=since,
        no_target=no_target_reason(policy, latest.date.year) if latest and not target else None,
    )


def rank_by_gap(summaries: Iterable[tuple[T, Summary]]) -> list[tuple[T, Summary]]:
    """Biggest gap to target first; those without a gap (no data, no target) last. Ties keep their order."""
    def key(item: tuple[T, Summary]) -> tuple[bool, float]:
        gap = item[1].gap
        return (gap is None, -gap if gap is not None else 0.0)

    return sorted(summaries, key=key)


def trajectory(policy: TargetPolicy, role: str, years: Iterable[int]) -> list[targets.Target]:
    """The policy's target for `role` in each year that has one, labelled with its provenance."""
    target_of = target_function(policy, role)
    return [found for year in years if (found := target_of(year)) is not None]


def policy_roles(policy: TargetPolicy, roles: Sequence[str]) -> list[str]:
    """The roles (of `roles`, in that order) a policy sets a target for: all of them if it escalates."""
    if policy.kind == TargetPolicy.Kind.ESCALATING:
        return list(roles)
    anchored = {anchor.role for anchor in policy.anchors.all()}
    return [role for role in roles if role in anchored]
