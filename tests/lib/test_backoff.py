"""Exponential back-off: doubles from the base, never above the cap, refuses nonsense."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.backoff import delay, schedule


def test_it_doubles_from_the_base_until_the_cap():
    assert schedule(7, base=60, cap=1800) == [60, 120, 240, 480, 960, 1800]


@given(st.integers(1, 10_000), st.integers(1, 3600), st.integers(0, 86_400))
def test_it_never_waits_less_than_the_base_nor_more_than_the_cap(attempts, base, extra):
    cap = base + extra
    assert base <= delay(attempts, base, cap) <= cap


@given(st.integers(1, 200), st.integers(1, 3600), st.integers(0, 86_400))
def test_it_never_waits_less_after_more_failures(attempts, base, extra):
    assert delay(attempts + 1, base, base + extra) >= delay(attempts, base, base + extra)


@pytest.mark.parametrize(("attempts", "base", "cap"), [(0, 60, 120), (1, 0, 10), (1, 60, 30)])
def test_it_refuses_attempts_or_delays_that_make_no_sense(attempts, base, cap):
    with pytest.raises(ValueError, match="got"):
        delay(attempts, base, cap)
