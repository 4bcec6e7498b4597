"""JSON API of events (mounted at /api/events/): events with panels, speakers and the manel flag, and
the tallies. Public and read-only."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.events import queries
from criticalmass.events.models import Event, Panel

router = Router()


class SpeakerOut(Schema):
    name: str
    gender: str = Field(..., description="Self-declared: woman, man, non_binary, or unknown. Never guessed.")


class PanelOut(Schema):
    title: str
    topics: str
    language: str
    flag: str = Field(..., description="manel, no_woman_known, empty or ok")
    balance: str = Field(..., description="all_male, token, balanced, uncertain (undeclared genders decide "
                         "it) or empty, under the secretariat's panel policy")
    speakers: list[SpeakerOut]

    @staticmethod
    def resolve_flag(obj: Panel) -> str:
        return obj.flag()

    @staticmethod
    def resolve_balance(obj: Panel) -> str:
        return obj.balance()

    @staticmethod
    def resolve_speakers(obj: Panel) -> list[Any]:
        return list(obj.speakers.all())


class EventOut(Schema):
    slug: str
    name: str
    date: dt.date
    place: str
    panels: list[PanelOut]

    @staticmethod
    def resolve_panels(obj: Event) -> list[Any]:
        return list(obj.panels.all())


class TallyOut(Schema):
    panels: int
    speakers: int
    women: int
    known: int = Field(..., description="Speakers whose gender is known.")
    women_share: float | None = Field(..., description="Women among speakers of known gender (%), or null.")


class PartnerTallyOut(TallyOut):
    partner: str
    slug: str
    pledged: bool


class TalliesOut(Schema):
    coalition: TallyOut
    partners: list[PartnerTallyOut]


@router.get("/events", response={200: list[EventOut], **ERRORS}, url_name="events_events")
@paginate(Page)
def list_events(request: HttpRequest) -> QuerySet[Event]:
    """Events, newest first, with their panels, speakers and each panel's flag. *Paged.*"""
    return queries.events()


@router.get("/tallies", response={200: TalliesOut, **ERRORS}, url_name="events_tallies")
def tallies(request: HttpRequest) -> dict[str, Any]:
    """Panels, speakers and women's share, for the coalition and per partner."""
    return {"coalition": queries.coalition_tally(), "partners": queries.partner_tallies()}


class BreachOut(Schema):
    partner: str
    slug: str = Field(..., description="The partner's public address.")
    event: str
    event_slug: str
    date: dt.date
    panel: str
    balance: str = Field(..., description="all_male or token")
    answer: str = Field(..., description="The partner's public answer; empty when none.")
    answered_at: dt.datetime | None


@router.get("/breaches", response={200: list[BreachOut], **ERRORS}, url_name="events_breaches")
@paginate(Page)
def list_breaches(request: HttpRequest) -> list[dict[str, Any]]:
    """Pledge-takers' seats on all-male or token panels since they pledged, newest first, with their
    answers. *Paged.*"""
    return queries.breaches()
