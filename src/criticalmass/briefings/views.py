"""The briefing builder: choose an audience and a context, read the briefing, download its PDF.

Public, like the evidence it draws on (only public evidence goes into a briefing). A request that
cannot make a briefing gets the form back with a sentence saying why, and a 400.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_safe

from criticalmass.briefings import build as builder
from criticalmass.briefings import pdfs
from criticalmass.briefings.models import Audience
from criticalmass.briefings.tasks import build_pdf
from criticalmass.core.models import Country
from criticalmass.core.proxies import client_address
from criticalmass.parity import queries
from criticalmass.parity.models import Process


def form_context(request: HttpRequest, error: str = "") -> dict[str, object]:
    return {
        "audiences": Audience.objects.all(),
        "missions": queries.operations_with_data(),
        "processes": Process.objects.filter(kind=Process.Kind.NEGOTIATION),
        "countries": Country.objects.all(),
        "chosen": request.GET,
        "error": error,
        "briefing_languages": builder.LANGUAGES,
    }


@require_safe
def builder_page(request: HttpRequest) -> HttpResponse:
    return render(request, "briefings/builder.html", form_context(request))


def made(request: HttpRequest) -> builder.Briefing | HttpResponse:
    try:
        return builder.build(request.GET.dict())
    except builder.BriefingError as exc:
        status = 404 if isinstance(exc, builder.NotFound) else 400
        return render(request, "briefings/builder.html", form_context(request, str(exc)), status=status)


@require_safe
def briefing(request: HttpRequest) -> HttpResponse:
    result = made(request)
    if isinstance(result, HttpResponse):
        return result
    with translation.override(result.language):  # the briefing's language, not the interface's
        html = render_to_string("briefings/briefing.html",
                                {"b": result, "query": request.GET.urlencode(), "pdf": False},
                                request=request)
    return HttpResponse(html)


@require_safe
def briefing_pdf(request: HttpRequest) -> HttpResponse:
    """The PDF from the cache; else built by the queue (here without a broker, in a worker with one,
    the page then reloading until it is ready), at most CRITICALMASS_PDF_BUILDS_PER_MINUTE new builds
    per client and minute."""
    result = made(request)
    if isinstance(result, HttpResponse):
        return result
    query = {**request.GET.dict(), "language": result.language}  # the PDF's language in its key
    pdf_key = pdfs.key(query)
    pdf = pdfs.cached(pdf_key)
    if pdf is None:
        if pdfs.start_building(pdf_key):
            if not pdfs.may_build(client_address(request)):
                cache.delete(f"{pdf_key}:building")
                return render(request, "briefings/builder.html", form_context(
                    request, "Too many new PDFs were asked for from your address in the last minute; "
                             "try again in a minute (PDFs already made are not limited)."), status=429)
            build_pdf.delay(query, pdf_key)  # without a broker this builds it here and now
        pdf = pdfs.cached(pdf_key)
        if pdf is None:
            response = render(request, "briefings/preparing.html", {"b": result}, status=202)
            response["Refresh"] = "3"
            response["Retry-After"] = "3"
            return response
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"briefing-{result.audience.slug}-{result.context_slug.lower()}-{result.date.isoformat()}"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
