"""The briefing builder: choose an audience and a context, read the briefing, download its PDF.

Public, like the evidence it draws on (only public evidence goes into a briefing). A request that
cannot make a briefing gets the form back with a sentence saying why, and a 400.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_safe

from criticalmass.briefings import build as builder
from criticalmass.briefings.models import Audience
from criticalmass.core.models import Country
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


def pdf_bytes(request: HttpRequest, result: builder.Briefing) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only this view needs

    with translation.override(result.language):
        html = render_to_string("briefings/briefing.html", {"b": result, "pdf": True}, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()  # type: ignore[no-any-return]


@require_safe
def briefing_pdf(request: HttpRequest) -> HttpResponse:
    result = made(request)
    if isinstance(result, HttpResponse):
        return result
    response = HttpResponse(pdf_bytes(request, result), content_type="application/pdf")
    name = f"briefing-{result.audience.slug}-{result.context_slug.lower()}-{result.date.isoformat()}"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
