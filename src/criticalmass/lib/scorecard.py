"""Scoring a plan on a weighted rubric. Plain Python; the rubric itself is data the secretariat edits.

Each criterion has a weight and an answer between 0 and 1 (1 met, 0 not met, a fraction for a share
such as the actions on track). An unknown answer scores 0 and is listed as unknown, so a plan is never
rewarded for what nobody has checked. The score is the weighted sum over the sum of all weights, in %.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Criterion:
    slug: str
    label: str
    weight: Decimal


@dataclass(frozen=True)
class Score:
    points: Decimal  # sum of weight x answer
    out_of: Decimal  # sum of weights
    percent: Decimal | None  # one decimal; None when the rubric has no weight at all
    unknown: tuple[str, ...]  # slugs of criteria whose answer is unknown


def answer(value: bool | float | Decimal | None) -> Decimal | None:
    """A criterion's answer as a number between 0 and 1; None stays unknown."""
    if value is None:
        return None
    number = Decimal(int(value)) if isinstance(value, bool) else Decimal(str(value))
    if not Decimal(0) <= number <= Decimal(1):
        raise ValueError(f"an answer is between 0 and 1, not {value}")
    return number


def share(part: int, whole: int) -> Decimal | None:
    """part / whole as an answer; None (unknown) when there is nothing to count."""
    if whole <= 0:
        return None
    if not 0 <= part <= whole:
        raise ValueError(f"{part} of {whole} is not a share")
    return Decimal(part) / Decimal(whole)


def score(criteria: Sequence[Criterion], answers: Mapping[str, bool | float | Decimal | None]) -> Score:
    if any(c.weight < 0 for c in criteria):
        raise ValueError("weights cannot be negative")
    points, out_of, unknown = Decimal(0), Decimal(0), []
    for criterion in criteria:
        value = answer(answers.get(criterion.slug))
        out_of += criterion.weight
        if value is None:
            unknown.append(criterion.slug)
        else:
            points += criterion.weight * value
    percent = None
    if out_of:
        percent = (Decimal(100) * points / out_of).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Score(points, out_of, percent, tuple(unknown))
