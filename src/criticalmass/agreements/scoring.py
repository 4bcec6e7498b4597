"""A mandate's score from its reviewers' ratings and the rubric's weights. Plain Python.

Provided counts 1, partly provided 0.5, absent 0. The score is the weighted mean over the items rated,
as a percentage; items not rated yet are left out and counted, so a page can say "5 of 9 rated".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

POINTS = {"yes": 1.0, "partial": 0.5, "no": 0.0}


@dataclass(frozen=True)
class Rated:
    category: str
    weight: int
    rating: str | None  # None: not rated yet


@dataclass(frozen=True)
class Score:
    value: float | None  # None: nothing rated
    rated: int
    items: int
    parts: dict[str, float | None]  # by category, in the order first seen


def weighted(ratings: list[Rated]) -> float | None:
    rated = [r for r in ratings if r.rating is not None]
    total = sum(r.weight for r in rated)
    if not total:
        return None
    return 100.0 * sum(r.weight * POINTS[r.rating] for r in rated if r.rating) / total


def score(ratings: Iterable[Rated]) -> Score:
    found = list(ratings)
    by_category: dict[str, list[Rated]] = {}
    for rated in found:
        by_category.setdefault(rated.category, []).append(rated)
    return Score(value=weighted(found), rated=sum(r.rating is not None for r in found), items=len(found),
                 parts={category: weighted(rs) for category, rs in by_category.items()})
