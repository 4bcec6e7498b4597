"""The protection context's CSV downloads (the pages that show it are other apps')."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from criticalmass.core.models import Country
from criticalmass.figures.pages import one_table
from criticalmass.protection.figures import country_context


@require_safe
def country_csv(request: HttpRequest, iso3: str, name: str) -> HttpResponse:
    """The country's table as CSV (`sexual-violence`), or its notes (`sexual-violence-notes`)."""
    country = get_object_or_404(Country, iso3=iso3.upper())
    found = country_context(country)
    if found is None:
        raise Http404("No SVAC data is imported.")
    return one_table({found.table.name: found.table}, name, f"{country.iso3.lower()}-protection", request)
