"""The country profile's gender-marked aid as a figures-kit Table: money spent in IATI activities for the
country, by reporting organisation (publisher), year and currency, split by the DAC gender equality
marker (principal, significant, not targeted, no marker). The page, its CSV and the API show these rows.

Money is what lib.aid counts as spent (disbursements and expenditures) times the country's share of
the activity; amounts are whole units of their own currency and never added across currencies. Each
row cites the activities' lines and their files, publishers and dates; the table is as of the newest
activity it shows (its last-updated date, else its file's).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_noop

from criticalmass.figures.citations import RowSpan
from criticalmass.figures.notes import notes_about, with_notes
from criticalmass.figures.tables import Column, Row, Table, row_sources, with_sources
from criticalmass.lib import aid
from criticalmass.watchdog.models import AidActivity

NAME = "aid-gender"
EVERYONE = "All publishers"
COLUMNS = [
    Column("publisher", gettext_noop("Publisher (IATI reporting organisation)"), row_header=True),
    Column("year", gettext_noop("Year"), "year", none=gettext_noop("all years")),
    Column("currency", gettext_noop("Currency")),
    Column("principal", gettext_noop("Gender equality principal (marker 2)"), "int"),
    Column("significant", gettext_noop("Significant (marker 1)"), "int"),
    Column("not_targeted", gettext_noop("Not targeted (marker 0)"), "int"),
    Column("no_marker", gettext_noop("No marker"), "int"),
    Column("other_marker", gettext_noop("Other marker value (3, 4)"), "int"),
    Column("total", gettext_noop("All money spent"), "int"),
    Column("activities", gettext_noop("Activities"), "int"),
]


def whole(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def marked_activities(iso3: str) -> tuple[list[aid.MarkedActivity], list[AidActivity]]:
    found = list(AidActivity.objects.filter(recipients__country_id=iso3).distinct()
                 .prefetch_related("recipients", "transactions").order_by("iati_identifier"))
    items = []
    for a in found:
        recipients = list(a.recipients.all())
        mine = next(r for r in recipients if r.country_id == iso3)
        flows = [aid.DatedFlow(t.type, t.value, t.currency, t.date.year) for t in a.transactions.all()]
        name, ref = a.reporting_org_name, a.reporting_org_ref
        publisher = f"{name} ({ref})" if name else ref
        items.append(aid.MarkedActivity(a.iati_identifier, publisher, flows,
                                        aid.country_share(mine.percentage, len(recipients)), a.gender_marker,
                                        (a.source_id, a.source_row)))
    return items, found


def row_of(found: aid.MarkerRow, published: dict[str, dt.date | None]) -> Row:
    spans = [RowSpan.one(source_id, line) for source_id, line in sorted(found.lines)]
    dates = [d for d in (published.get(i) for i in found.activities) if d]
    return {"publisher": found.publisher, "year": found.year, "currency": found.currency,
            **{group: whole(amount) for group, amount in found.amounts.items()},
            "total": whole(found.total), "activities": len(found.activities),
            "identifiers": " ".join(sorted(found.activities)), "_spans": spans,
            "_updated": max(dates, default=None)}


def row_citation(table: Table, row: Row) -> str:
    """The activities' lines, who reported them and how recent they are, e.g. 'IATI aid activities,
    dfid_drc_v1.xml, rows 29-88 (3 rows); reported by Department for International Development (GB-1);
    newest activity updated 2013-04-30 (file dated 2013-04-30 where the activity gives no date)'."""
    files = ", ".join(f"{s.file} ({s.version})" for s in row_sources(table, row))
    updated = row["_updated"].isoformat() if row["_updated"] else "not dated"
    who = row["publisher"] if row["publisher"] != EVERYONE else "every publisher above"
    return f"{row['source']}; reported by {who} in {files}; newest activity updated {updated}"


def gender_marker_table(iso3: str, country_name: str) -> Table:
    items, activities = marked_activities(iso3)
    rows = aid.by_gender_marker(items)
    published = {a.iati_identifier: a.published for a in activities}
    table_rows = [row_of(r, published) for r in [*rows, *aid.totals_by_currency(rows, EVERYONE)]]
    caption = (f"Aid spent for {country_name} by the DAC gender equality marker, by publisher and year "
               "(IATI disbursements and expenditures, in each currency as published)")
    spans = [RowSpan.one(a.source_id, a.source_row) for a in activities]
    dates = [a.published for a in activities if a.published]
    table = with_sources(Table(NAME, caption, COLUMNS, table_rows, spans=spans,
                               as_of=max(dates, default=None)))
    for row in table.rows:
        row["source"] = row_citation(table, row)
    table.csv_url = reverse("watchdog:country_csv", args=[iso3, NAME])
    slugs = [s.slug for s in table.cited_sources]  # their notes: activities refused, flaws of those shown
    return with_notes(table, notes_about(prefix="aid-activity:", sources=slugs)) if slugs else table


def api_rows(table: Table) -> list[dict[str, Any]]:
    keys = [c.key for c in table.columns]
    return [{**{k: row.get(k) for k in keys}, "activity_ids": row["identifiers"].split(),
             "citation": row["source"]} for row in table.rows]
