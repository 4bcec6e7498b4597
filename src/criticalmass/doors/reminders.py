"""Reminders of the promises made in meetings: to the broker and the advocate, before a promise is due
and once overdue. Each is logged under a key (DoorReminder), so a second run sends nothing new. The
mails name the post and the date only, never what was promised: mail is not encrypted. They go
through the outbox (core.outbox), written in the same transaction as their log entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from criticalmass.core import outbox
from criticalmass.core.models import User
from criticalmass.doors.models import DoorReminder, Promise

DEFAULT_DAYS_BEFORE = 7


def recipients(promise: Promise) -> list[User]:
    request = promise.meeting.request
    found = [request.advocate, request.broker]
    return [user for user in found if user is not None and user.is_active and user.email
            and user.notify_reminders]


def messages_due(today: dt.date, days_before: int) -> Iterator[tuple[str, User, str, str]]:
    """(key, recipient, subject, body) for each open promise due soon or overdue."""
    open_promises = Promise.objects.filter(kept_on__isnull=True, due__lte=today + dt.timedelta(days_before))
    for promise in open_promises.select_related("meeting__request__post", "meeting__request__advocate",
                                                "meeting__request__broker"):
        request = promise.meeting.request
        state = "overdue" if promise.due < today else "due"
        link = settings.SITE_URL + reverse("doors:request", args=[request.pk])
        for user in recipients(promise):
            subject = f"Critical Mass: a promise from the meeting with {request.post} is {state}"
            body = (f"Hello,\n\nA promise made in the meeting with {request.post} is {state} "
                    f"(by {promise.due}). Follow it up: {link}\n\nCritical Mass")
            yield f"promise:{promise.pk}:{state}:{user.pk}", user, subject, body


def send_door_reminders(today: dt.date, days_before: int = DEFAULT_DAYS_BEFORE) -> tuple[int, int]:
    """(sent, skipped): skipped were sent before."""
    sent = skipped = 0
    for key, user, subject, body in messages_due(today, days_before):
        if DoorReminder.objects.filter(key=key).exists():
            skipped += 1
            continue
        with transaction.atomic():
            DoorReminder.objects.create(key=key)
            outbox.enqueue(user, subject, body, kind="reminders")  # sent by the queue, never lost
        sent += 1
    return sent, skipped
