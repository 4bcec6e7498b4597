"""The Charter to print and to embed: the published version with its goals and signatories as a PDF
(a newspaper page), and a small HTML fragment listing the signatories that other sites may frame."""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_replace
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from criticalmass.charter import queries
from criticalmass.charter.models import current_version
from criticalmass.core import data_version

PDF_CACHE_SECONDS = 24 * 3600


def printable_context() -> dict[str, Any]:
    version = current_version()
    return {"version": version, "signatories": queries.signatory_rows(version),
            "goals": list(version.goals.prefetch_related("processes")) if version else [],
            "consultation": queries.consultation_of(version)}


def pdf_bytes(request: HttpRequest) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDFs need

    html = render_to_string("charter/printable.html", printable_context(), request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()  # type: ignore[no-any-return]


def pdf_key() -> str:
    """Cached by the version published and the data version (signatures, endorsements, goals bump it)."""
    version = current_version()
    return f"charter-pdf:{version.number if version else 0}:{data_version.current()}"


@require_safe
def pdf(request: HttpRequest) -> HttpResponse:
    key = pdf_key()
    made = cache.get(key)
    if made is None:
        made = pdf_bytes(request)
        cache.set(key, made, PDF_CACHE_SECONDS)
    response = HttpResponse(made, content_type="application/pdf")
    number = key.split(":")[1]
    response["Content-Disposition"] = f'attachment; filename="criticalmass-charter-v{number}.pdf"'
    return response


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed(request: HttpRequest) -> HttpResponse:
    """A fragment other sites frame (<iframe src=".../charter/signatories/embed/">): this route alone may
    be framed by any site; it holds no form and nothing private."""
    return HttpResponse(render_to_string("charter/embed.html", printable_context(), request=request))
