from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from criticalmass.events.models import Event, Expert, Panel, Speaker


@pytest.fixture
def make_panel(db):
    """make_panel("summit", ["man", "man"], days=10, partner=user) — speakers by self-declared gender."""

    def make(slug: str, genders: list[str], days: int = 10, topics: str = "mediation",
             language: str = "English", partner=None) -> Panel:
        event, _ = Event.objects.get_or_create(
            slug=slug, defaults={"name": f"Event {slug}", "date": timezone.localdate() + dt.timedelta(days)})
        panel = Panel.objects.create(event=event, title=f"Panel {event.panels.count() + 1}", topics=topics,
                                     language=language)
        for i, gender in enumerate(genders):
            Speaker.objects.create(panel=panel, name=f"Speaker {i}", gender=gender,
                                   partner=partner if i == 0 else None)
        return panel

    return make


@pytest.fixture
def roster(db) -> list[Expert]:
    return [
        Expert.objects.create(name="Dr Amina", expertise="mediation, ceasefires", languages="English, Arabic",
                              opted_in=True),
        Expert.objects.create(name="Ms Hidden", expertise="mediation", languages="English", opted_in=False),
        Expert.objects.create(name="Mme Claire", expertise="mediation", languages="French", opted_in=True),
    ]
