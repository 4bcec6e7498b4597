"""JSON API of the gender review gate (mounted at /api/reviews/): documents and their status. Public and
read-only; the checklist answers and comments stay with the submitter, the reviewer and the secretariat."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.reviews import gate
from criticalmass.reviews.models import Document, Status

router = Router()


class StatusChangeOut(Schema):
    status: str
    at: dt.datetime


class DocumentOut(Schema):
    slug: str
    title: str
    kind: str
    status: str = Field(..., description="not_reviewed, under_review, reviewed_with_changes or approved")
    url: str
    organisation: str | None
    plan: str | None = Field(..., description="The watchdog plan's slug")
    process: str | None = Field(..., description="The mission's or process's slug")
    submitted_at: dt.datetime
    history: list[StatusChangeOut]

    @staticmethod
    def resolve_organisation(obj: Document) -> str | None:
        return obj.organization.name if obj.organization else None

    @staticmethod
    def resolve_plan(obj: Document) -> str | None:
        return obj.plan.slug if obj.plan else None

    @staticmethod
    def resolve_process(obj: Document) -> str | None:
        return obj.process.slug if obj.process else None

    @staticmethod
    def resolve_history(obj: Document) -> list[StatusChangeOut]:
        return [StatusChangeOut(status=c.status, at=c.at) for c in obj.status_changes.all()]


class DocumentFilters(Schema):
    status: Status | None = None


@router.get("/documents", response={200: list[DocumentOut], **ERRORS}, url_name="reviews_documents")
@paginate(Page)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> QuerySet[Document]:
    """Documents submitted for gender review, newest first, with their status and its history."""
    status = filters.status.value if filters.status else ""
    return gate.documents(status).prefetch_related("status_changes")


@router.get("/documents/{slug}", response={200: DocumentOut, **ERRORS}, url_name="reviews_document")
def get_document(request: HttpRequest, slug: str) -> Document:
    """One document's gender review status and its history."""
    found = gate.documents().filter(slug=slug).first()
    if found is None:
        raise Http404(f"There is no document '{slug}' under gender review.")
    return found
