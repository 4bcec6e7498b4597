"""lib.doors: the meeting request's status machine, small-count suppression and posts held on a day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib import doors
from criticalmass.lib.doors import Action, Actor, Status, TransitionError

steps = st.lists(st.tuples(st.sampled_from(list(Action)), st.sampled_from(list(Actor))), max_size=30)


def walk(path: list[tuple[Action, Actor]]) -> list[tuple[Status, Action, Actor]]:
    """The steps taken (refused ones skipped), each with the status it left."""
    status, taken = Status.REQUESTED, []
    for action, actor in path:
        try:
            following = doors.next_status(status, action, actor)
        except TransitionError:
            continue
        taken.append((status, action, actor))
        status = following
    return taken


@given(steps)
def test_it_never_sends_anything_before_the_advocate_confirms(path):
    confirmed = False
    for status, action, actor in walk(path):
        if action is Action.CONFIRM:
            assert actor is Actor.ADVOCATE and status is Status.ASSIGNED
            confirmed = True
        if action is Action.SEND:
            assert confirmed


@given(steps)
def test_it_moves_only_by_the_listed_transitions_and_actors(path):
    for status, action, actor in walk(path):
        assert (status, action) in doors.TRANSITIONS and actor in doors.ACTORS[action]


@given(st.sampled_from(sorted(doors.TERMINAL)), st.sampled_from(list(Action)), st.sampled_from(list(Actor)))
def test_it_lets_nothing_move_a_closed_or_withdrawn_request(status, action, actor):
    with pytest.raises(TransitionError):
        doors.next_status(status, action, actor)


def test_it_says_who_may_act_and_what_can_happen_instead():
    with pytest.raises(TransitionError, match="Only the advocate may confirm"):
        doors.next_status(Status.ASSIGNED, Action.CONFIRM, Actor.PARTNER)
    with pytest.raises(TransitionError, match="it can be: offer, withdraw"):
        doors.next_status(Status.REQUESTED, Action.SEND, Actor.PARTNER)


@given(st.integers(min_value=0, max_value=10_000))
def test_it_suppresses_every_count_below_five_and_keeps_the_others(count):
    assert doors.suppressed(count) == (None if count < 5 else count)


def test_it_counts_the_latest_holder_of_each_post_on_a_day():
    first = doors.Term(dt.date(2020, 1, 1), dt.date(2021, 12, 31), "woman")
    second = doors.Term(dt.date(2022, 1, 1), None, "man")
    unknown = doors.Term(dt.date(2021, 6, 1), None, "not published")
    assert doors.count_on(dt.date(2021, 12, 31), [[first, second], [unknown]]) == doors.Count(
        dt.date(2021, 12, 31), 1, 0, 1)
    assert doors.count_on(dt.date(2022, 1, 1), [[first, second]]).men == 1
    assert doors.count_on(dt.date(2019, 1, 1), [[first]]).total == 0


@given(st.lists(st.tuples(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)), st.integers(0, 4000),
                          st.sampled_from(["woman", "man", "not published"])), max_size=8),
       st.dates(dt.date(2000, 1, 1), dt.date(2035, 1, 1)))
def test_it_never_counts_more_posts_than_there_are(terms, day):
    posts = [[doors.Term(start, start + dt.timedelta(days=length), sex)] for start, length, sex in terms]
    assert doors.count_on(day, posts).total <= len(posts)
