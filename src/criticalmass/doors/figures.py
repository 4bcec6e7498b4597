"""Doors figures, each one computation for page, CSV and API.

- `leadership_table(process)`: women's share of the process's leadership posts at the end of each
  year (and today), against the coalition's rising target (parity's floor policy), with its trend.
- `without_us(process)`: meetings its posts' holders held with women's civil society in the last 12
  months, and the flag where there were none.
- `reprisal_counts()`: reprisals recorded, by year and region, counts below 5 suppressed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from criticalmass.doors.models import Holder, Meeting, Post, Reprisal
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.tables import Column, Row, Table, share_of, with_sources
from criticalmass.lib import doors, targets
from criticalmass.lib.deadlines import add_months
from criticalmass.parity import queries as parity_queries
from criticalmass.parity.models import Category, Process
from criticalmass.parity.standing import SeriesPoint, Summary, summarize, target_function

LEADERSHIP = "leadership"
REPRISALS = "reprisals"
LEADERSHIP_COLUMNS = [
    Column("date", "As of", "date", row_header=True),
    Column("posts", "Posts held", "int"),
    Column("women", "Held by women", "int"),
    Column("men", "Held by men", "int"),
    Column("not_published", "Sex not published", "int"),
    Column("share", "Women's share", "pct"),
    Column("target", "Target", "pct", none="no target"),
    Column("status", "Status", "status"),
]
REPRISAL_COLUMNS = [Column("year", "Year", "year", row_header=True), Column("region", "Region"),
                    Column("reprisals", "Reprisals recorded", "int", none="fewer than 5")]


@dataclass(frozen=True)
class Leadership:
    table: Table
    summary: Summary | None

    @property
    def slope(self) -> float | None:
        return self.summary.slope if self.summary else None


def terms_by_post(process: Process) -> tuple[list[list[doors.Term]], list[Holder]]:
    holders = list(Holder.objects.filter(post__process=process).order_by("post_id", "start_date"))
    by_post: dict[int, list[doors.Term]] = {}
    for holder in holders:
        by_post.setdefault(holder.post_id, []).append(holder.term())
    return list(by_post.values()), holders


def leadership_row(count: doors.Count) -> Row:
    return {"date": count.day, "posts": count.total, "women": count.women, "men": count.men,
            "not_published": count.not_published, "share": share_of(count.women, count.total)}


def leadership_table(process: Process, today: dt.date | None = None) -> Leadership:
    """One row per year end since the first holder's start (and today); None summary without posts."""
    today = today or timezone.localdate()
    posts, holders = terms_by_post(process)
    counts = [] if not holders else [doors.count_on(day, posts) for day in
                                     doors.year_ends(min(h.start_date for h in holders).year, today)]
    policy = parity_queries.floor_policy()
    rows = [leadership_row(count) for count in counts if count.total]
    for row in rows:
        found = target_function(policy, Category.TOTAL)(row["date"].year) if policy else None
        row["target"] = found.value if found else None
        row["status"] = str(targets.status(row["share"], found.value, float(policy.close_within))) \
            if found and policy else "no target"
    spans = [RowSpan.one(h.source_id, h.source_row) for h in holders if h.source_id and h.source_row]
    for row in rows:
        row["_citations"] = sorted({h.citation for h in holders if doors.holds(h.term(), row["date"])})
    table = Table(LEADERSHIP, f"Women's share of leadership posts, {process.code or process.name}",
                  LEADERSHIP_COLUMNS, rows, spans=spans, as_of=today)
    with_sources(table)
    for row in rows:  # holders entered by hand are cited by their own citation
        row["source"] = "; ".join(filter(None, [row.get("source", ""), *row.pop("_citations")]))
    series = [SeriesPoint(c.day, c.women, c.total) for c in counts if c.total]
    summary = summarize(series, policy, Category.TOTAL) if policy and series else None
    return Leadership(table, summary)


@dataclass(frozen=True)
class WithoutUs:
    process: Process
    posts: int
    meetings: int
    since: dt.date

    @property
    def flagged(self) -> bool:
        return self.posts > 0 and doors.without_us(self.meetings)

    @property
    def shown_meetings(self) -> int | None:
        """The public count: none at all is the flag and is shown; 1 to 4 meetings could point at the
        women who met, so they are not counted publicly (None), whatever each chose to publish."""
        return 0 if self.meetings == 0 else doors.suppressed(self.meetings)


def without_us(process: Process, today: dt.date | None = None) -> WithoutUs:
    today = today or timezone.localdate()
    since = add_months(today, -12)
    posts = Post.objects.filter(process=process).count()
    meetings = Meeting.objects.filter(request__post__process=process, with_civil_society=True,
                                      held_on__gte=since, held_on__lte=today).count()
    return WithoutUs(process, posts, meetings, since)


def reprisal_counts() -> Table:
    found = (Reprisal.objects.values("occurred_on__year", "region").annotate(n=Count("pk"))
             .order_by("occurred_on__year", "region"))
    # a year and region with fewer than SMALL_COUNT reprisals is not listed at all: even a row without its
    # count would say that something happened there
    rows = [{"year": r["occurred_on__year"], "region": r["region"] or "not given",
             "reprisals": r["n"], "source": "Records of the coalition's secretariat"}
            for r in found if doors.suppressed(r["n"]) is not None]
    return Table(REPRISALS, "Reprisals and threats recorded after meetings, by year and region "
                 f"(a year and region with fewer than {doors.SMALL_COUNT} is not listed)",
                 REPRISAL_COLUMNS, rows)
