"""Briefing PDFs: built once per inputs and data version (core.data_version) and kept in the shared
cache, built by the queue (a worker, or this process without a broker), and uncached builds limited
per client (CRITICALMASS_PDF_BUILDS_PER_MINUTE): a PDF takes seconds of a worker, a cached one nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from criticalmass.briefings import build as builder
from criticalmass.core import data_version

KEPT = 24 * 3600  # seconds a built PDF stays cached (a new data version makes a new key anyway)
BUILDING = 10 * 60  # seconds a build in the queue keeps others from starting the same one


def key(query: Mapping[str, str]) -> str:
    """The cache key of a briefing's PDF: its inputs, today's date (printed on it) and the data version."""
    inputs = json.dumps(sorted(query.items()), ensure_ascii=True)
    digest = hashlib.sha256(f"{inputs}|{timezone.localdate()}|{data_version.current()}".encode()).hexdigest()
    return f"briefings:pdf:{digest}"


def cached(pdf_key: str) -> bytes | None:
    found = cache.get(pdf_key)
    return found if isinstance(found, bytes) else None


def render(result: builder.Briefing) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only PDFs need

    with translation.override(result.language):  # the briefing's language, not the interface's
        html = render_to_string("briefings/briefing.html", {"b": result, "pdf": True})
    return HTML(string=html, base_url=settings.SITE_URL + "/").write_pdf()  # type: ignore[no-any-return]


def build_and_keep(query: Mapping[str, str], pdf_key: str) -> int:
    """Build the PDF and keep it under its key; the size in bytes."""
    try:
        pdf = render(builder.build(dict(query)))
        cache.set(pdf_key, pdf, KEPT)
    finally:
        cache.delete(f"{pdf_key}:building")
    return len(pdf)


def start_building(pdf_key: str) -> bool:
    """True for the first request to ask for this PDF while none is being built."""
    return bool(cache.add(f"{pdf_key}:building", 1, BUILDING))


def may_build(client: str) -> bool:
    """At most CRITICALMASS_PDF_BUILDS_PER_MINUTE uncached builds per client address and minute."""
    window = f"briefings:pdf-builds:{client}:{int(timezone.now().timestamp() // 60)}"
    cache.add(window, 0, 120)
    try:
        count = cache.incr(window)
    except ValueError:  # the window expired between add and incr
        cache.set(window, 1, 120)
        count = 1
    return int(count) <= settings.PDF_BUILDS_PER_MINUTE
