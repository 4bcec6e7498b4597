"""The scorecard rubric (lib/scorecard.py) against cases computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from criticalmass.lib.scorecard import Criterion, score, share

RUBRIC = [
    Criterion("allocated-budget", "An allocated budget", Decimal(2)),
    Criterion("indicators-with-targets", "Indicators with targets", Decimal(1)),
    Criterion("time-bound-actions", "Time-bound actions", Decimal(1)),
    Criterion("monitoring-framework", "Monitoring", Decimal(1)),
    Criterion("civil-society", "Civil society", Decimal(1)),
    Criterion("actions-on-track", "Actions on track", Decimal(1)),
]


def test_it_gives_full_marks_when_every_criterion_is_met():
    result = score(RUBRIC, dict.fromkeys([c.slug for c in RUBRIC], True))
    assert (result.points, result.out_of, result.percent, result.unknown) == (7, 7, Decimal("100.0"), ())


def test_it_weighs_the_budget_twice():
    # budget (2) + monitoring (1) + 3 of 4 actions on track (0.75) = 3.75 of 7 = 53.571... -> 53.6%
    answers = {"allocated-budget": True, "indicators-with-targets": False, "time-bound-actions": False,
               "monitoring-framework": True, "civil-society": False, "actions-on-track": share(3, 4)}
    result = score(RUBRIC, answers)
    assert result.points == Decimal("3.75")
    assert result.percent == Decimal("53.6")
    assert result.unknown == ()


def test_it_scores_unknown_answers_zero_and_lists_them():
    # indicators (1) + time-bound (1) = 2 of 7 = 28.571... -> 28.6%; budget and the rest unknown
    answers = {"allocated-budget": None, "indicators-with-targets": True, "time-bound-actions": True}
    result = score(RUBRIC, answers)
    assert result.percent == Decimal("28.6")
    assert result.unknown == ("allocated-budget", "monitoring-framework", "civil-society", "actions-on-track")


def test_it_rounds_half_up_to_one_decimal():
    rubric = [Criterion("a", "A", Decimal(8)), Criterion("b", "B", Decimal(1))]
    # a met, b half: 8.5 of 9 = 94.444...% ; with a met alone: 8 of 9 = 88.888...% -> 88.9
    assert score(rubric, {"a": True, "b": 0.5}).percent == Decimal("94.4")
    assert score(rubric, {"a": True, "b": False}).percent == Decimal("88.9")
    assert score([Criterion("a", "A", Decimal(8))], {"a": Decimal("0.00125")}).percent == Decimal("0.1")


def test_it_has_no_percentage_without_weights():
    assert score([], {}).percent is None
    assert score([Criterion("a", "A", Decimal(0))], {"a": True}).percent is None


def test_it_counts_no_actions_as_unknown_not_as_none_on_track():
    assert share(0, 0) is None
    assert share(0, 3) == 0
    with pytest.raises(ValueError):
        share(4, 3)


def test_it_refuses_answers_outside_zero_to_one_and_negative_weights():
    with pytest.raises(ValueError, match="between 0 and 1"):
        score(RUBRIC, {"allocated-budget": 2})
    with pytest.raises(ValueError, match="negative"):
        score([Criterion("a", "A", Decimal(-1))], {})
