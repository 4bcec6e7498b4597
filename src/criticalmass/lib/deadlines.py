"""When a legal reporting duty falls due, and whether it is overdue or due soon. Plain Python.

A duty has a first due date and, if it recurs, an interval in months and optionally a number of
occurrences ("within one year, and again four years thereafter" is two). Deliveries meet due dates
in order: the first delivery meets the first due date, the second the second, whenever each was
made. So the duty's next due date is the occurrence after the last one delivered, and it is
overdue when that date is before today.

A due date is a whole calendar day where the duty is kept: "today" is the date in the time zone of
the place that judges it (settings.TIME_ZONE for the platform), never the server clock's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass

DUE_SOON_DAYS = 90


class State(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    LATER = "later"
    DONE = "done"


@dataclass(frozen=True)
class Schedule:
    first_due: dt.date
    every_months: int | None = None  # None: once
    occurrences: int | None = None  # with every_months: how many times; None: for ever

    def __post_init__(self) -> None:
        if self.every_months is not None and self.every_months < 1:
            raise ValueError("a recurrence is at least one month")
        if self.occurrences is not None and self.occurrences < 1:
            raise ValueError("a duty falls due at least once")

    @property
    def count(self) -> int | None:
        """How many due dates there are; None when they never end."""
        if self.every_months is None:
            return 1
        return self.occurrences


@dataclass(frozen=True)
class Standing:
    state: State
    due: dt.date | None  # the next due date not yet delivered; None when all are
    days: int  # days overdue (OVERDUE) or days left (DUE_SOON, LATER); 0 when DONE


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def due_date(schedule: Schedule, n: int) -> dt.date | None:
    """The n-th due date (0 is the first); None beyond the last."""
    count = schedule.count
    if n < 0 or (count is not None and n >= count):
        return None
    return add_months(schedule.first_due, n * (schedule.every_months or 0))


def due_dates(schedule: Schedule, until: dt.date) -> Iterator[dt.date]:
    """Every due date on or before `until`."""
    n = 0
    while (day := due_date(schedule, n)) is not None and day <= until:
        yield day
        n += 1


def local_today(now: dt.datetime, zone: dt.tzinfo) -> dt.date:
    """The calendar date at the instant `now` in `zone`. A naive `now` is refused: it names no instant."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (with a time zone)")
    return now.astimezone(zone).date()


def standing(schedule: Schedule, delivered: int, today: dt.date, window: int = DUE_SOON_DAYS) -> Standing:
    """Where a duty stands on `today` after `delivered` deliveries."""
    due = due_date(schedule, max(delivered, 0))
    if due is None:
        return Standing(State.DONE, None, 0)
    if due < today:
        return Standing(State.OVERDUE, due, (today - due).days)
    left = (due - today).days
    return Standing(State.DUE_SOON if left <= window else State.LATER, due, left)
