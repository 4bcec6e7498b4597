from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.lib.months import month_of, months_between, parse_month


def test_it_counts_the_months_between_two_months_across_years():
    assert months_between((2013, 11), (2014, 2)) == 3 and months_between((2014, 2), (2014, 2)) == 0


def test_it_takes_the_month_of_a_day():
    assert month_of(dt.date(2014, 2, 28)) == (2014, 2)


@pytest.mark.parametrize(("text", "month"), [("2014-02", (2014, 2)), ("2014-2", (2014, 2)), ("2014-13", None),
                                             ("Feb 2014", None), ("", None), ("2014-02-28", None)])
def test_it_reads_a_month_written_as_year_and_month_only(text, month):
    assert parse_month(text) == month
