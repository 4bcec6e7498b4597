"""Target trajectories and status. Plain Python: no Django here.

Percentages are floats in 0..100. A trajectory maps a year to a target value and says where
the value comes from: an official anchor, a linear interpolation between anchors, a value held
from the nearest anchor, or an escalating rule.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

PARITY = 50.0
# Shares (100 * women / total) and targets (decimals read as floats) carry binary rounding:
# 30 - 29.9 is 0.10000000000000142, not 0.1. A difference this small is rounding, not a gap.
TOLERANCE = 1e-9


class Provenance(StrEnum):
    RULE = "rule"
    OFFICIAL = "official"
    INTERPOLATED = "linear interpolation"
    HELD = "held from nearest official value"


class Status(StrEnum):
    MET = "met"
    CLOSE = "close"
    OFF_TRACK = "off track"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Target:
    year: int
    value: float
    provenance: Provenance


@dataclass(frozen=True)
class Anchor:
    year: int
    value: float


def escalating(year: int, start_year: int, floor: float = 30.0, step: float = 5.0,
               cap: float = PARITY) -> Target:
    """The coalition's demand: `floor` from `start_year`, `step` points more each year, up to `cap`.

    Before the start year the floor applies: the demand is never below it.
    """
    if not 0 <= floor <= cap <= 100 or step < 0:
        raise ValueError("need 0 <= floor <= cap <= 100 and a step that is not negative")
    value = floor + step * max(0, year - start_year)
    return Target(year, min(value, cap), Provenance.RULE)


def anchored(year: int, anchors: Sequence[Anchor]) -> Target | None:
    """Official values where known; linear interpolation between two anchors; held outside them."""
    if not anchors:
        return None
    points = sorted(anchors, key=lambda a: a.year)
    for anchor in points:
        if anchor.year == year:
            return Target(year, anchor.value, Provenance.OFFICIAL)
    if year < points[0].year:
        return Target(year, points[0].value, Provenance.HELD)
    if year > points[-1].year:
        return Target(year, points[-1].value, Provenance.HELD)
    before = max((a for a in points if a.year < year), key=lambda a: a.year)
    after = min((a for a in points if a.year > year), key=lambda a: a.year)
    fraction = (year - before.year) / (after.year - before.year)
    return Target(year, before.value + fraction * (after.value - before.value), Provenance.INTERPOLATED)


def reaches(share: float, goal: float) -> bool:
    """Whether `share` is at or above `goal`, ignoring float rounding."""
    return share >= goal - TOLERANCE


def meets_floor(women: int | None, total: int | None, floor: float | Decimal) -> bool | None:
    """Whether `women` are at least `floor` percent of `total`; None when women or total are not known.

    The one "meets the floor" test: compared in whole numbers (women x 10,000 >= total x floor in
    hundredths of a point), as parity.queries.floor_overview does in SQL, so no rounding decides a tie.
    """
    if women is None or not total:
        return None
    return women * 10000 >= total * hundredths(floor)


@functools.lru_cache(maxsize=64)
def hundredths(floor: float | Decimal) -> int:
    """A floor in hundredths of a percentage point (30 -> 3000), as the whole-number test compares it."""
    return int(Decimal(str(floor)) * 100)


def status(share: float | None, target: float, close_within: float) -> Status:
    """Met at or above target; close when no more than `close_within` points below; else off track."""
    if share is None:
        return Status.UNKNOWN
    if reaches(share, target):
        return Status.MET
    if reaches(share + close_within, target):
        return Status.CLOSE
    return Status.OFF_TRACK
