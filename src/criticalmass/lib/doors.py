"""Opening doors: the status machine of a meeting request, small-count suppression, the "without us"
check and the leadership-posts series. Plain Python: no Django here.

A request moves only by the actions in TRANSITIONS, each taken by the actors ACTORS allows. Nothing is
sent in the advocate's name before she confirms: SENT is reached from CONFIRMED only, and CONFIRMED
only by her own CONFIRM after a broker is assigned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

SMALL_COUNT = 5  # public counts below this are suppressed


class Status(StrEnum):
    REQUESTED = "requested"
    OFFERED = "offered"
    ASSIGNED = "assigned"
    CONFIRMED = "confirmed"
    SENT = "sent"
    MET = "met"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class Actor(StrEnum):
    ADVOCATE = "advocate"  # she who asked (or a member of her organisation)
    PARTNER = "partner"  # a partner offering, or the broker assigned
    SECRETARIAT = "secretariat"


class Action(StrEnum):
    OFFER = "offer"
    ASSIGN = "assign"
    CONFIRM = "confirm"
    SEND = "send"
    LOG_MEETING = "log_meeting"
    CLOSE = "close"
    WITHDRAW = "withdraw"


OPEN = (Status.REQUESTED, Status.OFFERED, Status.ASSIGNED, Status.CONFIRMED, Status.SENT)
TERMINAL = frozenset({Status.CLOSED, Status.WITHDRAWN})
TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.REQUESTED, Action.OFFER): Status.OFFERED,
    (Status.OFFERED, Action.OFFER): Status.OFFERED,
    (Status.OFFERED, Action.ASSIGN): Status.ASSIGNED,
    (Status.ASSIGNED, Action.ASSIGN): Status.ASSIGNED,
    (Status.ASSIGNED, Action.CONFIRM): Status.CONFIRMED,
    (Status.CONFIRMED, Action.SEND): Status.SENT,
    (Status.SENT, Action.LOG_MEETING): Status.MET,
    (Status.MET, Action.CLOSE): Status.CLOSED,
    **{(status, Action.WITHDRAW): Status.WITHDRAWN for status in OPEN},
}
ACTORS: dict[Action, frozenset[Actor]] = {
    Action.OFFER: frozenset({Actor.PARTNER}),
    Action.ASSIGN: frozenset({Actor.SECRETARIAT}),
    Action.CONFIRM: frozenset({Actor.ADVOCATE}),
    Action.SEND: frozenset({Actor.PARTNER}),
    Action.LOG_MEETING: frozenset({Actor.PARTNER, Actor.SECRETARIAT}),
    Action.CLOSE: frozenset({Actor.ADVOCATE, Actor.SECRETARIAT}),
    Action.WITHDRAW: frozenset({Actor.ADVOCATE}),
}


class TransitionError(ValueError):
    """An action the request's status or the actor's part does not allow; the message says which."""


def next_status(status: Status, action: Action, actor: Actor) -> Status:
    if actor not in ACTORS[action]:
        who = " or ".join(sorted(ACTORS[action]))
        raise TransitionError(f"Only the {who} may {action.replace('_', ' ')} a request.")
    found = TRANSITIONS.get((status, action))
    if found is None:
        raise TransitionError(f"A request that is {status} cannot be {action.replace('_', ' ')}ed "
                              f"now; it can be: {', '.join(allowed_actions(status)) or 'nothing more'}.")
    return found


def allowed_actions(status: Status, actor: Actor | None = None) -> list[Action]:
    return [action for (state, action) in TRANSITIONS
            if state == status and (actor is None or actor in ACTORS[action])]


def suppressed(count: int, threshold: int = SMALL_COUNT) -> int | None:
    """A public count, or None when it is below `threshold` and could point at someone."""
    return count if count >= threshold else None


@dataclass(frozen=True)
class Term:
    """Someone's time in a post: `end` None while they hold it."""

    start: dt.date
    end: dt.date | None
    sex: str  # "woman", "man" or "not published"


@dataclass(frozen=True)
class Count:
    day: dt.date
    women: int
    men: int
    not_published: int

    @property
    def total(self) -> int:
        return self.women + self.men + self.not_published


def holds(term: Term, day: dt.date) -> bool:
    return term.start <= day and (term.end is None or term.end >= day)


def count_on(day: dt.date, posts: Iterable[Sequence[Term]]) -> Count:
    """Posts held on `day` by a woman, a man, or someone whose sex is not published (one holder per
    post: the latest to start, should terms overlap in the record)."""
    tally = {"woman": 0, "man": 0, "not published": 0}
    for terms in posts:
        current = [term for term in terms if holds(term, day)]
        if current:
            tally[max(current, key=lambda term: term.start).sex] += 1
    return Count(day, tally["woman"], tally["man"], tally["not published"])


def year_ends(first: int, today: dt.date) -> list[dt.date]:
    """31 December of each year from `first`, and today for the current year."""
    return [dt.date(year, 12, 31) for year in range(first, today.year)] + [today]


def without_us(meetings_in_window: int) -> bool:
    """The flag: no meeting with women's civil society in the window."""
    return meetings_in_window == 0
