"""Where a commitment stands: awaiting until the deadline, not reported after it, else its progress."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.accountability import PROGRESS, STATUSES, Summary, status, summarize

DEADLINE = dt.date(2026, 12, 31)


def test_it_awaits_a_report_until_the_deadline_day_included():
    assert status(DEADLINE, DEADLINE, None) == "awaiting"


def test_it_marks_a_commitment_not_reported_the_day_after_the_deadline():
    assert status(DEADLINE, DEADLINE + dt.timedelta(days=1), None) == "not_reported"


def test_it_keeps_the_progress_of_a_report_whatever_the_date():
    assert status(DEADLINE, DEADLINE + dt.timedelta(days=100), "limited") == "limited"


def test_it_refuses_an_unknown_progress_level():
    with pytest.raises(ValueError, match="Unknown progress 'great'"):
        status(DEADLINE, DEADLINE, "great")


@given(st.dates(), st.dates(), st.one_of(st.none(), st.sampled_from(PROGRESS)))
def test_it_is_not_reported_exactly_when_the_deadline_passed_without_a_report(deadline, today, progress):
    result = status(deadline, today, progress)
    assert result in STATUSES
    assert (result == "not_reported") == (progress is None and today > deadline)


def test_it_adds_up_commitments_and_counts_disputes_only_on_reports():
    items = [("met", True), ("exceeded", False), ("none", False), ("not_reported", True), ("awaiting", False)]
    assert summarize(items) == Summary(made=5, reported=3, met_or_exceeded=2, disputed=1, not_reported=1,
                                       awaiting=1)


def test_it_gives_no_reporting_share_when_nothing_is_due():
    assert summarize([("awaiting", False)]).reported_share is None
    assert summarize([("met", False), ("not_reported", False)]).reported_share == 50


@given(st.lists(st.tuples(st.sampled_from(STATUSES), st.booleans())))
def test_it_counts_each_commitment_once_as_reported_not_reported_or_awaiting(items):
    summary = summarize(items)
    assert summary.made == len(items) == summary.reported + summary.not_reported + summary.awaiting
    assert summary.met_or_exceeded <= summary.reported and summary.disputed <= summary.reported
