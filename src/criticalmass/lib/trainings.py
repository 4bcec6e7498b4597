"""Trainings' figures without Django: questionnaire results, participation shares and the cascade.

Every public figure here is built from counts, and none is shown from fewer than MIN_COUNT answers or
people: a figure from 3 answers could name the 3 people who gave them. Suppressed figures are None,
and the page says "fewer than 5" instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MIN_COUNT = 5  # no figure from fewer answers (or people) than this
SCALE = (1, 2, 3, 4, 5)  # the questionnaire's answer scale: 1 strongly disagree ... 5 strongly agree


@dataclass(frozen=True)
class ScaleResult:
    """The answers to one item in one phase: how many, and their mean when there are enough."""

    answers: int
    mean: float | None  # None: fewer than MIN_COUNT answers (suppressed), or none

    @property
    def suppressed(self) -> bool:
        return self.mean is None


def scale_result(counts: Sequence[int]) -> ScaleResult:
    """`counts[i]` answers gave SCALE[i]. The mean is rounded to two decimals, suppressed below MIN_COUNT."""
    if len(counts) != len(SCALE) or any(c < 0 for c in counts):
        raise ValueError(f"expected {len(SCALE)} counts of 0 or more, got {list(counts)}")
    answers = sum(counts)
    if answers < MIN_COUNT:
        return ScaleResult(answers, None)
    total = sum(score * count for score, count in zip(SCALE, counts, strict=True))
    return ScaleResult(answers, round(total / answers, 2))


def change(pre: ScaleResult, post: ScaleResult) -> float | None:
    """The post mean minus the pre mean; None when either is suppressed."""
    if pre.mean is None or post.mean is None:
        return None
    return round(post.mean - pre.mean, 2) + 0.0


def shown_count(count: int) -> int | None:
    """A count as published: None (shown as "fewer than 5") below MIN_COUNT, except a true zero."""
    return count if count == 0 or count >= MIN_COUNT else None


def women_share(women: int, men: int) -> float | None:
    """Women among women and men (%), one decimal; None when fewer than MIN_COUNT people are counted,
    or when either count is itself not shown (beside the other, the share would give it away)."""
    counted = women + men
    if counted < MIN_COUNT or shown_count(women) is None or shown_count(men) is None:
        return None
    return round(100 * women / counted, 1) + 0.0


@dataclass(frozen=True)
class Reach:
    """People a trainer reports having trained since the training, where and in which language."""

    country: str
    language: str
    people: int


def cascade(reports: Iterable[Reach]) -> list[tuple[str, str, int | None]]:
    """People reached through trainers, summed by (country, language), sorted by country then language;
    each sum below MIN_COUNT is suppressed (None). The same reports in any order give the same rows."""
    totals: dict[tuple[str, str], int] = {}
    for report in reports:
        if report.people < 0:
            raise ValueError(f"a trainer cannot have trained {report.people} people")
        key = (report.country, report.language)
        totals[key] = totals.get(key, 0) + report.people
    return [(country, language, shown_count(people)) for (country, language), people in sorted(totals.items())
            if people > 0]
