"""The renewal calendar: each peace operation's current mandate that ends this year or next, soonest
first, linked to its resolution, with the source that states the expiry and that source's date.

Expiry dates come from the UN mandate registry (`criticalmass import un-mandates`) or from the admin.
A date already past is shown as such: the source, as of its date, knows no later renewal; the
calendar does not guess whether the Council renewed the mandate since.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_noop

from criticalmass.agreements import queries
from criticalmass.agreements.figures import mandate_row, mission_link, resolution_link
from criticalmass.agreements.models import Mandate, RubricItem
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.notes import notes_about, with_notes
from criticalmass.figures.tables import Column, Row, Table, with_sources

ENTERED_HERE = "recorded on this platform"


CALENDAR_COLUMNS = [
    Column("expires", gettext_noop("Mandate ends"), "date"),
    Column("mission", gettext_noop("Mission"), link=mission_link, row_header=True),
    Column("resolution", gettext_noop("Latest renewal"), link=resolution_link),
    Column("status", gettext_noop("Status")),
    Column("cited_in", gettext_noop("Stated in"), none="—"),
    Column("as_of", gettext_noop("Source's date"), "date", none=gettext_noop("not known")),
    Column("score", gettext_noop("Score (%)"), "pct", none=gettext_noop("not rated")),
]


def calendar_years(today: dt.date) -> tuple[dt.date, dt.date]:
    """This year and the next: 1 January to 31 December of the year after."""
    return dt.date(today.year, 1, 1), dt.date(today.year + 1, 12, 31)


def status(mandate: Mandate, today: dt.date) -> str:
    final = "final extension; " if mandate.final else ""
    if mandate.expires is None or mandate.expires >= today:
        days = (mandate.expires - today).days if mandate.expires else 0
        return f"{final}ends in {days} day{'s' if days != 1 else ''}" if days else f"{final}ends today"
    return f"{final}date passed; a later renewal is not in the source"


def calendar_row(mandate: Mandate, items: list[RubricItem], today: dt.date) -> Row:
    spans = [RowSpan.one(mandate.source_id, mandate.source_row)] if mandate.source_id and mandate.source_row \
        else []
    return {**mandate_row(mandate, items), "mission": mandate.process.code or mandate.process.name,
            "process_slug": mandate.process.slug, "mandate_id": mandate.pk, "url": mandate.url,
            "status": status(mandate, today), "cited_in": mandate.cited_in or None, "as_of": mandate.as_of,
            "_spans": spans}


def calendar_table(today: dt.date) -> Table:
    first, last = calendar_years(today)
    items = queries.rubric()
    found = queries.current_mandates(first, last)
    rows = [calendar_row(mandate, items, today) for mandate in found]
    caption = (f"Peace operations' mandates ending in {first.year}–{last.year}: each mission's latest "
               "renewal, soonest first")
    dates = [m.as_of for m in found if m.as_of]
    table = with_sources(Table("calendar", caption, CALENDAR_COLUMNS, rows,
                               as_of=max(dates) if dates else None))
    for row, mandate in zip(table.rows, found, strict=True):
        row["source"] = row["source"] or f"{mandate.resolution}, {ENTERED_HERE}"
    table.spans = [span for row in table.rows for span in row["_cited"]]
    # The registry's notes on missions' mandates: those it states no renewal for, or one it cannot read.
    return with_notes(table, notes_about(prefix="mandate:"))
