"""JSON API of the Distinguished Partner Awards (mounted at /api/awards/): rounds, and the published
laureates with the evidence they were chosen on. Public and read-only; nominations stay private."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.awards import queries
from criticalmass.awards.models import Criterion, Round

router = Router()


class CriterionOut(Schema):
    name: str
    weight: Decimal


class RoundOut(Schema):
    slug: str
    name: str
    nominations_open: dt.date
    nominations_close: dt.date
    published: bool
    categories: list[str]
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_published(obj: Round) -> bool:
        return obj.published_at is not None

    @staticmethod
    def resolve_categories(obj: Round) -> list[str]:
        return [c.name for c in obj.categories.all()]

    @staticmethod
    def resolve_criteria(obj: Round) -> list[Criterion]:
        return list(obj.criteria.all())


class LaureateOut(Schema):
    round: str
    round_slug: str
    category: str
    laureate: str
    organisation: str
    score: Decimal | None = Field(..., description="Weighted jury score out of 10 (computed).")
    tie: bool = Field(..., description="Several nominees led with the same score; the reason says how it "
                                       "was broken.")
    reason: str
    nomination: str
    evidence: str = Field(..., description="The laureate's record on the platform when nominated.")
    as_of: str
    decided_on: dt.date


@router.get("/rounds", response={200: list[RoundOut], **ERRORS}, url_name="awards_rounds")
@paginate(Page)
def list_rounds(request: HttpRequest) -> QuerySet[Round]:
    """Award rounds with their categories and weighted criteria. *Paged.*"""
    return Round.objects.prefetch_related("categories", "criteria")


@router.get("/laureates", response={200: list[LaureateOut], **ERRORS}, url_name="awards_laureates")
@paginate(Page)
def list_laureates(request: HttpRequest) -> list[dict[str, Any]]:
    """Published laureates with the decision's reason and the evidence. *Paged.*"""
    return [queries.laureate_row(d) for d in queries.published_decisions()]
