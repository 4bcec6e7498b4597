from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib import trainings as maths

counts = st.lists(st.integers(min_value=0, max_value=40), min_size=5, max_size=5)
reaches = st.lists(st.builds(maths.Reach, st.sampled_from(["Ghana", "Kenya"]),
                             st.sampled_from(["Twi", "English"]),
                             st.integers(min_value=0, max_value=30)), max_size=12)


@given(counts)
def test_it_shows_no_mean_from_fewer_than_five_answers(tallied):
    result = maths.scale_result(tallied)
    assert result.answers == sum(tallied)
    assert (result.mean is None) == (sum(tallied) < maths.MIN_COUNT)


@given(counts)
def test_it_keeps_each_mean_on_the_scale(tallied):
    mean = maths.scale_result(tallied).mean
    assert mean is None or 1 <= mean <= 5


@given(counts, counts)
def test_it_shows_no_change_unless_both_phases_have_five_answers(pre, post):
    change = maths.change(maths.scale_result(pre), maths.scale_result(post))
    assert (change is None) == (sum(pre) < 5 or sum(post) < 5)


@given(reaches, st.randoms())
def test_it_gives_the_same_cascade_whatever_the_order_of_the_reports(found, random):
    shuffled = list(found)
    random.shuffle(shuffled)
    assert maths.cascade(shuffled) == maths.cascade(found)


@given(reaches)
def test_it_publishes_no_cascade_figure_below_five_people(found):
    for country, language, people in maths.cascade(found):
        total = sum(r.people for r in found if (r.country, r.language) == (country, language))
        assert people == (total if total >= 5 else None)


@given(st.integers(0, 20), st.integers(0, 20))
def test_it_shows_no_womens_share_that_would_give_away_a_count_not_shown(women, men):
    share = maths.women_share(women, men)
    hidden = maths.shown_count(women) is None or maths.shown_count(men) is None
    assert (share is None) == (women + men < 5 or hidden)


def test_it_refuses_a_wrong_number_of_counts_or_a_negative_one():
    with pytest.raises(ValueError, match="expected 5 counts"):
        maths.scale_result([1, 2, 3])
    with pytest.raises(ValueError, match="expected 5 counts"):
        maths.scale_result([1, 2, 3, 4, -1])
    with pytest.raises(ValueError, match="cannot have trained -1"):
        maths.cascade([maths.Reach("Ghana", "Twi", -1)])


def test_it_computes_the_mean_of_the_answers():
    assert maths.scale_result([0, 0, 2, 4, 3]).mean == pytest.approx(4.11)
    assert maths.change(maths.scale_result([3, 4, 2, 0, 0]), maths.scale_result([0, 0, 2, 4, 3])) == 2.22
