"""The agreements pages' figures as tables (parity.figures.Table): what the page shows, the chart
draws and the CSV holds. Each row cites the source rows it counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_noop

from criticalmass.agreements import codebook, queries
from criticalmass.agreements.models import Agreement, Mandate, RubricItem
from criticalmass.agreements.queries import Seat, Share
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.notes import notes_about, with_notes
from criticalmass.figures.tables import Column, Row, Table, one_decimal, with_sources
from criticalmass.lib.notes import agreement_subject
from criticalmass.parity.figures import ROLE_LABELS
from criticalmass.parity.models import Category, Process

GROUP_LABELS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "year": ("Year", str),
    "region": ("Region", lambda v: v or "not given"),
    "stage": ("Stage", codebook.stage_label),
    "type": ("Agreement type", codebook.type_label),
}


def agreement_link(row: Row) -> str:
    return reverse("agreements:agreement", args=[row["pax_id"]])


def process_link(row: Row) -> str | None:
    return reverse("agreements:process", args=[row["process_slug"]]) if row.get("process_slug") else None


SHARE_COLUMNS = [
    Column("agreements", gettext_noop("Agreements"), "int"),
    Column("with_provisions", gettext_noop("With provisions on women, girls and gender"), "int"),
    Column("share", gettext_noop("Share with such provisions"), "pct"),
]


def share_rows(found: list[Share], key: str, label: Callable[[Any], str]) -> list[Row]:
    # `reached` and `with_data` feed the shared bar chart (parity.charts.count_bars); not in the CSV.
    return [{key: label(s.key), "agreements": s.agreements, "with_provisions": s.with_provisions,
             "share": one_decimal(s.share), "reached": s.with_provisions, "with_data": s.agreements,
             "_spans": s.spans} for s in found]


def scoped(caption: str, scope: queries.Scope | None) -> str:
    return f"{caption} ({scope.label})" if scope and scope.label else caption


def shares_table(by: str, scope: queries.Scope | None = None) -> Table:
    """Per year (region, stage, type): agreements, those with gender provisions, and the share."""
    title, label = GROUP_LABELS[by]
    found = queries.shares(by, scope.agreements() if scope else None)
    caption = scoped(f"Peace agreements with provisions on women, girls and gender, by {title.lower()}",
                     scope)
    columns = [Column(by, title, row_header=True), *SHARE_COLUMNS]
    spans = [span for s in found for span in s.spans]
    return with_sources(Table(by, caption, columns, share_rows(found, by, label), spans=spans))


PILLAR_COLUMNS = [
    Column("pillar", gettext_noop("Pillar"), row_header=True),
    Column("agreements", gettext_noop("Agreements with provisions in it"), "int"),
    Column("coded", gettext_noop("Agreements coded in PA-X Gender"), "int"),
    Column("share", gettext_noop("Share of those coded"), "pct"),
]


def pillars_table(scope: queries.Scope | None = None) -> Table:
    """Per pillar: how many of the agreements PA-X Gender codes have a provision in it."""
    agreements = scope.agreements() if scope else None
    with_codes, no_code = queries.coded_agreements(agreements), queries.listed_with_no_code(agreements)
    coded, rows, spans = with_codes + no_code, [], []
    for pillar, n, pillar_spans in queries.pillar_counts(agreements):
        spans += pillar_spans
        rows.append({"pillar": pillar.name, "agreements": n, "coded": coded,
                     "share": one_decimal(100.0 * n / coded) if coded else None, "_spans": pillar_spans})
    caption = scoped("Agreements with provisions on women, girls and gender, by pillar (PA-X Gender)", scope)
    if no_code:
        caption += (f"; of the {coded:,} agreements coded, {no_code:,} are listed with no code set and "
                    "counted as coded with no provision")
    table = with_sources(Table("pillars", caption, PILLAR_COLUMNS, rows, spans=spans))
    return with_notes(table, queries.no_code_notes(agreements))


def overview_tables(scope: queries.Scope | None = None) -> dict[str, Table]:
    return {**{by: shares_table(by, scope) for by in GROUP_LABELS}, "pillars": pillars_table(scope)}


# ---- One agreement -------------------------------------------------------------------------

PROVISION_COLUMNS = [
    Column("pillar", gettext_noop("Pillar"), none=gettext_noop("no pillar"), row_header=True),
    Column("label", gettext_noop("Provision (PA-X Gender code)")),
    Column("code", gettext_noop("Code")),
]
SEAT_COLUMNS = [
    Column("role_label", gettext_noop("Role"), row_header=True),
    Column("women", gettext_noop("Women"), "int"),
    Column("total", gettext_noop("Delegates"), "int"),
    Column("share", gettext_noop("Women's share"), "pct"),
]


def provisions_table(agreement: Agreement) -> Table:
    rows, spans = [], []
    for provision in queries.provisions_of(agreement):
        span = RowSpan(provision.source_id, provision.source_row, provision.source_row, 1)
        spans.append(span)
        rows.append({"pillar": provision.code.pillar.name if provision.code.pillar else None,
                     "label": provision.code.label, "code": provision.code.code, "_spans": [span]})
    caption = f"Provisions on women, girls and gender in PA-X {agreement.pax_id}, by pillar"
    return with_sources(Table("provisions", caption, PROVISION_COLUMNS, rows, spans=spans))


def seats_table(agreement: Agreement) -> Table:
    found = queries.seats([agreement.pax_id]).get(agreement.pax_id, {})
    order = {role: i for i, role in enumerate(Category.values)}
    rows = [seat_row(seat) for seat in sorted(found.values(), key=lambda s: order.get(s.role, 99))]
    caption = f"Delegates at the table of PA-X {agreement.pax_id}, by role (PADD)"
    spans = [s.span for s in found.values()]
    return with_sources(Table("delegates", caption, SEAT_COLUMNS, rows, spans=spans))


def seat_row(seat: Seat) -> Row:
    share = 100.0 * seat.women / seat.total if seat.women is not None and seat.total else None
    return {"role": seat.role, "role_label": ROLE_LABELS.get(seat.role, seat.role), "women": seat.women,
            "total": seat.total, "share": one_decimal(share), "_spans": [seat.span]}


def agreement_tables(agreement: Agreement) -> dict[str, Table]:
    """Its provisions (PA-X, PA-X Gender) and delegates (PADD), each with its sources' notes on it."""
    notes = notes_about([agreement_subject(agreement.pax_id)])
    pax = Q(source__slug__startswith="pax")
    return {"provisions": with_notes(provisions_table(agreement), notes.filter(pax)),
            "delegates": with_notes(seats_table(agreement), notes.exclude(pax))}


# ---- A process's timeline ------------------------------------------------------------------

def lines_of(seats: dict[str, Seat]) -> list[RowSpan]:
    """The source lines of an agreement's seats, each once (PADD gives every role on one line)."""
    return list({(s.span.source_id, s.span.first): s.span for s in seats.values()}.values())


def share_of(seat: Seat | None) -> float | None:
    if seat is None or seat.women is None or not seat.total:
        return None
    return one_decimal(100.0 * seat.women / seat.total)


TIMELINE_COLUMNS = [
    Column("date", gettext_noop("Date"), "date"),
    Column("name", gettext_noop("Agreement"), link=agreement_link, row_header=True),
    Column("stage", gettext_noop("Stage")),
    Column("gender_provisions", gettext_noop("Provisions on women, girls and gender"), "yesno"),
    Column("pillars", gettext_noop("Pillars covered"), none=gettext_noop("none coded")),
    Column("signatories", gettext_noop("Women among signatories"), "pct"),
    Column("negotiators", gettext_noop("Women among negotiators"), "pct"),
]


def timeline_table(process: Process) -> Table:
    agreements = list(process.agreements.order_by("date", "pax_id"))
    pillars = queries.pillars_by_agreement([a.pk for a in agreements])
    seats = queries.seats([a.pax_id for a in agreements], queries.TABLE_ROLES)
    rows, spans = [], []
    for agreement in agreements:
        own = seats.get(agreement.pax_id, {})
        row_spans = [RowSpan(agreement.source_id, agreement.source_row, agreement.source_row, 1),
                     *lines_of(own)]
        spans += row_spans
        rows.append({
            "date": agreement.date, "pax_id": agreement.pax_id, "name": agreement.name,
            "stage": codebook.stage_label(agreement.stage), "gender_provisions": agreement.gender_provisions,
            "pillars": ", ".join(pillars.get(agreement.pk, [])) or None,
            "signatories": share_of(own.get(Category.SIGNATORIES)),
            "negotiators": share_of(own.get(Category.NEGOTIATORS)),
            "_spans": row_spans,
        })
    return with_sources(Table("timeline", f"Agreements of {process.name}, oldest first", TIMELINE_COLUMNS,
                              rows, spans=spans))


# ---- A country's agreements (the watchdog's country profile) --------------------------------

COUNTRY_COLUMNS = [
    Column("year", gettext_noop("Year"), "year"),
    Column("name", gettext_noop("Agreement"), link=agreement_link, row_header=True),
    Column("process", gettext_noop("Peace process"), link=process_link),
    Column("stage", gettext_noop("Stage")),
    Column("pillars", gettext_noop("Pillars covered"), none=gettext_noop("none coded")),
]


def country_table(iso3: str, country_name: str) -> Table:
    """The peace agreements PA-X locates in a country, oldest first, with the pillars each covers."""
    agreements = list(queries.agreements_for_country(iso3))
    pillars = queries.pillars_by_agreement([a.pk for a in agreements])
    rows, spans = [], []
    for agreement in agreements:
        span = RowSpan(agreement.source_id, agreement.source_row, agreement.source_row, 1)
        spans.append(span)
        rows.append({
            "year": agreement.date.year, "pax_id": agreement.pax_id, "name": agreement.name,
            "process": agreement.process.name, "process_slug": agreement.process.slug,
            "stage": codebook.stage_label(agreement.stage),
            "pillars": ", ".join(pillars.get(agreement.pk, [])) or None, "_spans": [span],
        })
    caption = f"Peace agreements concerning {country_name} (PA-X), oldest first"
    return with_sources(Table("agreements", caption, COUNTRY_COLUMNS, rows, spans=spans))


# ---- Did women at the table change the text? ------------------------------------------------

GROUPS = {True: "Women reached the floor", False: "Women below the floor", None: "Not known"}


def comparison_rows(floor: Decimal) -> tuple[list[Row], list[Row]]:
    """Per agreement PADD lists: whether women reached the floor at the table, and its provisions.

    An agreement PADD lists without coding any count (a "not-coded" note) is *not known*, as
    docs/data.md says, so the groups hold all of PADD's agreements (116), not only the coded ones."""
    seats, listed_only = queries.seats(roles=queries.TABLE_ROLES), queries.not_coded()
    ids = [*seats, *listed_only]
    agreements = Agreement.objects.filter(pax_id__in=ids).select_related("process").order_by("date", "pax_id")
    detail: list[Row] = []
    groups: dict[bool | None, list[Row]] = {True: [], False: [], None: []}
    for agreement in agreements:
        own = seats.get(agreement.pax_id, {})  # none: PADD lists it without coding a count
        reached = queries.at_the_table(own, floor)
        row = {"date": agreement.date, "pax_id": agreement.pax_id, "name": agreement.name,
               "process": agreement.process.name, "process_slug": agreement.process.slug,
               "signatories": share_of(own.get(Category.SIGNATORIES)),
               "negotiators": share_of(own.get(Category.NEGOTIATORS)), "group": GROUPS[reached],
               "gender_provisions": agreement.gender_provisions,
               "_spans": [RowSpan(agreement.source_id, agreement.source_row, agreement.source_row, 1),
                          *lines_of(own), *([listed_only[agreement.pax_id]] if not own else [])]}
        groups[reached].append(row)
        detail.append(row)
    return [group_row(GROUPS[key], rows) for key, rows in groups.items()], detail


def group_row(label: str, rows: list[Row]) -> Row:
    with_provisions = sum(r["gender_provisions"] for r in rows)
    return {"group": label, "agreements": len(rows), "with_provisions": with_provisions,
            "share": one_decimal(100.0 * with_provisions / len(rows)) if rows else None,
            "reached": with_provisions, "with_data": len(rows),
            "_spans": [span for r in rows for span in r["_spans"]]}


COMPARISON_DETAIL_COLUMNS = [
    Column("date", gettext_noop("Date"), "date"),
    Column("name", gettext_noop("Agreement"), link=agreement_link, row_header=True),
    Column("process", gettext_noop("Process"), link=process_link),
    Column("signatories", gettext_noop("Women among signatories"), "pct"),
    Column("negotiators", gettext_noop("Women among negotiators"), "pct"),
    Column("group", gettext_noop("Group")),
    Column("gender_provisions", gettext_noop("Provisions on women, girls and gender"), "yesno"),
]


def comparison_tables(floor: Decimal) -> dict[str, Table]:
    summary, detail = comparison_rows(floor)
    floor_text = f"{floor.normalize():f}%"
    spans = [span for row in summary for span in row["_spans"]]
    label = f"Women among signatories or negotiators (floor {floor_text})"
    columns = [Column("group", label, row_header=True),
               *SHARE_COLUMNS]
    return {
        "groups": with_sources(Table("groups", f"Agreements with gender provisions, by whether women reached "
                                     f"{floor_text} at the table", columns, summary, spans=list(spans))),
        "agreements": with_sources(Table("agreements", "Agreements with delegates counted in PADD",
                                         COMPARISON_DETAIL_COLUMNS, detail, spans=list(spans))),
    }


# ---- Mandate scorecards and renewals -------------------------------------------------------

def resolution_link(row: Row) -> str | None:
    """The resolution's text, when its address is known."""
    return row.get("url") or None


CATEGORY_COLUMNS = [Column(category, f"{label} (%)", "pct", none=gettext_noop("not rated"))
                    for category, label in RubricItem.Category.choices]
MANDATE_COLUMNS = [
    Column("resolution", gettext_noop("Resolution"), row_header=True, link=resolution_link),
    Column("adopted", gettext_noop("Adopted"), "date", none=gettext_noop("not given")),
    Column("expires", gettext_noop("Expires"), "date", none=gettext_noop("not given")),
    Column("score", gettext_noop("Score (%)"), "pct", none=gettext_noop("not rated")),
    Column("rated", gettext_noop("Items rated")),
    *CATEGORY_COLUMNS,
]


def mandate_row(mandate: Mandate, items: list[RubricItem]) -> Row:
    found = queries.mandate_score(mandate, items)
    reviewers = sorted({e.updated_by.public_name
                        for e in mandate.entries.all() if e.updated_by})
    by = f" by {', '.join(reviewers)}" if reviewers else ""
    source = f"{mandate.resolution}, rated on this platform{by}"
    return {"resolution": mandate.resolution, "url": mandate.url, "adopted": mandate.adopted,
            "expires": mandate.expires,
            "score": one_decimal(found.value), "rated": f"{found.rated} of {found.items}",
            **{category: one_decimal(found.parts.get(category)) for category in RubricItem.Category.values},
            "source": source}


def mandates_table(process: Process) -> Table:
    items = queries.rubric()
    rows = [mandate_row(m, items) for m in queries.mandates_of(process)]
    return Table("mandates", f"Mandates of {process.name} scored against the rubric, newest first",
                 MANDATE_COLUMNS, rows)


def mission_link(row: Row) -> str:
    return reverse("agreements:mandates", args=[row["process_slug"]])


RENEWAL_COLUMNS = [
    Column("expires", gettext_noop("Expires"), "date"),
    Column("mission", gettext_noop("Mission"), link=mission_link, row_header=True),
    Column("resolution", gettext_noop("Latest resolution"), link=resolution_link),
    Column("score", gettext_noop("Score (%)"), "pct", none=gettext_noop("not rated")),
    Column("women_share", gettext_noop("Women among uniformed personnel (%)"), "pct"),
    Column("women_share_date", gettext_noop("Share as of"), "month", none="—"),
    Column("parity_status", gettext_noop("Parity status"), "status"),
]


def renewals_table(today: dt.date) -> Table:
    items = queries.rubric()
    rows = []
    for mandate in queries.renewals(today):
        status = queries.parity_status(mandate.process)
        row = mandate_row(mandate, items)
        rows.append({**row, "mission": mandate.process.code or mandate.process.name,
                     "process_slug": mandate.process.slug,
                     "women_share": status["share"] if status else None,
                     "women_share_date": status["latest"] if status else None,
                     "parity_status": status["status"] if status else "no data"})
    caption = f"Mandates up for renewal in the {queries.RENEWAL_DAYS} days from {today:%d %B %Y}"
    return Table("renewals", caption, RENEWAL_COLUMNS, rows)
