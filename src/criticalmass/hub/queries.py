"""Small query functions the pages, the API and other apps (briefings) use."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from criticalmass.core.models import User
from criticalmass.hub.models import Evidence, Practice, Status, has_tag


@dataclass(frozen=True)
class EvidenceFilters:
    kind: str = ""
    argument: str = ""
    audience: str = ""
    theme: str = ""
    grade: str = ""


def visible_evidence(user: User | None) -> QuerySet[Evidence]:
    """Public items for everyone; every item, whatever its grade, for the secretariat."""
    if user is not None and user.is_authenticated and user.is_secretariat:
        return Evidence.objects.all()
    return Evidence.objects.public()


def evidence(user: User | None, filters: EvidenceFilters = EvidenceFilters()) -> QuerySet[Evidence]:
    qs = visible_evidence(user)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.grade:
        qs = qs.filter(grade=filters.grade)
    for name in ("argument", "audience", "theme"):
        if value := getattr(filters, name):
            qs = qs.filter(has_tag(f"{name}s", value))
    return qs.prefetch_related("qualifies", "qualified_by")


def counter_evidence(item: Evidence, user: User | None) -> list[Evidence]:
    """Public counter-evidence qualifying `item`, shown beside it."""
    return [
        c
        for c in item.qualified_by.all()
        if c.is_public or (user is not None and user.is_authenticated and user.is_secretariat)
    ]


def evidence_for_audience(tags: list[str]) -> QuerySet[Evidence]:
    """Public evidence (not counter-evidence) tagged for any of these audiences."""
    match = Q()
    for tag in tags:
        match |= has_tag("audiences", tag)
    return (
        Evidence.objects.public()
        .filter(match)
        .exclude(kind="counter-evidence")
        .prefetch_related("qualified_by")
    )


def published_practices() -> QuerySet[Practice]:
    return Practice.objects.filter(status=Status.PUBLISHED).select_related("author", "country")


def practice_visible_to(practice: Practice, user: User | None) -> bool:
    if practice.status == Status.PUBLISHED:
        return True
    return (
        user is not None and user.is_authenticated and (user.is_secretariat or practice.author_id == user.pk)
    )
