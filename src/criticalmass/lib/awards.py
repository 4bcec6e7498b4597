"""Distinguished Partner Awards: a nominee's score from the jury's marks, and who leads a category.

Each juror marks each criterion; a criterion's mark is the mean of the jurors who marked it, and the
nominee's score the weighted mean of the criteria marked (weights as the round sets them). Computed
with fractions, rounded once at the end, so the order the marks come in never changes the result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypeVar

CENT = Decimal("0.01")
K = TypeVar("K", bound=Hashable)


def to_decimal(value: Fraction) -> Decimal:
    """A fraction as a Decimal rounded half up to hundredths."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def score(marks: Iterable[tuple[Hashable, K, Decimal]], weights: Mapping[K, Decimal]) -> Decimal | None:
    """The weighted score of (juror, criterion, mark) triples; None when no weighted criterion is marked.

    A juror marking a criterion twice counts once (the last mark given for it is kept by the caller)."""
    by_criterion: dict[K, list[Fraction]] = defaultdict(list)
    for _juror, criterion, mark in marks:
        if weights.get(criterion, Decimal(0)) > 0:
            by_criterion[criterion].append(Fraction(mark))
    if not by_criterion:
        return None
    weighted = sum((Fraction(weights[c]) * sum(m) / len(m) for c, m in by_criterion.items()), Fraction(0))
    total_weight = sum((Fraction(weights[c]) for c in by_criterion), Fraction(0))
    return to_decimal(weighted / total_weight)


def leaders(scores: Mapping[K, Decimal | None]) -> list[K]:
    """The nominees with the highest score (several when tied); none when nobody is scored."""
    scored = {key: value for key, value in scores.items() if value is not None}
    if not scored:
        return []
    best = max(scored.values())
    return [key for key, value in scored.items() if value == best]
