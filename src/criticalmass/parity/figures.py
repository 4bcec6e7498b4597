"""The peace operations' figures, as kit tables (criticalmass.figures): the dashboard, a mission, a country.

Each function here is the one route of its figure: the page renders its table, the CSV writes it,
the API (parity.api) serializes its rows and a briefing quotes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from criticalmass.core.models import Country, Source
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.tables import NOT_AT_PACE, Column, Row, Table, one_decimal, share_of, with_sources
from criticalmass.lib.months import month_of, months_between
from criticalmass.lib.targets import Status, Target
from criticalmass.parity import gaps as gaps_
from criticalmass.parity import queries, standing
from criticalmass.parity.figure_cache import cached_table
from criticalmass.parity.models import PEACEKEEPING_CATEGORIES, Category, Process, TargetPolicy
from criticalmass.parity.report_months import UN_REPORT_PREFIX

SERIES_ROLES = [Category.TOTAL, *PEACEKEEPING_CATEGORIES]
UN_REPORTS = "UN DPO monthly reports of uniformed personnel"
ROLE_LABELS: dict[str, str] = dict(Category.choices)


def status_text(summary: standing.Summary) -> str:
    """met, close, off track; "no data" without a count of women; "no target" when the policy sets none."""
    if summary.latest is None:
        return "no data"
    if summary.target is None:
        return "no target"
    return "no data" if summary.status == Status.UNKNOWN else str(summary.status)


# ---- How old the figures are ---------------------------------------------------------------

@dataclass(frozen=True)
class DataAge:
    """The latest month a page's figures reach, the coverage of the sources they cite, and whether
    that month is older than the secretariat's threshold (DataAgePolicy.stale_after_months)."""

    ends: dt.date
    coverage: list[tuple[Source, dt.date, dt.date]]
    stale_after_months: int
    months_old: int
    closed: dt.date | None = None  # the mission's end date, when its figures reach it: they are final

    @property
    def final(self) -> bool:
        return self.closed is not None and month_of(self.closed) <= month_of(self.ends)

    @property
    def stale(self) -> bool:
        return not self.final and self.months_old > self.stale_after_months

    @property
    def banner(self) -> str:
        """"These figures end in February 2014 (IPI Peacekeeping Database, Nov 2009 – Feb 2014); ..."."""
        covered = "; ".join(f"{name}, {first:%b %Y} – {last:%b %Y}"
                            for name, first, last in by_dataset(self.coverage))
        where = f" ({covered})" if covered else ""
        if self.final and self.closed:
            return f"These figures end in {self.ends:%B %Y}: the mission closed on {self.closed:%-d %B %Y}."
        return f"These figures end in {self.ends:%B %Y}{where}; nothing newer has been imported."


def by_dataset(coverage: list[tuple[Source, dt.date, dt.date]]) -> list[tuple[str, dt.date, dt.date]]:
    """Each dataset's name and span; the UN's monthly reports (a source a month) as one."""
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for source, first, last in coverage:
        name = UN_REPORTS if source.slug.startswith(UN_REPORT_PREFIX) else source.dataset
        before = spans.get(name, (first, last))
        spans[name] = (min(before[0], first), max(before[1], last))
    return [(name, first, last) for name, (first, last) in spans.items()]


def data_age(tables: dict[str, Table], this_day: dt.date | None = None,
             closed: dt.date | None = None) -> DataAge | None:
    """How old a page's figures are: the latest `as_of` of its tables; None when they hold no data.

    `closed`: a mission's end date; figures that reach it are final, not stale."""
    ends = max((table.as_of for table in tables.values() if table.as_of), default=None)
    if ends is None:
        return None
    sources = {i: source for table in tables.values() for i, source in table.sources.items()}
    covered = [(sources[i], first, last) for i, first, last in queries.coverage(sources)]
    this_month = month_of(this_day or today())
    return DataAge(ends, covered, queries.data_age_policy().stale_after_months,
                   months_between(month_of(ends), this_month), closed)


# ---- Shared pieces -------------------------------------------------------------------------

def target_row(target: Target | None, no_target: str | None = None) -> Row:
    """The target and where it comes from; with none, why, when the policy says ("none: the policy ...")."""
    return {"target": one_decimal(target.value) if target else None,
            "target_provenance": str(target.provenance) if target else
            f"none: {no_target}" if no_target else None}


def today() -> dt.date:
    """Today where the platform judges dates (settings.TIME_ZONE)."""
    return timezone.localdate()


def forecast_note(summary: standing.Summary, this_year: int) -> str | None:
    """What a forecast stands on: "from data ending Feb 2014", or, when its year is already past,
    "should have been reached by 2025 at the 2010–2014 pace; no newer data"."""
    if summary.latest is None:
        return None
    if forecast_in_past(summary, this_year):
        since = summary.since or summary.latest.date
        return (f"should have been reached by {summary.forecast_target} at the "
                f"{since.year}–{summary.latest.date.year} pace; no newer data")
    return f"from data ending {summary.latest.date:%b %Y}"


def forecast_in_past(summary: standing.Summary, this_year: int) -> bool:
    """A target forecast after the data's last year and before this year: a year already past."""
    year, latest = summary.forecast_target, summary.latest
    return year is not None and latest is not None and latest.date.year < year < this_year


def summary_row(summary: standing.Summary) -> Row:
    """Where one series stands: its latest month, share, target, gap, status, trend and forecasts."""
    latest = summary.latest
    share, target = one_decimal(summary.latest_share), target_row(summary.target, summary.no_target)
    this_year = today().year
    return {
        "latest": latest.date if latest else None,
        "women": latest.women if latest else None,
        "total": latest.total if latest else None,
        "share": share,
        **target,
        "target_year": summary.target.year if summary.target else None,
        "gap": one_decimal(target["target"] - share) if share is not None and target["target"] is not None
        else None,
        "status": status_text(summary),
        "trend": one_decimal(summary.slope),
        "forecast_target": summary.forecast_target,
        "forecast_parity": summary.forecast_parity,
        "data_ends": latest.date if latest else None,
        "forecast_in_past": forecast_in_past(summary, this_year),
        "forecast_note": forecast_note(summary, this_year),
    }


SUMMARY_COLUMNS = [
    Column("status", gettext_noop("Status"), "status"),
    Column("latest", gettext_noop("Latest month"), "month", none="—"),
    Column("share", gettext_noop("Women's share"), "pct"),
    Column("target", gettext_noop("Target"), "pct", none=gettext_noop("no target")),
    Column("target_provenance", gettext_noop("Target's provenance"), none="—"),
    Column("gap", gettext_noop("Gap (points)"), "points", none="—"),
    Column("trend", gettext_noop("Trend (points a year)"), "trend", none=gettext_noop("too few months")),
    Column("forecast_target", gettext_noop("Reaches target"), "year", none=NOT_AT_PACE),
    Column("forecast_parity", gettext_noop("Reaches parity"), "year", none=NOT_AT_PACE),
    Column("forecast_note", gettext_noop("Forecasts"), none="—"),
]
SERIES_COLUMNS = [
    Column("date", gettext_noop("Month"), "month", row_header=True),
    Column("series", gettext_noop("Category")),
    Column("women", gettext_noop("Women"), "int"),
    Column("total", gettext_noop("Total"), "int"),
    Column("share", gettext_noop("Women's share"), "pct"),
    Column("target", gettext_noop("Target"), "pct", none=gettext_noop("no target")),
    Column("target_provenance", gettext_noop("Target's provenance"), none="—"),
    Column("note", gettext_noop("Note"), none=""),
]


def series_table(name: str, caption: str, cited: queries.CitedSeries, policy: TargetPolicy,
                 roles: Sequence[str] = SERIES_ROLES, gaps: gaps_.Finder | None = None) -> Table:
    """One row per category and month: women, total, share and the policy's target that year; a
    month missing inside the series (`gaps`) is a row of its own, counts empty, its reason noted."""
    rows, spans = [], []
    for role in roles:
        target_of = standing.target_function(policy, role)
        points = cited.by_key.get(role, [])
        role_rows = []
        for point in points:
            point_spans = cited.rows[role, point.date]
            spans += point_spans
            year = point.date.year
            role_rows.append({"date": point.date, "role": role, "series": label(role), "women": point.women,
                              "total": point.total, "share": one_decimal(point.share),
                              **target_row(target_of(year), standing.no_target_reason(policy, year)),
                              "note": None, "_spans": point_spans})
        for gap in gaps([point.date for point in points]) if gaps else []:
            year = gap.first.year
            role_rows.append({"date": gap.first, "role": role, "series": label(role), "women": None,
                              "total": None, "share": None,
                              **target_row(target_of(year), standing.no_target_reason(policy, year)),
                              "note": gaps_.described(gap), "_spans": []})
        rows += sorted(role_rows, key=lambda row: row["date"])
    as_of = latest_of([row for row in rows if row["total"] is not None], "date")
    return with_sources(Table(name, caption, SERIES_COLUMNS, rows, spans=spans, as_of=as_of))


def latest_of(rows: Sequence[Row], key: str) -> dt.date | None:
    """The latest date in the rows' `key`: what a table is "as of"."""
    return max((row[key] for row in rows if row.get(key) is not None), default=None)


def status_table(name: str, caption: str, cited: queries.CitedSeries, policy: TargetPolicy,
                 roles: Sequence[str] = SERIES_ROLES) -> Table:
    """Where each category stands: latest share, target, status, trend and forecasts.

    A category with counts but no woman counted is a row with no data.
    """
    rows, spans = [], []
    for role in roles:
        if role not in cited.present:
            continue
        role_spans = cited.spans(role)
        spans += role_spans
        summary = standing.summarize(cited.by_key.get(role, []), policy, role)
        rows.append({"role": role, "series": label(role), **summary_row(summary), "_spans": role_spans})
    columns = [Column("series", gettext_noop("Category"), row_header=True), *SUMMARY_COLUMNS]
    return with_sources(Table(name, caption, columns, rows, spans=spans, as_of=latest_of(rows, "latest")))


def label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


ROLE_ORDER = {value: i for i, value in enumerate(Category.values)}


def role_rank(role: str) -> int:
    """Categories in the order the model declares them (total first), not alphabetically."""
    return ROLE_ORDER.get(role, len(ROLE_ORDER))


def mission_link(row: Row) -> str:
    return reverse("parity:mission", args=[row["mission_slug"]])


def country_link(row: Row) -> str:
    return reverse("parity:country", args=[row["country"]])


# ---- Mission page --------------------------------------------------------------------------

CATEGORY_COLUMNS = [
    Column("series", gettext_noop("Category"), row_header=True),
    Column("status", gettext_noop("Status"), "status"),
    Column("women", gettext_noop("Women"), "int"),
    Column("men", gettext_noop("Men"), "int"),
    Column("total", gettext_noop("Total"), "int"),
    Column("share", gettext_noop("Women's share"), "pct"),
    Column("target", gettext_noop("Target"), "pct", none=gettext_noop("no target")),
    Column("target_provenance", gettext_noop("Target's provenance"), none="—"),
]
CONTRIBUTOR_COLUMNS = [
    Column("rank", gettext_noop("Rank"), "int"),
    Column("country_name", gettext_noop("Contributing country"), link=country_link, row_header=True),
    Column("women", gettext_noop("Women"), "int"),
    Column("total", gettext_noop("Total"), "int"),
    Column("share", gettext_noop("Women's share"), "pct"),
    Column("rank_by_women", gettext_noop("Rank by women"), "int"),
    Column("rank_by_share", gettext_noop("Rank by share"), "int"),
]
CONTRIBUTOR_SORTS = {"women": "women deployed", "share": "women's share"}


def categories_table(process: Process, policy: TargetPolicy) -> Table:
    """The latest month by category: women, men, total, share, target and status."""
    latest, counts = queries.latest_counts(process)
    rows, spans = [], []
    for role in SERIES_ROLES:
        if latest is None or role not in counts:
            continue
        found = counts[role]
        spans += found.rows
        point = standing.SeriesPoint(latest, found.women or 0, found.total)
        summary = standing.summarize([point], policy, role)
        rows.append({"series": label(role), "role": role, "women": found.women, "men": found.men,
                     "total": found.total, "share": one_decimal(found.share),
                     **target_row(summary.target, summary.no_target),
                     "status": status_text(summary), "_spans": found.rows})
    month = f" ({latest:%B %Y})" if latest else ""
    caption = f"{process.code or process.name}: women by category in the latest month{month}"
    return with_sources(Table("categories", caption, CATEGORY_COLUMNS, rows, spans=spans, as_of=latest))


def contributors_table(process: Process, latest: dt.date | None, sort: str) -> Table:
    """Contributing countries in the latest month, ranked by women deployed or by women's share."""
    found = queries.contributors(process, latest) if latest else []
    rows = [{"country": r["contributing_country_id"], "country_name": r["contributing_country__name"],
             "women": r["women"], "total": r["total"], "share": share_of(r["women"], r["total"]),
             "_spans": [RowSpan.one(r["source_id"], r["source_row"])]}
            for r in found]
    by_women = sorted(rows, key=lambda r: (-(r["women"] or 0), r["country_name"]))
    by_share = sorted(rows, key=lambda r: (-(r["share"] or 0), -(r["women"] or 0), r["country_name"]))
    for rank, row in enumerate(by_women, start=1):
        row["rank_by_women"] = rank
    for rank, row in enumerate(by_share, start=1):
        row["rank_by_share"] = rank
    ordered = by_share if sort == "share" else by_women
    for row in ordered:
        row["rank"] = row["rank_by_" + ("share" if sort == "share" else "women")]
    spans = [span for row in ordered for span in row["_spans"]]
    month = f" ({latest:%B %Y})" if latest else ""
    caption = f"Contributing countries{month}, ranked by {CONTRIBUTOR_SORTS[sort]}"
    return with_sources(Table("contributors", caption, CONTRIBUTOR_COLUMNS, ordered, spans=spans,
                              as_of=latest))


def mission_trend_table(process: Process, policy: TargetPolicy) -> Table:
    name = process.code or process.name
    return series_table("trend", f"{name}: women's share by category and month, against {policy.name}",
                        queries.cited_series(process), policy, gaps=gaps_.finder(process))


def mission_tables(process: Process, policy: TargetPolicy, sort: str) -> dict[str, Table]:
    def make() -> dict[str, Table]:
        categories = categories_table(process, policy)
        return {
            "categories": categories,
            "trend": mission_trend_table(process, policy),
            "contributors": contributors_table(process, categories.as_of, sort),
        }

    return cached_table("mission-tables", make, process.pk, policy.pk, sort)


# ---- Country page --------------------------------------------------------------------------

DEPLOYMENT_COLUMNS = [
    Column("mission", gettext_noop("Mission"), link=mission_link, row_header=True),
    Column("date", gettext_noop("Latest month"), "date"),
    Column("series", gettext_noop("Category")),
    Column("women", gettext_noop("Women"), "int"),
    Column("men", gettext_noop("Men"), "int"),
    Column("total", gettext_noop("Total"), "int"),
    Column("share", gettext_noop("Women's share"), "pct"),
]


def deployments_table(country: Country) -> Table:
    """Each peace operation the country contributed to, by category, in its latest month there."""
    rows, spans = [], []
    order = {role: i for i, role in enumerate(SERIES_ROLES)}
    found = sorted(queries.country_latest_by_mission(country.iso3),
                   key=lambda r: (r["process__code"] or r["process__name"], order.get(r["role"], 99)))
    for r in found:
        span = RowSpan.one(r["source_id"], r["source_row"])
        spans.append(span)
        rows.append({"mission": r["process__code"] or r["process__name"], "mission_slug": r["process__slug"],
                     "date": r["date"], "role": r["role"], "series": label(r["role"]), "women": r["women"],
                     "men": r["men"], "total": r["total"], "share": share_of(r["women"], r["total"]),
                     "_spans": [span]})
    caption = f"{country.name}'s uniformed personnel by mission and category, in its latest month in each"
    return with_sources(Table("missions", caption, DEPLOYMENT_COLUMNS, rows, spans=spans,
                              as_of=latest_of(rows, "date")))


def country_tables(country: Country, policy: TargetPolicy) -> dict[str, Table]:
    caption = f"{country.name}'s women's share by category and month, against {policy.name}"
    return cached_table("country-tables", lambda: {
        "missions": deployments_table(country),
        "trend": series_table("trend", caption, queries.cited_series(country=country.iso3), policy,
                              gaps=gaps_.finder(None)),
    }, country.iso3, policy.pk)


# ---- One series: a process, a contributing country or all peace operations ---------------------

def series_tables(policy: TargetPolicy, role: str, process: Process | None = None,
                  country: str | None = None) -> dict[str, Table]:
    """One category's months ("trend") and where it stands ("status"), as the API's series gives them."""
    name = process.code or process.name if process else country or "UN peace operations"

    def make() -> dict[str, Table]:
        cited = queries.cited_series(process, country, role)
        return {
            "status": status_table("status", f"{name}: where {label(role).lower()} stand against "
                                   f"{policy.name}", cited, policy, [role]),
            "trend": series_table("trend", f"{name}: women's share of {label(role).lower()} by month",
                                  cited, policy, [role], gaps_.finder(process)),
        }

    return cached_table("series-tables", make, process.pk if process else "", country or "", role, policy.pk)


def process_status_table(process: Process, policy: TargetPolicy) -> Table:
    """Where each category of one process stands (every category it has counts in, in the model's order)."""
    caption = f"{process.code or process.name}: where each category stands against {policy.name}"
    return status_table("status", caption, queries.cited_series(process), policy, Category.values)
