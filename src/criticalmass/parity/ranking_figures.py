"""The dashboard's ranking of peace operations on one month, and the missions listed apart from it
(closed, or not reporting lately): one route each for the page, its CSV and the API.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from criticalmass.figures.citations import RowSpan
from criticalmass.figures.tables import Column, Row, Table, one_decimal, with_sources
from criticalmass.lib.months import Month, month_of, months_between
from criticalmass.parity import gaps, queries, standing
from criticalmass.parity.figure_cache import cached_table
from criticalmass.parity.figures import (
    SUMMARY_COLUMNS,
    label,
    mission_link,
    series_table,
    status_table,
    summary_row,
)
from criticalmass.parity.models import Process, TargetPolicy

RANKING_COLUMNS = [
    Column("rank", gettext_noop("Rank"), "int", none="—"),
    Column("mission", gettext_noop("Mission"), link=mission_link, row_header=True),
    Column("host_country", gettext_noop("Host country"), none="—"),
    *[column for column in SUMMARY_COLUMNS if column.key != "target_provenance"],
]


@dataclass(frozen=True)
class Standing:
    """The missions on one month: those ranked on their figures then, and those listed apart."""

    month: Month | None  # the month asked for (the latest month of the data by default)
    as_of: dt.date | None  # the latest date of the data in that month or before
    current: list[tuple[Process, list[standing.SeriesPoint]]]
    apart: list[tuple[Process, standing.SeriesPoint | None, str]]  # mission, its last month, why apart
    spans: dict[int, list[RowSpan]]


def missions_on(role: str, month: Month | None = None) -> Standing:
    """Which missions to rank on `month` (default: the data's latest month), and which to list apart.

    A mission is ranked on its months up to `month` when it reported in the ranking window (the
    month and the months before it: DataAgePolicy.report_window_months) and had not closed by then.
    One whose end date is before the month is listed apart as closed; one with no month in the
    window as "no month reported after" its last month. A mission with no month up to `month` (it
    had not started) is left out.
    """
    cited = queries.cited_series_by_process(role)
    window = queries.data_age_policy().report_window_months
    dates = [p.date for points in cited.by_key.values() for p in points]
    month = month or (month_of(max(dates)) if dates else None)
    missions = queries.operations_by_id(cited.present)
    current, apart, spans = [], [], {}
    for mission in sorted(missions.values(), key=lambda m: (m.code or m.name, m.id)):
        points = [p for p in cited.by_key.get(mission.id, []) if month and month_of(p.date) <= month]
        if cited.by_key.get(mission.id) and not points:
            continue
        last = points[-1] if points else None
        spans[mission.id] = [span for p in points for span in cited.rows[mission.id, p.date]]
        why = apart_because(mission, last, month, window)
        if why:
            apart.append((mission, last, why))
        else:
            current.append((mission, points))
    as_of = max((day for day in dates if month and month_of(day) <= month), default=None)
    return Standing(month, as_of, current, apart, spans)


# Where a closure comes from: PKOC gives start months only, and the registry's end dates cite no source.
REGISTRY_END = "end date of the project's mission registry, no source cited"


def apart_because(mission: Process, last: standing.SeriesPoint | None, month: Month | None,
                  window: int) -> str | None:
    """Why a mission is not ranked on `month`: closed by then, or no month reported in the window."""
    if month is None:
        return None
    if mission.end_date and month_of(mission.end_date) < month:
        return f"closed {mission.end_date:%-d %b %Y} ({REGISTRY_END})"
    if last is not None and months_between(month_of(last.date), month) >= window:
        return f"no month reported after {last.date:%b %Y} (the source's last month)"
    return None


def ranking_table(policy: TargetPolicy, role: str, month: Month | None = None,
                  found: Standing | None = None) -> Table:
    """Peace operations by gap to target in `role` on one month, biggest first; those without a gap last.

    Each mission is ranked on its figures up to `month` (missions_on says which are ranked); those
    whose women are not counted as "no data". Equal gaps keep the order of the missions' codes (names
    where there is no code), then their ids: the one order of ties on the page, in the CSV and the API.
    """
    found = found or missions_on(role, month)
    summaries = ((m, standing.summarize(points, policy, role)) for m, points in found.current)
    ranked = standing.rank_by_gap(summaries)
    rows, spans = [], []
    for rank, (mission, summary) in enumerate(ranked, start=1):
        mission_spans = found.spans[mission.id]
        spans += mission_spans
        rows.append({
            "rank": rank if summary.gap is not None else None, **mission_row(mission),
            **summary_row(summary), "_spans": mission_spans,
        })
    when = f", {found.as_of:%B %Y}" if found.as_of else ""
    caption = f"Peace operations ranked by their gap to target ({label(role).lower()}, {policy.name}{when})"
    return with_sources(Table("ranking", caption, RANKING_COLUMNS, rows, spans=spans, as_of=found.as_of))


def mission_row(mission: Process) -> Row:
    return {"mission": mission.code or mission.name, "mission_slug": mission.slug, "code": mission.code,
            "name": mission.name, "host_country": mission.host_country.name if mission.host_country else None,
            "host_country_iso3": mission.host_country_id}


CLOSED_COLUMNS = [
    Column("mission", gettext_noop("Mission"), link=mission_link, row_header=True),
    Column("host_country", gettext_noop("Host country"), none="—"),
    Column("latest", gettext_noop("Last month"), "month", none="—"),
    Column("share", gettext_noop("Women's share then"), "pct"),
    Column("end_date", gettext_noop("End date (mission registry, no source cited; not in PKOC)"),
           "date", none=gettext_noop("not known")),
    Column("why", gettext_noop("Not ranked because")),
]


def closed_table(role: str, month: Month | None = None, found: Standing | None = None) -> Table:
    """The missions listed apart from the ranking on `month`: closed, or no month reported lately."""
    found = found or missions_on(role, month)
    rows, spans = [], []
    for mission, last, why in found.apart:
        spans += found.spans[mission.id]
        rows.append({**mission_row(mission), "latest": last.date if last else None,
                     "share": one_decimal(last.share) if last else None, "end_date": mission.end_date,
                     "why": why, "_spans": found.spans[mission.id]})
    when = f" by {found.as_of:%B %Y}" if found.as_of else ""
    caption = f"Peace operations closed or not reporting{when}, not ranked ({label(role).lower()})"
    return with_sources(Table("closed", caption, CLOSED_COLUMNS, rows, spans=spans, as_of=found.as_of))


def dashboard_tables(policy: TargetPolicy, role: str, month: Month | None = None,
                     only: str | tuple[str, ...] | None = None) -> dict[str, Table]:
    """The dashboard's figures (all of them, or `only` those a CSV download or the API asks for).

    Each table is cached per data version (queries.cached) with what it depends on, so the page, its
    CSVs and the API serve the tables one computation made until an import or an edit changes the data.
    """
    standing_on = functools.cache(lambda: missions_on(role, month))  # ranking and closed share it
    makers: dict[str, Callable[[], Table]] = {
        "overall": lambda: series_table("overall", f"Women's share of UN uniformed peacekeepers by month, "
                                        f"against {policy.name}", queries.cited_series(), policy,
                                        gaps=gaps.finder(None)),
        "status": lambda: status_table("status", f"Where each category stands against {policy.name}",
                                       queries.cited_series(), policy),
        "ranking": lambda: ranking_table(policy, role, month, standing_on()),
        "closed": lambda: closed_table(role, month, standing_on()),
    }
    month_key = f"{month[0]:04d}-{month[1]:02d}" if month else "latest"
    keys = {"overall": (policy.pk,), "status": (policy.pk,), "ranking": (policy.pk, role, month_key),
            "closed": (role, month_key)}
    wanted = (only,) if isinstance(only, str) else only
    return {name: cached_table(f"dashboard-{name}", make, *keys[name])
            for name, make in makers.items() if wanted is None or name in wanted}
