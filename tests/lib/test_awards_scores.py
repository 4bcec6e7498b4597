"""Award scores: weighted means of the jury's marks, the same whatever the order they come in."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib import awards

marks = st.lists(st.tuples(st.integers(1, 5), st.sampled_from("abc"),
                           st.decimals(min_value=0, max_value=10, places=2)), max_size=30)
WEIGHTS = {"a": Decimal("3"), "b": Decimal("1.5"), "c": Decimal("0")}


def test_it_weighs_each_criterion_mean_by_its_weight():
    given_marks = [(1, "a", Decimal(8)), (2, "a", Decimal(6)), (1, "b", Decimal(10))]
    # a: mean 7 weighted 3; b: 10 weighted 1.5 -> (21 + 15) / 4.5 = 8
    assert awards.score(given_marks, WEIGHTS) == Decimal("8.00")


def test_it_gives_no_score_without_a_weighted_mark():
    assert awards.score([(1, "c", Decimal(9))], WEIGHTS) is None
    assert awards.score([], WEIGHTS) is None


@given(marks, st.randoms(use_true_random=False))
def test_it_scores_the_same_whatever_the_order_of_the_marks(given_marks, random):
    shuffled = list(given_marks)
    random.shuffle(shuffled)
    assert awards.score(given_marks, WEIGHTS) == awards.score(shuffled, WEIGHTS)


@given(marks)
def test_it_keeps_every_score_within_the_marks_range(given_marks):
    found = awards.score(given_marks, WEIGHTS)
    assert found is None or Decimal(0) <= found <= Decimal(10)


def test_it_names_every_nominee_tied_at_the_top():
    scores = {"x": Decimal(7), "y": Decimal(7), "z": Decimal(3), "w": None}
    assert sorted(awards.leaders(scores)) == ["x", "y"]
    assert awards.leaders({"w": None}) == []
