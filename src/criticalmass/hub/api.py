"""JSON API of the evidence hub (mounted at /api/hub/): public evidence, published practices, search.

Read-only and the same for everyone: only public evidence and published practices appear here.
"""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
from enum import Enum
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.hub import consent, indexing, queries, search
from criticalmass.hub.models import AUDIENCE_TAGS, Argument, Evidence, Kind, Practice

router = Router()

KindParam = Enum("KindParam", {k.replace("-", "_"): k for k in Kind.values}, type=str)  # type: ignore[misc]
ArgumentParam = Enum("ArgumentParam", {a: a for a in Argument.values}, type=str)  # type: ignore[misc]
AudienceParam = Enum("AudienceParam", {a: a for a in AUDIENCE_TAGS}, type=str)  # type: ignore[misc]
TypeParam = Enum("TypeParam", {t: t for t in search.TYPES}, type=str)  # type: ignore[misc]


class EvidenceOut(Schema):
    slug: str
    claim: str
    number: float | None
    unit: str
    year: str
    grade: str
    kind: str
    arguments: list[str]
    audiences: list[str]
    themes: list[str]
    source_title: str
    source_org: str
    source_year: int | None
    url: str
    citation: str
    qualifies: list[str] = Field(
        ..., description="For counter-evidence: the slugs of the claims it qualifies."
    )
    qualified_by: list[str] = Field(..., description="Public counter-evidence qualifying this claim.")

    @staticmethod
    def resolve_arguments(obj: Evidence) -> list[str]:
        return obj.argument_list

    @staticmethod
    def resolve_audiences(obj: Evidence) -> list[str]:
        return obj.audience_list

    @staticmethod
    def resolve_themes(obj: Evidence) -> list[str]:
        return obj.theme_list

    @staticmethod
    def resolve_citation(obj: Evidence) -> str:
        return obj.citation()

    @staticmethod
    def resolve_qualifies(obj: Evidence) -> list[str]:
        return [q.slug for q in obj.qualifies.all() if q.is_public]

    @staticmethod
    def resolve_qualified_by(obj: Evidence) -> list[str]:
        return [q.slug for q in obj.qualified_by.all() if q.is_public]


class EvidenceFilters(Schema):
    kind: KindParam | None = None
    argument: ArgumentParam | None = None
    audience: AudienceParam | None = None
    theme: str | None = Field(None, max_length=100)


class PracticeOut(Schema):
    slug: str
    type: str
    title: str
    what: str
    country: str | None
    where: str
    who: str
    results: str
    contacts: str = Field(..., description="Empty unless the author agreed to publish them.")
    byline: str = Field(..., description="'Anonymous' when the author chose so.")
    themes: list[str]

    @staticmethod
    def resolve_country(obj: Practice) -> str | None:
        return obj.country_id

    @staticmethod
    def resolve_where(obj: Practice) -> str:
        return obj.public_where

    @staticmethod
    def resolve_who(obj: Practice) -> str:
        return obj.public_who

    @staticmethod
    def resolve_contacts(obj: Practice, context: dict[str, Any] | None = None) -> str:
        if not (obj.show_contacts and obj.contacts):
            return ""
        request = (context or {}).get("request")
        user = getattr(request, "user", None)
        consent.contacts_seen(obj, user if user is not None and user.is_authenticated else None, "api")
        return obj.contacts

    @staticmethod
    def resolve_themes(obj: Practice) -> list[str]:
        return obj.theme_list


class PracticeFilters(Schema):
    type: Practice.Type | None = None


class HitOut(Schema):
    type: str
    ref: str
    title: str
    url: str
    snippet: str = Field(..., description="HTML: escaped text with matches in <mark>.")
    rank: float


class SearchParams(Schema):
    q: str = Field(..., max_length=1000, description='Words, "phrases", -excluded words, `or`.')
    type: TypeParam | None = None
    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$")
    theme: str | None = Field(None, max_length=100)
    audience: AudienceParam | None = None
    argument: ArgumentParam | None = None
    kind: str | None = Field(None, max_length=30)
    limit: int = Field(20, ge=1, le=100, description="Hits per page.")
    offset: int = Field(0, ge=0, le=100_000, description="Hits to skip.")


class SearchPage(Schema):
    count: int = Field(..., description="Hits for the query and filters, on every page.")
    limit: int
    offset: int
    items: list[HitOut]


def value(param: Any) -> str:
    return "" if param is None else str(getattr(param, "value", param))


@router.get("/evidence", response={200: list[EvidenceOut], **ERRORS}, url_name="hub_evidence")
@paginate(Page)
def list_evidence(request: HttpRequest, filters: Query[EvidenceFilters]) -> QuerySet[Evidence]:
    """Public evidence (verified, unless the secretariat decided otherwise), by slug."""
    chosen = queries.EvidenceFilters(
        kind=value(filters.kind),
        argument=value(filters.argument),
        audience=value(filters.audience),
        theme=value(filters.theme),
    )
    return queries.evidence(None, chosen).order_by("slug")


@router.get("/evidence/{slug}", response={200: EvidenceOut, **ERRORS}, url_name="hub_evidence_item")
def get_evidence(request: HttpRequest, slug: str) -> Evidence:
    """One public evidence item."""
    found = queries.evidence(None).filter(slug=slug).first()
    if found is None:
        raise Http404(f"There is no public evidence '{slug}'.")
    return found


@router.get("/practices", response={200: list[PracticeOut], **ERRORS}, url_name="hub_practices")
@paginate(Page)
def list_practices(request: HttpRequest, filters: Query[PracticeFilters]) -> QuerySet[Practice]:
    """Published practices, toolkits and stories, newest first."""
    qs = queries.published_practices()
    return qs.filter(type=value(filters.type)) if filters.type else qs


@router.get("/search", response={200: SearchPage, **ERRORS}, url_name="hub_search")
def get_search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    """Ranked hits with highlighted snippets over evidence, practices, processes, countries, plans and
    agreements, paged as the other lists are."""
    indexing.sync()
    chosen = search.Filters(
        type=value(params.type),
        country=value(params.country),
        theme=value(params.theme),
        audience=value(params.audience),
        argument=value(params.argument),
        kind=value(params.kind),
    )
    found = search.results(params.q, chosen, params.limit, params.offset)
    return {"count": found.total, "limit": params.limit, "offset": params.offset, "items": found.hits}
