"""A plan's status from its period and successors (lib/plans.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.lib import plans

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(("stated", "start", "end", "successor", "expected"), [
    ("", 2020, 2026, False, plans.IN_FORCE),  # runs to the end of its last year
    ("", 2020, 2025, False, plans.EXPIRED),
    ("", 2020, 2025, True, plans.SUPERSEDED),
    ("", 2027, 2030, False, plans.IN_DEVELOPMENT),
    ("", 2011, None, True, plans.SUPERSEDED),
    ("", 2011, None, False, plans.UNKNOWN),
    ("", 2024, 2028, True, plans.IN_FORCE),  # still in its period, whatever came after
    ("in_force", 2017, None, False, "in_force"),  # a stated status wins
])
def test_it_reads_the_status_from_the_period_unless_stated(stated, start, end, successor, expected):
    assert plans.plan_status(stated, start, end, successor, TODAY) == expected


def test_it_alerts_only_on_an_expired_plan_with_no_successor():
    assert plans.expired_without_successor(plans.EXPIRED, has_successor=False)
    assert not plans.expired_without_successor(plans.EXPIRED, has_successor=True)
    assert not plans.expired_without_successor(plans.IN_FORCE, has_successor=False)
