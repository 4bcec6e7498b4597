"""A country's women in parliament as the IPU counted them: the ranking as of its date (1 September
2021) and every election or renewal 1945–2018. Both are history: the country profile's current figure is
the WPS Index's parliamentary indicator; these tables say their dates in their captions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext_noop

from criticalmass.core.models import Country
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.notes import notes_about, with_notes
from criticalmass.figures.tables import Column, Row, Table, with_sources
from criticalmass.parliaments.models import Chamber, ChamberElection, ChamberStanding

RANKING_CHAMBERS = {"lower": "Lower or single house", "upper": "Upper chamber"}
SHARE_NOTE = "not given"

RANKING_COLUMNS = [
    Column("chamber", gettext_noop("Chamber"), row_header=True),
    Column("rank", gettext_noop("World rank"), "int", none="—"),
    Column("last_election", gettext_noop("Last elections"), "month", none=gettext_noop("not given")),
    Column("seats", gettext_noop("Seats"), "int", none=gettext_noop("not given")),
    Column("women", gettext_noop("Women"), "int", none=gettext_noop("not given")),
    Column("share", gettext_noop("Women (%)"), "pct", none=SHARE_NOTE),
]
HISTORY_COLUMNS = [
    Column("year", gettext_noop("Year"), "year", row_header=True),
    Column("month", gettext_noop("Month"), none="—"),
    Column("chamber", gettext_noop("Chamber")),
    Column("seats", gettext_noop("Seats"), "int", none=gettext_noop("not known")),
    Column("women", gettext_noop("Women"), "int", none=gettext_noop("not known")),
    Column("share", gettext_noop("Women (%)"), "pct", none=SHARE_NOTE),
]


def as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def ranking_table(country: Country) -> Table:
    standings = list(ChamberStanding.objects.filter(country=country).order_by("-as_of", "chamber"))
    as_of = standings[0].as_of if standings else None
    latest = [s for s in standings if s.as_of == as_of]
    rows: list[Row] = [{
        "chamber": RANKING_CHAMBERS.get(s.chamber, s.chamber), "rank": s.rank,
        "last_election": s.last_election,
        "seats": s.seats, "women": s.women, "share": as_float(s.share),
        "_spans": [RowSpan.one(s.source_id, s.source_row)]} for s in latest]
    dated = f"as of {as_of.day} {as_of:%B %Y}" if as_of else "(no ranking imported)"
    caption = f"Women in {country.name}'s parliament {dated}: the IPU's ranking (history)"
    table = with_sources(Table("parliament-ranking", caption, RANKING_COLUMNS, rows, as_of=as_of))
    table.spans = [span for row in table.rows for span in row["_cited"]]
    return with_notes(table, notes_about([f"parliament:{country.iso3}"], sources=["ipu-parliament-ranking"]))


def history_table(country: Country) -> Table:
    elections = list(ChamberElection.objects.filter(country=country).order_by("year", "source_row"))
    rows: list[Row] = [{
        "year": e.year, "month": e.month or None, "chamber": chamber_text(e),
        "seats": e.seats, "women": e.women, "share": as_float(e.share),
        "_spans": [RowSpan.one(e.source_id, e.source_row)]} for e in elections]
    years = f"{elections[0].year}–{elections[-1].year}" if elections else "1945–2018"
    caption = f"Women in {country.name}'s parliament at each election or renewal, {years}: the IPU's history"
    last = dt.date(elections[-1].year, 12, 31) if elections else None
    table = with_sources(Table("parliament-history", caption, HISTORY_COLUMNS, rows, as_of=last))
    table.spans = [span for row in table.rows for span in row["_cited"]]
    return with_notes(table, notes_about([f"parliament:{country.iso3}"], sources=["ipu-parliament-history"]))


def chamber_text(election: ChamberElection) -> str:
    label = Chamber(election.chamber).label if election.chamber != Chamber.OTHER else election.chamber_label
    return f"{label} (continuous renewal)" if election.continuous else label
