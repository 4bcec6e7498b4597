from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.csvsafe import safe_cell


@pytest.mark.parametrize("text", ["=1+1", "@SUM(A1)", "+A1", "-1+1|cmd", "-cmd", "\tx", "\r=1", "+1+1",
                                  "-2-3"])
def test_it_quotes_text_that_starts_like_a_formula(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-5%", "+1", "-0.4", "1e3", "-.5", "Met", 3, -2.5, None,
                                   dt.date(2026, 1, 1)])
def test_it_keeps_numbers_dates_and_other_values_as_they_are(value):
    assert safe_cell(value) == value


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers())
def test_it_keeps_every_number_written_as_text(number):
    assert safe_cell(str(number)) == str(number)
