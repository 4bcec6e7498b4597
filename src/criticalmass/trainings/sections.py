"""What the trainings app adds to an organisation's page (core.organisations): the programmes it runs
and the dialogues it organised. A youth club's page shows its trainings this way; grants and
commitments add theirs through the same `register_section("organization", ...)` hook."""

from __future__ import annotations

from criticalmass.core.models import Organization
from criticalmass.core.sections import Section
from criticalmass.events.models import Event
from criticalmass.trainings.models import Dialogue, Programme


def organisation_trainings(organisation: Organization) -> Section | None:
    programmes = list(Programme.objects.filter(organization=organisation).order_by("title"))
    dialogues = list(Dialogue.objects.filter(organization=organisation).order_by("-date"))
    if not programmes and not dialogues:
        return None
    return Section("Trainings and dialogues", "trainings/_organisation.html",
                   {"programmes": programmes, "dialogues": dialogues})


def event_dialogues(event: Event) -> Section | None:
    """A dialogue held as part of an event: listed on the event's page."""
    dialogues = list(Dialogue.objects.filter(event=event).order_by("date", "pk"))
    if not dialogues:
        return None
    return Section("Dialogues at this event", "trainings/_event.html", {"dialogues": dialogues})
