"""What every app's API router shares: the one error shape and the one way to page a list.

Kept apart from criticalmass.api (which imports every router) so routers can import it too.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_PAGE_SIZE = 1000
PAGE_SIZE = max(1, min(settings.API_PAGE_SIZE, MAX_PAGE_SIZE))


class ErrorBody(Schema):
    status: int = Field(..., description="The HTTP status, repeated.")
    code: str = Field(..., description="A stable machine-readable code, e.g. not_found, invalid.")
    message: str = Field(..., description="A sentence for people.")
    details: list[Any] = Field(..., description="For invalid requests: [{loc, msg}] per bad parameter.")


class ErrorOut(Schema):
    error: ErrorBody


ERRORS = {404: ErrorOut, 405: ErrorOut, 422: ErrorOut, 500: ErrorOut}
"""Responses every route can give, for the OpenAPI schema: `response={200: X, **ERRORS}`."""


def error_body(status: int, code: str, message: str, details: list[Any] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


class Page(LimitOffsetPagination):
    """limit/offset paging; the page says how it was cut. A limit over the maximum is invalid (422)."""

    class Input(Schema):
        limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")
        offset: int = Field(0, ge=0, description="Items to skip.")

    class Output(Schema):
        count: int = Field(..., description="Items matching the filters, on every page.")
        limit: int
        offset: int
        items: list[Any]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest,
                          **params: Any) -> dict[str, Any]:
        start, stop = pagination.offset, pagination.offset + pagination.limit
        return {"count": self._items_count(queryset), "limit": pagination.limit,
                "offset": pagination.offset, "items": queryset[start:stop]}
