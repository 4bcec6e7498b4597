"""An organisation's public page: its name, kind and country, and what other apps add to it through
`core.sections` (kind "organization"): trainings, and later grants and commitments."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from criticalmass.core.models import Organization
from criticalmass.core.sections import sections_for


@require_safe
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Organization.objects.select_related("country"), pk=pk)
    return render(request, "core/organisation.html", {"organisation": found,
                                                      "sections": sections_for("organization", found)})
