"""An event with an all-male panel, for the site-wide page tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from criticalmass.events.models import Event, Panel, Speaker


def build_events() -> Event:
    date = timezone.localdate() + dt.timedelta(days=5)
    event = Event.objects.create(slug="summit", name="Summit", date=date)
    panel = Panel.objects.create(event=event, title="Security", topics="security", language="English")
    Speaker.objects.create(panel=panel, name="A. Man", gender="man")
    return event
