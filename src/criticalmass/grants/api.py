"""JSON API of micro-grants (mounted at /api/grants/): calls with what is left, and the funded grants.
Public and read-only; amounts are decimal strings in the call's currency."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.grants import queries
from criticalmass.grants.models import Call

router = Router()


class CallOut(Schema):
    slug: str
    title: str
    currency: str = Field(..., description="ISO 4217.")
    budget: Decimal
    max_per_grant: Decimal
    awarded: Decimal = Field(..., description="The sum of the grants made (computed).")
    remaining: Decimal = Field(..., description="Budget less grants made (computed).")
    eligible: list[str]
    opens_on: dt.date
    deadline: dt.date
    report_deadline: dt.date

    @staticmethod
    def resolve_awarded(obj: Call) -> Decimal:
        return obj.awarded()

    @staticmethod
    def resolve_remaining(obj: Call) -> Decimal:
        return obj.remaining()

    @staticmethod
    def resolve_eligible(obj: Call) -> list[str]:
        return obj.eligible_kinds()


class GrantOut(Schema):
    id: int
    call: str
    grantee: str
    kind: str
    country: str
    project: str
    advances_women: str
    amount: Decimal
    currency: str
    decided_on: dt.date | None
    reported: bool


@router.get("/calls", response={200: list[CallOut], **ERRORS}, url_name="grants_calls")
@paginate(Page)
def list_calls(request: HttpRequest) -> QuerySet[Call]:
    """Calls for micro-grants, latest deadline first, with budget, grants made and what is left. *Paged.*"""
    return Call.objects.all()


@router.get("/grants", response={200: list[GrantOut], **ERRORS}, url_name="grants_grants")
@paginate(Page)
def list_grants(request: HttpRequest) -> list[dict[str, Any]]:
    """Funded micro-grants: who received what, for what. *Paged.*"""
    return [queries.grant_row(grant) for grant in queries.funded()]
