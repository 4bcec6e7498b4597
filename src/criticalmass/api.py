"""The JSON API under /api/: one NinjaAPI, one router per app, one error shape.

Every error is {"error": {"status": int, "code": str, "message": str, "details": list}}: invalid
parameters (422), unknown objects or routes (404), methods a route does not take (405) and
unexpected failures (500) alike. Interactive docs at /api/docs use the swagger-ui files bundled
with django-ninja and served from our own static files, never a CDN.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver, re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.operation import Operation

import criticalmass
from criticalmass.agreements.api import router as agreements_router
from criticalmass.api_common import BadCursor, error_body
from criticalmass.awards.api import router as awards_router
from criticalmass.briefings.api import router as briefings_router
from criticalmass.charter.api import router as charter_router
from criticalmass.doors.api import router as doors_router
from criticalmass.events.api import router as events_router
from criticalmass.grants.api import router as grants_router
from criticalmass.hub.api import router as hub_router
from criticalmass.parity.api import router as parity_router
from criticalmass.protection.api import router as protection_router
from criticalmass.reviews.api import router as reviews_router
from criticalmass.trainings.api import router as trainings_router
from criticalmass.watchdog.api import router as watchdog_router

logger = logging.getLogger("criticalmass.api")
View = Callable[..., HttpResponseBase]
DOCS_ROUTES = {"openapi-json", "openapi-view"}
HTTP_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 422: "invalid", 429: "throttled"}


class CriticalMassAPI(NinjaAPI):
    """NinjaAPI whose URL patterns answer in the error shape where ninja would answer otherwise."""

    def get_openapi_operation_id(self, operation: Operation) -> str:
        """parity_list_processes rather than criticalmass_parity_api_list_processes."""
        app = operation.view_func.__module__.removeprefix("criticalmass.").removesuffix(".api")
        return f"{app}_{operation.view_func.__name__}".replace(".", "_")

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        patterns: list[URLResolver | URLPattern] = []
        for p in super()._get_urls():
            if not isinstance(p, URLPattern):
                patterns.append(p)
            elif p.name == "api-root":  # ninja's root raises a bare 404; keep its name for reverse()
                patterns.append(URLPattern(p.pattern, no_route, p.default_args, p.name))
            else:
                wrap = get_only if p.name in DOCS_ROUTES else shaped_405
                patterns.append(URLPattern(p.pattern, wrap(p.callback), p.default_args, p.name))
        patterns.append(re_path(r"^", no_route, name="no-route"))
        return patterns


api = CriticalMassAPI(
    title="Critical Mass API",
    version=criticalmass.__version__,
    description="Women's participation in peace processes and operations, against targets. "
    "Every figure carries its source. Every route is public and read-only. Errors share one shape: "
    '{"error": {"status", "code", "message", "details"}}.',
    urls_namespace="api",
)


def error_response(request: HttpRequest, status: int, code: str, message: str,
                   details: list[Any] | None = None) -> HttpResponse:
    return api.create_response(request, error_body(status, code, message, details), status=status)


def not_allowed(request: HttpRequest, allowed: str) -> HttpResponse:
    response = error_response(request, 405, "method_not_allowed",
                              f"{request.method} is not allowed here; use {allowed}.")
    response["Allow"] = allowed
    return response


def shaped_405(view: View) -> View:
    """Ninja answers a method a route does not take with a plain-text 405; answer in the shape."""
    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            return not_allowed(request, response["Allow"])
        return response

    return wrapper


def get_only(view: View) -> View:
    """The schema and the docs page are read with GET; anything else is a 405 in the shape."""
    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method != "GET":
            return not_allowed(request, "GET")
        return view(request, *args, **kwargs)

    return wrapper


@csrf_exempt
def no_route(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    message = f"There is no API route at {request.path}. The routes are listed at /api/docs."
    return error_response(request, 404, "not_found", message)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = [{"loc": list(e.get("loc", [])), "msg": e.get("msg", "")} for e in exc.errors]
    return error_response(request, 422, "invalid", "The request's parameters are not valid.", details)


@api.exception_handler(BadCursor)
def on_bad_cursor(request: HttpRequest, exc: BadCursor) -> HttpResponse:
    """Any text is a cursor by the schema, but only the API's own `next` leads to a page: 404."""
    return error_response(request, 404, "not_found", f"No such page: `after` is {exc}.")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not_found", str(exc) or "Not found.")


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "unauthenticated", "Log in to do this.")


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, "forbidden", str(exc) or "Your account's role does not allow this.")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(request, exc.status_code, HTTP_CODES.get(exc.status_code, "error"), str(exc))


@api.exception_handler(Exception)
def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Anything unexpected: log the traceback, tell the client no more than that it failed."""
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return error_response(request, 500, "server_error",
                          "Something went wrong on our side. The error has been logged.")


api.add_router("/parity/", parity_router, tags=["parity"])
api.add_router("/agreements/", agreements_router, tags=["agreements"])
api.add_router("/charter/", charter_router, tags=["charter"])
api.add_router("/events/", events_router, tags=["events"])
api.add_router("/watchdog/", watchdog_router, tags=["watchdog"])
api.add_router("/hub/", hub_router, tags=["hub"])
api.add_router("/protection/", protection_router, tags=["protection"])
api.add_router("/briefings/", briefings_router, tags=["briefings"])
api.add_router("/trainings/", trainings_router, tags=["trainings"])
api.add_router("/doors/", doors_router, tags=["doors"])
api.add_router("/reviews/", reviews_router, tags=["reviews"])
api.add_router("/grants/", grants_router, tags=["grants"])
api.add_router("/awards/", awards_router, tags=["awards"])
