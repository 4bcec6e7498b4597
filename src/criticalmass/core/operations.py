"""What an operator's tools reach: health checks for a load balancer, a request id on every request and
log line, and logs as one JSON object per line."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

REQUEST_ID = contextvars.ContextVar("request_id", default="-")
GIVEN_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")  # an id a proxy sets (X-Request-ID) is kept if it is sane


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID if sane, else a new one), puts it in every log
    line written while the request runs and in the response's X-Request-ID header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if GIVEN_ID.fullmatch(given) else uuid.uuid4().hex
        token = REQUEST_ID.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            REQUEST_ID.reset(token)
        response.headers["X-Request-ID"] = request_id
        return response


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": REQUEST_ID.get(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def database_ready() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)  # loads the migration graph once
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return False, f"unreachable: {type(exc).__name__}"
    return (not pending, "ok" if not pending else f"{len(pending)} migrations not applied")


def cache_ready() -> tuple[bool, str]:
    key = f"criticalmass:readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        found = cache.get(key) == "1"
        cache.delete(key)
    except Exception as exc:  # noqa: BLE001 - any backend's failure means "not ready"
        return False, f"unreachable: {type(exc).__name__}"
    return found, "ok" if found else "a value set could not be read back"


def broker_ready() -> tuple[bool, str]:
    url = getattr(settings, "BROKER_URL", "") or getattr(settings, "CRITICALMASS_REDIS_URL", "")
    if not url:
        return True, "none configured: tasks run in the process"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return False, f"unreachable: {type(exc).__name__}"
    return True, "ok"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers: for a load balancer's liveness check. Nothing else is looked at."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready to serve: the database reachable with every migration applied, the cache and the broker
    reachable. 503 naming what is not, so a load balancer sends no visitor here."""
    checks = {"database": database_ready(), "cache": cache_ready(), "broker": broker_ready()}
    ready = all(ok for ok, _ in checks.values())
    body = {"status": "ready" if ready else "not ready",
            "checks": {name: detail for name, (_, detail) in checks.items()}}
    return JsonResponse(body, status=200 if ready else 503)
