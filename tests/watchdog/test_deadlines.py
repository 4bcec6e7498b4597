"""Overdue and due soon: lib/deadlines.py, on examples and on any dates, recurrences and time zones."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.deadlines import Schedule, State, add_months, due_date, due_dates, local_today, standing

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
schedules = st.builds(
    Schedule, first_due=days, every_months=st.none() | st.integers(1, 120),
    occurrences=st.none() | st.integers(1, 10),
)
ZONES = sorted(available_timezones() - {"Factory", "localtime"})
zones = st.sampled_from(ZONES).map(ZoneInfo)
instants = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2090, 1, 1),
                        timezones=st.just(dt.UTC))


def test_it_moves_the_last_day_of_january_to_the_last_day_of_february():
    assert add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2018, 10, 6), 48) == dt.date(2022, 10, 6)


@given(days, st.integers(-600, 600))
def test_it_adds_months_keeping_the_day_or_the_months_last_day(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == min(day.day, calendar.monthrange(moved.year, moved.month)[1])


def test_it_reads_the_us_act_strategy_duty_as_two_due_dates_four_years_apart():
    duty = Schedule(dt.date(2018, 10, 6), every_months=48, occurrences=2)
    assert list(due_dates(duty, dt.date(2030, 1, 1))) == [dt.date(2018, 10, 6), dt.date(2022, 10, 6)]
    late = standing(duty, delivered=0, today=dt.date(2019, 6, 11))
    assert (late.state, late.due, late.days) == (State.OVERDUE, dt.date(2018, 10, 6), 248)
    assert standing(duty, 1, dt.date(2022, 10, 7)).state == State.OVERDUE
    assert standing(duty, 2, dt.date(2030, 1, 1)).state == State.DONE


def test_it_is_due_soon_90_days_ahead_and_later_on_the_91st():
    duty = Schedule(dt.date(2026, 4, 1))
    assert standing(duty, 0, dt.date(2026, 1, 1)).state == State.DUE_SOON  # 90 days
    assert standing(duty, 0, dt.date(2025, 12, 31)).state == State.LATER  # 91 days
    assert standing(duty, 0, dt.date(2026, 4, 1)).state == State.DUE_SOON  # due today, not overdue
    assert standing(duty, 0, dt.date(2026, 4, 2)).state == State.OVERDUE
    assert standing(duty, 0, dt.date(2026, 4, 2)).days == 1


def test_it_refuses_a_recurrence_of_no_months_and_a_duty_due_no_times():
    with pytest.raises(ValueError, match="at least one month"):
        Schedule(dt.date(2020, 1, 1), every_months=0)
    with pytest.raises(ValueError, match="at least once"):
        Schedule(dt.date(2020, 1, 1), every_months=12, occurrences=0)


@given(schedules, st.integers(0, 20), days)
def test_it_puts_every_duty_in_exactly_one_state_that_matches_its_next_due_date(schedule, delivered, today):
    result = standing(schedule, delivered, today)
    due = due_date(schedule, delivered)
    assert result.due == due
    if due is None:
        assert result.state == State.DONE
    elif due < today:
        assert result.state == State.OVERDUE and result.days == (today - due).days > 0
    elif (due - today).days <= 90:
        assert result.state == State.DUE_SOON and 0 <= result.days <= 90
    else:
        assert result.state == State.LATER and result.days > 90


@given(schedules, st.integers(0, 20), days)
def test_it_never_brings_the_next_due_date_forward_with_one_more_delivery(schedule, delivered, today):
    before, after = standing(schedule, delivered, today), standing(schedule, delivered + 1, today)
    if before.due is None:
        assert after.due is None
    elif after.due is not None:
        assert after.due >= before.due


@given(schedules, days)
def test_it_lists_the_due_dates_in_order_from_the_first(schedule, until):
    found = list(due_dates(schedule, until))
    assert found == sorted(found)
    assert all(day <= until for day in found)
    if found:
        assert found[0] == schedule.first_due
    if schedule.count is not None:
        assert len(found) <= schedule.count


@given(instants, zones)
def test_it_takes_today_from_the_time_zone_not_from_utc(now, zone):
    local = local_today(now, zone)
    assert abs((local - now.date()).days) <= 1
    assert local == now.astimezone(zone).date()


@given(instants, zones, zones)
def test_it_is_never_overdue_on_its_own_due_day_in_any_time_zone(now, zone, other):
    due = local_today(now, zone)
    duty = Schedule(due)
    assert standing(duty, 0, local_today(now, zone)).state == State.DUE_SOON
    assert standing(duty, 0, local_today(now, other)).state in (State.DUE_SOON, State.OVERDUE)


def test_it_finds_a_duty_overdue_in_auckland_while_it_is_still_due_today_in_new_york():
    now = dt.datetime(2026, 3, 1, 14, 0, tzinfo=dt.UTC)  # 1 Mar 09:00 in New York, 2 Mar 03:00 in Auckland
    duty = Schedule(dt.date(2026, 3, 1))
    assert standing(duty, 0, local_today(now, ZoneInfo("America/New_York"))).state == State.DUE_SOON
    assert standing(duty, 0, local_today(now, ZoneInfo("Pacific/Auckland"))).state == State.OVERDUE


def test_it_refuses_a_naive_now_which_names_no_instant():
    with pytest.raises(ValueError, match="aware"):
        local_today(dt.datetime(2026, 1, 1, 12, 0), ZoneInfo("UTC"))
