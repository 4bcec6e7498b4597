"""Target trajectories (escalating, anchored) and status against a target."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from criticalmass.lib.targets import PARITY, Anchor, Provenance, Status, anchored, escalating, status

years = st.integers(min_value=1990, max_value=2100)
# Policy values are stored with two decimals (DecimalField(decimal_places=2)) and read as floats.
percents = st.integers(min_value=0, max_value=10_000).map(lambda hundredths: hundredths / 100)


@st.composite
def escalating_policies(draw: st.DrawFn) -> dict[str, float | int]:
    floor = draw(percents.filter(lambda value: value <= PARITY))
    return {
        "start_year": draw(years),
        "floor": floor,
        "step": draw(st.integers(min_value=0, max_value=2_000).map(lambda hundredths: hundredths / 100)),
        "cap": draw(percents.filter(lambda value: value >= floor)),
    }


anchor_lists = st.lists(
    st.builds(Anchor, years, percents), min_size=1, max_size=6, unique_by=lambda anchor: anchor.year
)


# Escalating


def test_it_starts_at_the_floor_and_rises_by_the_step_until_parity():
    values = [escalating(year, start_year=2025).value for year in range(2023, 2031)]
    assert values == [30.0, 30.0, 30.0, 35.0, 40.0, 45.0, 50.0, 50.0]


def test_it_labels_escalating_targets_as_the_rule():
    target = escalating(2027, start_year=2025)
    assert (target.year, target.provenance) == (2027, Provenance.RULE)


def test_it_accepts_a_floor_equal_to_the_cap_and_a_zero_step():
    assert escalating(2040, start_year=2025, floor=50, step=0).value == 50.0


@pytest.mark.parametrize(
    ("floor", "step", "cap"), [(-1, 5, 50), (60, 5, 50), (30, -1, 50), (30, 5, 101)]
)
def test_it_refuses_an_impossible_escalating_policy(floor, step, cap):
    with pytest.raises(ValueError, match="floor <= cap"):
        escalating(2030, start_year=2025, floor=floor, step=step, cap=cap)


@given(policy=escalating_policies(), year=years)
def test_it_never_lowers_an_escalating_target_from_one_year_to_the_next(policy, year):
    assert escalating(year + 1, **policy).value >= escalating(year, **policy).value


@given(policy=escalating_policies(), year=years)
def test_it_keeps_an_escalating_target_between_floor_and_cap(policy, year):
    assert policy["floor"] <= escalating(year, **policy).value <= policy["cap"]


@given(policy=escalating_policies(), year=years)
def test_it_never_asks_more_than_parity_under_the_default_cap(policy, year):
    policy = {**policy, "cap": PARITY}
    assert escalating(year, **policy).value <= PARITY


# Anchored


UGPS_TROOPS = [Anchor(2021, 8.0), Anchor(2028, 15.0)]


def test_it_gives_no_anchored_target_without_anchors():
    assert anchored(2025, []) is None


def test_it_interpolates_the_troops_target_year_by_year():
    values = [anchored(year, UGPS_TROOPS).value for year in range(2021, 2029)]
    assert values == pytest.approx([8, 9, 10, 11, 12, 13, 14, 15])


def test_it_interpolates_a_third_of_the_way_between_anchors():
    target = anchored(2024, [Anchor(2022, 12.0), Anchor(2028, 20.0)])
    assert target.value == pytest.approx(12 + 8 * 2 / 6)
    assert target.provenance == Provenance.INTERPOLATED
    assert target.provenance == "linear interpolation"


def test_it_reads_anchors_in_any_order():
    assert anchored(2025, list(reversed(UGPS_TROOPS))) == anchored(2025, UGPS_TROOPS)


def test_it_holds_the_nearest_anchor_before_the_first_and_after_the_last():
    before, after = anchored(2018, UGPS_TROOPS), anchored(2035, UGPS_TROOPS)
    assert (before.value, before.provenance) == (8.0, Provenance.HELD)
    assert (after.value, after.provenance) == (15.0, Provenance.HELD)
    assert after.provenance == "held from nearest official value"


@given(anchors=anchor_lists, data=st.data())
def test_it_returns_official_values_at_anchor_years(anchors, data):
    anchor = data.draw(st.sampled_from(anchors))
    target = anchored(anchor.year, anchors)
    assert (target.year, target.value, target.provenance) == (anchor.year, anchor.value, Provenance.OFFICIAL)


@given(anchors=anchor_lists.filter(lambda found: len(found) >= 2), data=st.data())
def test_it_interpolates_strictly_between_neighbouring_anchors(anchors, data):
    points = sorted(anchors, key=lambda anchor: anchor.year)
    index = data.draw(st.integers(min_value=0, max_value=len(points) - 2))
    before, after = points[index], points[index + 1]
    assume(after.year - before.year >= 2)
    year = data.draw(st.integers(min_value=before.year + 1, max_value=after.year - 1))
    target = anchored(year, anchors)
    assert target.provenance == Provenance.INTERPOLATED
    low, high = sorted([before.value, after.value])
    if low == high:
        assert target.value == low
    else:
        assert low < target.value < high


@given(anchors=anchor_lists, data=st.data())
def test_it_holds_the_nearest_official_value_outside_the_anchors(anchors, data):
    first = min(anchors, key=lambda anchor: anchor.year)
    last = max(anchors, key=lambda anchor: anchor.year)
    early = data.draw(st.integers(min_value=1900, max_value=first.year - 1))
    late = data.draw(st.integers(min_value=last.year + 1, max_value=2200))
    assert anchored(early, anchors).value == first.value
    assert anchored(late, anchors).value == last.value
    assert anchored(early, anchors).provenance == anchored(late, anchors).provenance == Provenance.HELD


@given(anchors=anchor_lists, year=st.integers(min_value=1900, max_value=2200))
def test_it_keeps_an_anchored_target_within_the_range_of_its_anchors(anchors, year):
    values = [anchor.value for anchor in anchors]
    assert min(values) <= anchored(year, anchors).value <= max(values)


# Status


def test_it_calls_a_share_exactly_at_target_met():
    assert status(30.0, 30.0, close_within=5) == Status.MET


def test_it_calls_a_share_above_target_met():
    assert status(42.0, 30.0, close_within=5) == Status.MET


def test_it_calls_a_share_exactly_close_within_below_target_close():
    assert status(25.0, 30.0, close_within=5) == Status.CLOSE


def test_it_calls_a_share_just_further_below_off_track():
    assert status(24.99, 30.0, close_within=5) == Status.OFF_TRACK


def test_it_calls_a_share_just_below_target_close():
    assert status(29.99, 30.0, close_within=5) == Status.CLOSE


def test_it_calls_a_missing_share_unknown():
    assert status(None, 30.0, close_within=5) == Status.UNKNOWN


def test_it_is_never_close_when_close_within_is_zero():
    assert status(29.99, 30.0, close_within=0) == Status.OFF_TRACK


def test_it_is_not_fooled_by_float_rounding_at_the_close_boundary():
    # 30 - 29.9 is 0.10000000000000142 in binary floats; 299 women of 1,000 is 0.1 points below.
    assert status(100 * 299 / 1000, 30.0, close_within=0.1) == Status.CLOSE


@given(target=percents, close_within=percents)
def test_it_calls_exactly_target_met_and_exactly_close_within_below_close(target, close_within):
    assert status(target, target, close_within) == Status.MET
    assume(close_within > 0)
    assert status(target - close_within, target, close_within) == Status.CLOSE


@given(share=percents, target=percents, close_within=percents)
def test_it_orders_statuses_by_the_gap(share, target, close_within):
    gap = target - share
    expected = Status.MET if gap <= 0 else Status.CLOSE if gap <= close_within else Status.OFF_TRACK
    # Away from the boundaries the plain comparison and the rounding-tolerant one agree.
    assume(abs(gap) > 1e-6 and abs(gap - close_within) > 1e-6)
    assert status(share, target, close_within) == expected
