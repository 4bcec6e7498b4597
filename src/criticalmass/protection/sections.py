"""The protection context as a section of other apps' pages (core.sections): a country's profile
and a peace operation's page, for its host country. The pages never import this app."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from criticalmass.core.models import Country
from criticalmass.core.sections import Section
from criticalmass.protection.figures import Context, country_context

TEMPLATE = "protection/_context.html"
OPERATION = "operation"  # parity's Process.Kind.OPERATION, by value: this app does not import parity


def section(context: Context) -> Section:
    context.table.csv_url = reverse("protection:country_csv", args=[context.country.iso3, context.table.name])
    return Section(context.label, TEMPLATE, {"context": context})


def country_section(country: Country) -> Section | None:
    found = country_context(country)
    return section(found) if found else None


def mission_section(process: Any) -> Section | None:
    """For a peace operation with a host country: that country's context."""
    if getattr(process, "kind", None) != OPERATION or process.host_country is None:
        return None
    found = country_context(process.host_country)
    return section(found) if found else None
