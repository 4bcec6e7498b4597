"""Prometheus metrics for operators: requests and latencies (django-prometheus), imports by dataset,
on a path only a holder of CRITICALMASS_METRICS_TOKEN reaches."""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import Counter

IMPORTS = Counter("criticalmass_imports_total", "Imports that finished, by dataset.", ["dataset"])
IMPORTED_ROWS = Counter("criticalmass_imported_records_total",
                        "Records created, updated or removed by imports, by dataset and change.",
                        ["dataset", "change"])


def count_import(sender: Any, dataset: str, summary: Any, **kwargs: Any) -> None:
    IMPORTS.labels(dataset).inc()
    for change in ("created", "updated", "removed"):
        IMPORTED_ROWS.labels(dataset, change).inc(int(getattr(summary, change, 0) or 0))


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """The metrics, for `Authorization: Bearer <CRITICALMASS_METRICS_TOKEN>` only; to anyone else
    (and when no token is set) the path does not exist."""
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise Http404("No such page.")
    response: HttpResponse = ExportToDjangoView(request)
    return response
