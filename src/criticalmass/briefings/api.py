"""JSON API of the briefing builder (mounted at /api/briefings/): audiences and briefings."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from criticalmass.api_common import ERRORS
from criticalmass.briefings import build as builder
from criticalmass.briefings.models import Audience

router = Router()


class WeightOut(Schema):
    argument: str
    weight: int


class AudienceOut(Schema):
    slug: str
    name: str
    evidence_tags: list[str]
    weights: list[WeightOut] = Field(..., description="Argument types, heaviest first.")

    @staticmethod
    def resolve_evidence_tags(obj: Audience) -> list[str]:
        return obj.tags

    @staticmethod
    def resolve_weights(obj: Audience) -> list[dict[str, Any]]:
        weights = sorted(obj.weights.all(), key=lambda w: (-w.weight, w.argument))
        return [{"argument": w.argument, "weight": w.weight} for w in weights]


class FigureOut(Schema):
    label: str
    value: str
    source: str


class PointOut(Schema):
    evidence: str = Field(..., description="Evidence slug (see /api/hub/evidence/{slug}).")
    claim: str
    citation: str
    counter_evidence: list[str]


class SectionOut(Schema):
    argument: str
    weight: int
    points: list[PointOut]


class ObjectionOut(Schema):
    objection: str
    answer: str
    translated: bool = Field(..., description="False: no translation stored, the original text is shown.")


class BriefingOut(Schema):
    audience: str
    context_kind: str
    context: str
    context_name: str
    date: dt.date
    language: str = Field(..., description="The language the briefing is written in: en, fr, es or ar.")
    figures: list[FigureOut]
    sections: list[SectionOut] = Field(..., description="Arguments in the audience's order.")
    objections: list[ObjectionOut]
    organizations: list[str]
    sources: list[str]


ContextKind = Literal["mission", "process", "country"]
Language = Literal["en", "fr", "es", "ar"]


@router.get("/audiences", response={200: list[AudienceOut], **ERRORS}, url_name="briefings_audiences")
def list_audiences(request: HttpRequest) -> list[Audience]:
    """Audiences a briefing can be written for, with their argument-type weights."""
    return list(Audience.objects.prefetch_related("weights"))


def briefing_dict(b: builder.Briefing) -> dict[str, Any]:
    sections = [
        {
            "argument": s.argument,
            "weight": s.weight,
            "points": [
                {
                    "evidence": p.evidence.slug,
                    "claim": p.evidence.claim,
                    "citation": p.evidence.citation(),
                    "counter_evidence": [c.slug for c in p.counters],
                }
                for p in s.points
            ],
        }
        for s in b.sections
    ]
    return {
        "audience": b.audience.slug,
        "context_kind": b.context_kind,
        "context": b.context_slug,
        "context_name": b.context_name,
        "date": b.date,
        "figures": [vars(f) for f in b.figures],
        "sections": sections,
        "language": b.language,
        "objections": [{"objection": o.objection, "answer": o.answer, "translated": o.translated}
                       for o in b.objections],
        "organizations": [o.name for o in b.organizations],
        "sources": b.sources,
    }


@router.get("/{audience}/{kind}/{key}", response={200: BriefingOut, **ERRORS}, url_name="briefings_briefing")
def get_briefing(request: HttpRequest, audience: str, kind: ContextKind, key: str,
                 language: Language = "en") -> dict[str, Any]:
    """A briefing for an audience and one context, as data: `kind` is mission (a peace operation's slug),
    process (a negotiation's slug) or country (ISO code) and `key` names it. The same briefing as HTML
    is at /briefings/briefing/ and as PDF at /briefings/briefing.pdf, with audience= and kind=key.
    `language` (en, fr, es, ar; English by default) writes its labels, figures and objections in that
    language, whatever the interface's."""
    try:
        made = builder.build({"audience": audience, kind: key, "language": language})
    except builder.BriefingError as exc:  # nothing by that audience and key (a blank key names nothing)
        raise HttpError(404, str(exc)) from None
    return briefing_dict(made)
