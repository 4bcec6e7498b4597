"""Protection context for a country: the armed actors SVAC reports committing sexual violence there.

One figure, `country_table`: every actor-year of the default SVAC source located in the country
with a prevalence code of 1 or more from at least one of the three reports the dataset reads, with
the three codes as the dataset gives them. It says how many actor-years SVAC codes for the country
in all, so a short table is not read as a clean record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Min, Q, QuerySet
from django.utils.translation import gettext_noop

from criticalmass.core.models import Country, Source
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.notes import notes_about, with_notes
from criticalmass.figures.tables import Column, Row, Table, with_sources
from criticalmass.protection.models import ActorType, SexualViolenceReport

DATASET = "SVAC: Sexual Violence in Armed Conflict, 1989–2015"
TABLE = "sexual-violence"
NO_REPORT = "no report found"
PREVALENCE = {0: "no reports", 1: "isolated", 2: "numerous", 3: "massive"}
FORMS = {"1": "rape", "2": "sexual slavery", "3": "forced prostitution", "4": "forced pregnancy",
         "5": "forced sterilization/abortion", "6": "sexual mutilation", "7": "sexual torture"}
COLUMNS = [
    Column("year", gettext_noop("Year"), "year"),
    Column("actor", gettext_noop("Armed actor"), row_header=True),
    Column("actor_type", gettext_noop("Actor type")),
    Column("state_prev", gettext_noop("U.S. State Department"), "int", none=NO_REPORT),
    Column("ai_prev", gettext_noop("Amnesty International"), "int", none=NO_REPORT),
    Column("hrw_prev", gettext_noop("Human Rights Watch"), "int", none=NO_REPORT),
    Column("forms", gettext_noop("Forms reported"), none=gettext_noop("not coded")),
]


@dataclass(frozen=True)
class Context:
    """What a page says of a country's protection context."""

    label: str  # "Protection context: sexual violence reported, 1989–2015"
    country: Country
    table: Table
    coded: int  # actor-years SVAC codes in the country, whether or not reported
    source: Source

    @property
    def reported(self) -> int:
        return len(self.table.rows)


def default_source() -> Source | None:
    return Source.objects.filter(dataset=DATASET, is_default=True).first()


def label(first: int, last: int) -> str:
    return f"Protection context: sexual violence reported, {first}–{last}"


def reported_filter() -> Q:
    return Q(state_prev__gte=1) | Q(ai_prev__gte=1) | Q(hrw_prev__gte=1)


def forms_text(codes: str) -> str | None:
    return "; ".join(FORMS[code] for code in codes.split(",")) if codes else None


def row_of(report: SexualViolenceReport) -> Row:
    span = RowSpan.one(report.source_id, report.source_row)
    return {"year": report.year, "actor": report.actor, "actor_type": ActorType(report.actor_type).label,
            "state_prev": report.state_prev, "ai_prev": report.ai_prev, "hrw_prev": report.hrw_prev,
            "forms": forms_text(report.forms), "_spans": [span]}


def country_context(country: Country) -> Context | None:
    """None when no SVAC source is imported: the page then says nothing of protection."""
    source = default_source()
    if source is None:
        return None
    reports: QuerySet[SexualViolenceReport] = SexualViolenceReport.objects.filter(source=source)
    years = reports.aggregate(first=Min("year"), last=Max("year"))
    if years["last"] is None:
        return None
    own = reports.filter(country=country)
    shown = list(own.filter(reported_filter()).order_by("year", "actor"))
    title = label(years["first"], years["last"])
    table = Table(TABLE, f"{title}: armed actors in conflicts located in {country.name}, by year",
                  COLUMNS, [row_of(report) for report in shown],
                  spans=[RowSpan.one(source.pk, report.source_row) for report in shown],
                  as_of=dt.date(years["last"], 12, 31))
    with_sources(table)
    lines = list(own.values_list("source_row", flat=True))
    with_notes(table, notes_about([f"svac-row:{line}" for line in lines], sources=[source.slug]))
    return Context(title, country, table, len(lines), source)
