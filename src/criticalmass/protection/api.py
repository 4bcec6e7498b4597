"""JSON API of the protection context (mounted at /api/protection/): a country's SVAC actor-years with
reports of sexual violence, the same rows as the pages' table and CSV. Public and read-only."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from criticalmass.api_common import ERRORS
from criticalmass.core.models import Country
from criticalmass.protection.figures import country_context

router = Router()


class ReportOut(Schema):
    year: int
    actor: str
    actor_type: str
    state_prev: int | None = Field(..., description="U.S. State Department: 0 none, 1 isolated, 2 numerous, "
                                                    "3 massive; null where no report was found.")
    ai_prev: int | None = Field(..., description="Amnesty International, coded as state_prev.")
    hrw_prev: int | None = Field(..., description="Human Rights Watch, coded as state_prev.")
    forms: str | None
    source: str = Field(..., description="The citation of the row: dataset, file, row.")


class ContextOut(Schema):
    country: str = Field(..., description="ISO 3166-1 alpha-3 code.")
    label: str
    as_of: dt.date
    coverage: str
    coded: int = Field(..., description="Actor-years SVAC codes in the country, reported or not.")
    reported: int = Field(..., description="Of them, those with a report of sexual violence.")
    citation: str
    reports: list[ReportOut]


@router.get("/countries/{iso3}", response={200: ContextOut, **ERRORS}, url_name="protection_country")
def get_country(request: HttpRequest, iso3: str) -> dict[str, Any]:
    """A country's protection context: armed actors reported to commit sexual violence (SVAC)."""
    country = Country.objects.filter(iso3=iso3.upper()).first()
    if country is None:
        raise Http404(f"There is no country '{iso3}'.")
    found = country_context(country)
    if found is None:
        raise Http404("No SVAC data is imported.")
    return {
        "country": country.iso3, "label": found.label, "as_of": found.table.as_of,
        "coverage": found.source.coverage, "coded": found.coded, "reported": found.reported,
        "citation": found.source.citation,
        "reports": [{key: row[key] for key in (*ReportOut.model_fields,)} for row in found.table.rows],
    }
