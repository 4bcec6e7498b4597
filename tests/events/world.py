"""An event with an all-male panel, for the site-wide page tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from criticalmass.core.models import User
from criticalmass.events.models import Event, Panel, PanelPledge, Speaker


def build_events() -> Event:
    date = timezone.localdate() + dt.timedelta(days=5)
    event = Event.objects.create(slug="summit", name="Summit", date=date)
    panel = Panel.objects.create(event=event, title="Security", topics="security", language="English")
    Speaker.objects.create(panel=panel, name="A. Man", gender="man")
    return event


def build_breach(partner: User) -> int:
    """The partner took the pledge, then sat on an all-male panel: the panel's id (his breach)."""
    PanelPledge.objects.create(user=partner, taken_at=timezone.now() - dt.timedelta(days=30))
    event = Event.objects.create(slug="forum", name="Forum", date=timezone.localdate() - dt.timedelta(days=3))
    panel = Panel.objects.create(event=event, title="Defence")
    Speaker.objects.create(panel=panel, name="The partner", gender="man", partner=partner)
    Speaker.objects.create(panel=panel, name="B. Man", gender="man")
    return panel.pk
