"""What every app's API router shares: the one error shape and the one way to page a list.

Kept apart from criticalmass.api (which imports every router) so routers can import it too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponseBadRequest, JsonResponse
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import BeforeValidator

MAX_PAGE_SIZE = 1000
PAGE_SIZE = max(1, min(settings.API_PAGE_SIZE, MAX_PAGE_SIZE))
MAX_OFFSET = 10_000
"""Deeper than this, a list is read with its `next` cursor (keyset paging): an offset makes the
database walk every skipped row, so 80,000 skipped rows cost seconds per request."""
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    """Only YYYY-MM-DD (or a date) is a date here: pydantic alone also reads 0 as 1 January 1970."""
    if isinstance(value, dt.date) or (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
"""A date in a request (query or body): YYYY-MM-DD, nothing else."""


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
    """limit/offset paging up to MAX_OFFSET, and a `next` cursor on every page that has a next one:
    `after=<next>` reads on from there whatever the depth (keyset paging, one indexed seek). A limit or
    offset over its maximum is invalid (422); a cursor the API did not give leads to no page (404)."""

    class Input(Schema):
        limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET,
                            description=f"Items to skip (at most {MAX_OFFSET:,}; deeper, follow `next`).")
        after: str | None = Field(None, max_length=2000,
                                  description="The `next` cursor of the previous page: the items after it.")

    class Output(Schema):
        count: int = Field(..., description="Items matching the filters, on every page.")
        limit: int
        offset: int
        next: str | None = Field(None, description="Cursor for the following page (`after=`); null on the "
                                 "last page.")
        items: list[Any]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest,
                          **params: Any) -> dict[str, Any]:
        limit, offset = pagination.limit, pagination.offset
        count = self._items_count(queryset)
        fields = keyset_fields(queryset)
        if fields is not None:
            queryset = queryset.order_by(*fields)  # every page cuts the same way
        if pagination.after is not None:
            page = page_after(queryset, fields, pagination.after, limit, count)
        else:
            page = page_at(queryset, fields, offset, limit, count)
        return {"count": count, "limit": limit, "offset": offset, "next": page.next, "items": page.items}


# Keyset paging. A cursor is signed (so a cursor the API did not give is refused, never run) and holds
# either the ordering values of the page's last item ("k": the next page is one indexed seek past them)
# or, where the order cannot be sought (a list, an ordering by an expression, a null in the last item's
# ordering values, which SQLite and PostgreSQL sort differently), the position to read on from ("o").
CURSOR_SALT = "criticalmass.api.cursor"


class BadCursor(ValueError):
    """An `after` that the API did not give."""


@dataclass(frozen=True)
class Cut:
    items: Any
    next: str | None


def keyset_fields(queryset: Any) -> list[str] | None:
    """The queryset's ordering as field names ending with the primary key, or None if it cannot be
    sought (not a queryset, grouped values, an ordering by an expression or at random)."""
    if not isinstance(queryset, QuerySet) or queryset.query.group_by is not None:
        return None
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    if not all(isinstance(name, str) and name != "?" for name in ordering):
        return None
    names = [str(name) for name in ordering]
    if not all(_sortable_column(queryset, name.lstrip("-")) for name in names):
        return None
    if not {"pk", "-pk", "id", "-id"} & set(names):
        names.append("pk")
    return names


def _sortable_column(queryset: Any, path: str) -> bool:
    """A plain column (or an annotation): ordering by a relation sorts by the related model's own
    ordering, which a comparison of ids would not follow."""
    if path in queryset.query.annotations or path == "pk":
        return True
    model = queryset.model
    parts = path.split("__")
    for i, part in enumerate(parts):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if i == len(parts) - 1:
            return not field.is_relation
        if not field.is_relation or field.related_model is None:
            return False
        model = field.related_model
    return False


def page_at(queryset: Any, fields: list[str] | None, offset: int, limit: int, count: int) -> Cut:
    items = queryset[offset:offset + limit]
    return Cut(items, _next_cursor(queryset, fields, items, offset, count))


def page_after(queryset: Any, fields: list[str] | None, after: str, limit: int, count: int) -> Cut:
    position = _read_cursor(after)
    if "o" in position:
        return page_at(queryset, fields, int(position["o"]), limit, count)
    values = position["k"]
    if fields is None or len(values) != len(fields):
        raise BadCursor("this cursor belongs to another list or order")
    beyond = list(queryset.filter(_after(fields, values))[:limit + 1])
    items = beyond[:limit]
    return Cut(items, _keyset_cursor(queryset, fields, items) if len(beyond) > limit else None)


def _after(fields: list[str], values: list[Any]) -> Q:
    """Rows strictly after `values` in the order of `fields` (a leading '-' is descending)."""
    after = Q()
    for i, field in enumerate(fields):
        name = field.lstrip("-")
        equal = {f.lstrip("-"): v for f, v in zip(fields[:i], values[:i], strict=True)}
        beyond = {f"{name}__{'lt' if field.startswith('-') else 'gt'}": values[i]}
        after |= Q(**equal, **beyond)
    return after


def _next_cursor(queryset: Any, fields: list[str] | None, items: Any, offset: int, count: int) -> str | None:
    page = list(items)
    if offset + len(page) >= count or not page:
        return None
    if fields is not None:
        cursor = _keyset_cursor(queryset, fields, page)
        if cursor is not None:
            return cursor
    return signing.dumps({"o": offset + len(page)}, salt=CURSOR_SALT)


def _keyset_cursor(queryset: Any, fields: list[str], page: list[Any]) -> str | None:
    last_pk = getattr(page[-1], "pk", None)
    if last_pk is None:
        return None
    row = queryset.filter(pk=last_pk).values_list(*[f.lstrip("-") for f in fields]).first()
    if row is None or any(value is None for value in row):
        return None
    return signing.dumps({"k": [_plain(value) for value in row]}, salt=CURSOR_SALT)


def _plain(value: Any) -> Any:
    """A value JSON keeps as it is, or its text (dates, decimals), which the database compares alike."""
    if isinstance(value, bool | int | float | str):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _read_cursor(after: str) -> dict[str, Any]:
    try:
        position = signing.loads(after, salt=CURSOR_SALT)
    except signing.BadSignature as error:
        raise BadCursor("not a cursor this API gave; use the `next` of a page") from error
    if not isinstance(position, dict) or not ({"k", "o"} & set(position)):
        raise BadCursor("not a cursor this API gave; use the `next` of a page")
    return position


class NulCharacterMiddleware:
    """A NUL character (\\x00) in the address or its parameters is refused before any view reads it:
    no stored value can hold one (PostgreSQL's text refuses it, and a lookup would fail with a server
    error). The API answers 404 in its error shape (nothing can match such a value); a page, 400."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        where = nul_in(request)
        if where is None:
            return self.get_response(request)
        message = f"The {where} holds a NUL character (\\x00), which no value can hold."
        if request.path.startswith("/api/"):
            return JsonResponse(error_body(404, "not_found", message, [{"loc": [where], "msg": message}]),
                                status=404)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def nul_in(request: HttpRequest) -> str | None:
    """Where a NUL character is: "address", "parameter 'name'", or None."""
    if "\x00" in request.path:
        return "address"
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return f"parameter '{name.replace(chr(0), '')}'"
    return None
