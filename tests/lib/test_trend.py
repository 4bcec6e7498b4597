"""Trend (least-squares slope), forecast year and years to reach a goal."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from criticalmass.lib.targets import escalating
from criticalmass.lib.trend import HORIZON, forecast_year, slope, year_fraction, years_to_reach

times = st.integers(min_value=200_000, max_value=203_000).map(lambda hundredths: hundredths / 100)
whole_years = st.integers(min_value=2000, max_value=2030).map(float)
shares = st.integers(min_value=0, max_value=10_000).map(lambda hundredths: hundredths / 100)
series_of = st.lists(st.tuples(times, shares), min_size=1, max_size=12)


def latest(series):
    return max(series, key=lambda point: point[0])


def constant(value):
    return lambda _year: value


def coalition_target(year):
    """The seeded escalating policy: 30% from 2025, 5 points more each year, up to 50%."""
    return escalating(year, start_year=2025).value


# Year fraction


def test_it_puts_new_year_at_the_whole_year():
    assert year_fraction(dt.date(2013, 1, 1)) == 2013.0


def test_it_puts_a_day_at_its_share_of_the_year():
    assert year_fraction(dt.date(2013, 7, 2)) == pytest.approx(2013 + 182 / 365)


def test_it_counts_leap_years_with_366_days():
    assert year_fraction(dt.date(2020, 12, 31)) == pytest.approx(2020 + 365 / 366)


@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_it_keeps_a_year_fraction_within_its_year(day):
    assert day.year <= year_fraction(day) < day.year + 1


# Slope


def test_it_gives_the_least_squares_slope_of_three_yearly_points():
    # mean t 2001, mean s 13; covariance (-1)(-3) + 0 + (1)(4) = 7; variance 2; slope 3.5.
    assert slope([(2000.0, 10.0), (2001.0, 12.0), (2002.0, 17.0)]) == pytest.approx(3.5)


def test_it_gives_the_least_squares_slope_of_fractional_years():
    # Times 0, 1/2, 2 after 2010: mean 5/6; covariance 33/6; variance 13/6; slope 33/13.
    assert slope([(2010.0, 20.0), (2010.5, 21.0), (2012.0, 25.0)]) == pytest.approx(33 / 13)


def test_it_fits_repeated_times_too():
    # mean t 2010 1/3, mean s 20; covariance 10/3 + 0 + 20/3 = 10; variance 2/3; slope 15.
    assert slope([(2010.0, 10.0), (2010.0, 20.0), (2011.0, 30.0)]) == pytest.approx(15.0)


def test_it_gives_a_negative_slope_to_a_falling_series():
    assert slope([(2010.0, 30.0), (2012.0, 26.0)]) == pytest.approx(-2.0)


@pytest.mark.parametrize(
    "series", [[], [(2010.0, 5.0)], [(2010.0, 5.0), (2010.0, 9.0)]], ids=["empty", "one", "one time"]
)
def test_it_gives_no_slope_without_two_distinct_times(series):
    assert slope(series) is None


@given(series=series_of, share=shares)
def test_it_gives_a_flat_series_exactly_zero_slope(series, share):
    flat = [(time, share) for time, _ in series]
    assume(len({time for time, _ in flat}) >= 2)
    assert slope(flat) == 0.0


@given(
    series_times=st.lists(times, min_size=2, max_size=12, unique=True),
    intercept=shares,
    rate=st.integers(min_value=-500, max_value=500).map(lambda hundredths: hundredths / 100),
)
def test_it_recovers_the_slope_of_points_on_a_line(series_times, intercept, rate):
    line = [(time, intercept + rate * (time - 2000)) for time in series_times]
    assert slope(line) == pytest.approx(rate, abs=1e-6)


@given(series=series_of, shift=shares)
def test_it_gives_the_same_slope_to_a_series_shifted_up(series, shift):
    assume(len({time for time, _ in series}) >= 2)
    shifted = [(time, share + shift) for time, share in series]
    assert slope(shifted) == pytest.approx(slope(series), abs=1e-6)


# Forecast


def test_it_forecasts_nothing_for_an_empty_series():
    assert forecast_year([], constant(30.0)) is None


def test_it_forecasts_the_latest_year_when_already_at_target():
    assert forecast_year([(2018.5, 20.0), (2020.25, 30.0)], constant(30.0)) == 2020


def test_it_forecasts_the_latest_year_when_above_target_even_if_falling():
    assert forecast_year([(2018.0, 40.0), (2020.75, 35.0)], constant(30.0)) == 2020


def test_it_forecasts_nothing_for_a_flat_series_below_target():
    assert forecast_year([(2018.0, 20.0), (2019.0, 20.0), (2020.0, 20.0)], constant(30.0)) is None


def test_it_forecasts_nothing_for_a_falling_series_below_target():
    assert forecast_year([(2018.0, 25.0), (2020.0, 20.0)], constant(30.0)) is None


def test_it_forecasts_nothing_from_a_single_point_below_target():
    assert forecast_year([(2020.0, 20.0)], constant(30.0)) is None


def test_it_forecasts_the_first_year_a_rising_series_reaches_the_target():
    # Slope 2 a year from 24 in 2020: 26 in 2021, 28 in 2022, 30 in 2023.
    series = [(2018.0, 20.0), (2019.0, 22.0), (2020.0, 24.0)]
    assert forecast_year(series, constant(29.0)) == 2023
    assert forecast_year(series, constant(30.0)) == 2023
    assert forecast_year(series, constant(30.5)) == 2024


def test_it_projects_from_a_latest_point_part_way_through_a_year():
    # Slope 3 from 23 at mid-2020: 24.5 at the start of 2021, 27.5 in 2022, 30.5 in 2023.
    assert forecast_year([(2019.5, 20.0), (2020.5, 23.0)], constant(30.0)) == 2023


def test_it_forecasts_against_a_target_that_rises_each_year():
    # Slope 3.25 from 26.5 in 2024 against 30% in 2025 rising 5 points a year to 50%:
    # 2025 29.75 < 30, 2026 33 < 35, 2027 36.25 < 40, 2028 39.5 < 45, 2029 42.75 < 50,
    # 2030 46 < 50, 2031 49.25 < 50, 2032 52.5 >= 50.
    series = [(2022.0, 20.0), (2024.0, 26.5)]
    assert forecast_year(series, coalition_target) == 2032
    assert forecast_year(series, constant(30.0)) == 2026


def test_it_forecasts_nothing_beyond_the_horizon():
    series = [(2019.0, 20.0), (2020.0, 20.1)]
    assert forecast_year(series, constant(50.0)) is None
    assert forecast_year(series, constant(20.5), horizon=2023) is None
    assert forecast_year(series, constant(20.5), horizon=2024) == 2024


def test_it_forecasts_nothing_against_a_target_that_does_not_exist():
    assert forecast_year([(2019.0, 20.0), (2020.0, 30.0)], constant(float("inf"))) is None


@given(series=series_of, margin=shares)
def test_it_forecasts_its_own_year_for_a_series_already_at_target(series, margin):
    latest_time, latest_share = latest(series)
    target = max(0.0, latest_share - margin)
    assert forecast_year(series, constant(target)) == int(latest_time)


@given(
    series_times=st.lists(times, min_size=1, max_size=12, unique=True),
    series_shares=st.lists(shares, min_size=12, max_size=12),
    above=st.integers(min_value=1, max_value=5_000).map(lambda hundredths: hundredths / 100),
)
def test_it_never_forecasts_a_year_for_a_flat_or_falling_series_below_target(
    series_times, series_shares, above
):
    falling = list(zip(sorted(series_times), sorted(series_shares, reverse=True), strict=False))
    latest_share = latest(falling)[1]
    assert forecast_year(falling, constant(latest_share + above)) is None
    if latest_share < 30:
        assert forecast_year(falling, coalition_target) is None


@given(
    series_times=st.lists(whole_years, min_size=2, max_size=8, unique=True),
    series_shares=st.lists(shares, min_size=8, max_size=8),
    goal=shares,
)
def test_it_agrees_with_years_to_reach_from_a_whole_year(series_times, series_shares, goal):
    series = list(zip(series_times, series_shares, strict=False))
    latest_time, latest_share = latest(series)
    years = years_to_reach(latest_share, slope(series), goal)
    expected = None if years is None or latest_time + years > HORIZON else int(latest_time) + years
    assert forecast_year(series, constant(goal)) == expected


@given(
    series_times=st.lists(
        st.integers(min_value=201_600, max_value=202_000).map(lambda hundredths: hundredths / 100),
        min_size=2, max_size=8, unique=True,
    ),
    start=st.integers(min_value=0, max_value=2_000).map(lambda hundredths: hundredths / 100),
    pace=st.integers(min_value=1, max_value=200).map(lambda hundredths: hundredths / 100),
)
def test_it_forecasts_the_first_year_the_projection_meets_a_rising_target(series_times, start, pace):
    # Below 30% in 2016-2020 (at most 20 + 4 * 2 = 28), rising: the escalating target is ahead.
    series = [(time, start + pace * (time - 2016)) for time in series_times]
    latest_time, latest_share = latest(series)
    found = forecast_year(series, coalition_target)
    rate = slope(series)
    first = int(latest_time) + 1

    def projected(year):
        return latest_share + rate * (year - latest_time)

    if found is None:  # too slow to catch up by the horizon
        assert all(projected(year) < coalition_target(year) for year in range(first, HORIZON + 1))
    else:
        assert found >= first
        assert projected(found) >= coalition_target(found) - 1e-9
        assert all(projected(year) < coalition_target(year) for year in range(first, found))


# Years to reach


@pytest.mark.parametrize(
    ("share", "rate", "goal", "years"),
    [
        (40.0, 2.0, 50.0, 5),
        (40.0, 3.0, 50.0, 4),
        (49.9, 0.1, 50.0, 1),
        (50.0, None, 50.0, 0),
        (55.0, -1.0, 50.0, 0),
        (40.0, 0.0, 50.0, None),
        (40.0, -1.0, 50.0, None),
        (40.0, None, 50.0, None),
    ],
)
def test_it_counts_whole_years_to_reach_a_goal(share, rate, goal, years):
    assert years_to_reach(share, rate, goal) == years


def test_it_is_not_fooled_by_float_rounding_in_years_to_reach():
    # 10 / 3.333333333333333 is 3.0000000000000004, yet three years at that pace reach 50.
    assert years_to_reach(40.0, 3.333333333333333, 50.0) == 3


@given(
    share=shares,
    rate=st.integers(min_value=1, max_value=2_000).map(lambda hundredths: hundredths / 100),
    goal=shares,
)
def test_it_gives_the_fewest_whole_years_that_reach_the_goal(share, rate, goal):
    years = years_to_reach(share, rate, goal)
    assert share + rate * years >= goal - 1e-9
    if years > 0:
        assert share + rate * (years - 1) < goal - 1e-9
