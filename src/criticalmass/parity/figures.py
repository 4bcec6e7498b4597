"""The peace operations' figures, as kit tables (criticalmass.figures): the dashboard, a mission, a country.

Each function here is the one route of its figure: the page renders its table, the CSV writes it,
the API (parity.api) serializes its rows and a briefing quotes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.urls import reverse

from criticalmass.core.models import Country
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.tables import NOT_AT_PACE, Column, Row, Table, one_decimal, share_of, with_sources
from criticalmass.lib.targets import Status, Target
from criticalmass.parity import queries, standing
from criticalmass.parity.models import PEACEKEEPING_CATEGORIES, Category, Process, TargetPolicy

SERIES_ROLES = [Category.TOTAL, *PEACEKEEPING_CATEGORIES]
ROLE_LABELS: dict[str, str] = dict(Category.choices)


def status_text(summary: standing.Summary) -> str:
    """met, close, off track; "no data" without a count of women; "no target" when the policy sets none."""
    if summary.latest is None:
        return "no data"
    if summary.target is None:
        return "no target"
    return "no data" if summary.status == Status.UNKNOWN else str(summary.status)


# ---- Shared pieces -------------------------------------------------------------------------

def target_row(target: Target | None) -> Row:
    return {"target": one_decimal(target.value) if target else None,
            "target_provenance": str(target.provenance) if target else None}


def summary_row(summary: standing.Summary) -> Row:
    """Where one series stands: its latest month, share, target, gap, status, trend and forecasts."""
    latest = summary.latest
    share, target = one_decimal(summary.latest_share), target_row(summary.target)
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
    }


SUMMARY_COLUMNS = [
    Column("status", "Status", "status"),
    Column("latest", "Latest month", "month", none="—"),
    Column("share", "Women's share", "pct"),
    Column("target", "Target", "pct", none="no target"),
    Column("target_provenance", "Target's provenance", none="—"),
    Column("gap", "Gap (points)", "points", none="—"),
    Column("trend", "Trend (points a year)", "trend", none="too few months"),
    Column("forecast_target", "Reaches target", "year", none=NOT_AT_PACE),
    Column("forecast_parity", "Reaches parity", "year", none=NOT_AT_PACE),
]
SERIES_COLUMNS = [
    Column("date", "Month", "month", row_header=True),
    Column("series", "Category"),
    Column("women", "Women", "int"),
    Column("total", "Total", "int"),
    Column("share", "Women's share", "pct"),
    Column("target", "Target", "pct", none="no target"),
    Column("target_provenance", "Target's provenance", none="—"),
]


def series_table(name: str, caption: str, cited: queries.CitedSeries, policy: TargetPolicy,
                 roles: Sequence[str] = SERIES_ROLES) -> Table:
    """One row per category and month: women, total, share and the policy's target that year."""
    rows, spans = [], []
    for role in roles:
        target_of = standing.target_function(policy, role)
        for point in cited.by_key.get(role, []):
            point_spans = cited.rows[role, point.date]
            spans += point_spans
            rows.append({"date": point.date, "role": role, "series": label(role), "women": point.women,
                         "total": point.total, "share": one_decimal(point.share),
                         **target_row(target_of(point.date.year)), "_spans": point_spans})
    return with_sources(Table(name, caption, SERIES_COLUMNS, rows, spans=spans))


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
    columns = [Column("series", "Category", row_header=True), *SUMMARY_COLUMNS]
    return with_sources(Table(name, caption, columns, rows, spans=spans))


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


# ---- Dashboard -----------------------------------------------------------------------------

RANKING_COLUMNS = [
    Column("rank", "Rank", "int", none="—"),
    Column("mission", "Mission", link=mission_link, row_header=True),
    Column("host_country", "Host country", none="—"),
    *[column for column in SUMMARY_COLUMNS if column.key != "target_provenance"],
]


def ranking_table(policy: TargetPolicy, role: str) -> Table:
    """Peace operations by gap to target in `role`, biggest first; those without a gap last.

    Every operation with counts in `role` is ranked, those whose women are not counted as "no data".
    Equal gaps keep the order of the missions' codes (names where there is no code), then their ids:
    the one order of ties on the page, in the CSV and in the API.
    """
    cited = queries.cited_series_by_process(role)
    missions = queries.operations_by_id(cited.present)
    ordered = sorted(missions.values(), key=lambda m: (m.code or m.name, m.id))
    summaries = ((m, standing.summarize(cited.by_key.get(m.id, []), policy, role)) for m in ordered)
    ranked = standing.rank_by_gap(summaries)
    rows, spans = [], []
    for rank, (mission, summary) in enumerate(ranked, start=1):
        mission_spans = cited.spans(mission.id)
        spans += mission_spans
        rows.append({
            "rank": rank if summary.gap is not None else None, "mission": mission.code or mission.name,
            "mission_slug": mission.slug, "code": mission.code, "name": mission.name,
            "host_country": mission.host_country.name if mission.host_country else None,
            "host_country_iso3": mission.host_country_id, **summary_row(summary), "_spans": mission_spans,
        })
    caption = f"Peace operations ranked by their gap to target ({label(role).lower()}, {policy.name})"
    return with_sources(Table("ranking", caption, RANKING_COLUMNS, rows, spans=spans))


def dashboard_tables(policy: TargetPolicy, role: str) -> dict[str, Table]:
    cited = queries.cited_series()
    return {
        "overall": series_table("overall", f"Women's share of UN uniformed peacekeepers by month, "
                                f"against {policy.name}", cited, policy),
        "status": status_table("status", f"Where each category stands against {policy.name}", cited, policy),
        "ranking": ranking_table(policy, role),
    }


# ---- Mission page --------------------------------------------------------------------------

CATEGORY_COLUMNS = [
    Column("series", "Category", row_header=True),
    Column("status", "Status", "status"),
    Column("women", "Women", "int"),
    Column("men", "Men", "int"),
    Column("total", "Total", "int"),
    Column("share", "Women's share", "pct"),
    Column("target", "Target", "pct", none="no target"),
    Column("target_provenance", "Target's provenance", none="—"),
]
CONTRIBUTOR_COLUMNS = [
    Column("rank", "Rank", "int"),
    Column("country_name", "Contributing country", link=country_link, row_header=True),
    Column("women", "Women", "int"),
    Column("total", "Total", "int"),
    Column("share", "Women's share", "pct"),
    Column("rank_by_women", "Rank by women", "int"),
    Column("rank_by_share", "Rank by share", "int"),
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
                     "total": found.total, "share": one_decimal(found.share), **target_row(summary.target),
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
    return with_sources(Table("contributors", caption, CONTRIBUTOR_COLUMNS, ordered, spans=spans))


def mission_trend_table(process: Process, policy: TargetPolicy) -> Table:
    name = process.code or process.name
    return series_table("trend", f"{name}: women's share by category and month, against {policy.name}",
                        queries.cited_series(process), policy)


def mission_tables(process: Process, policy: TargetPolicy, sort: str) -> dict[str, Table]:
    categories = categories_table(process, policy)
    return {
        "categories": categories,
        "trend": mission_trend_table(process, policy),
        "contributors": contributors_table(process, categories.as_of, sort),
    }


# ---- Country page --------------------------------------------------------------------------

DEPLOYMENT_COLUMNS = [
    Column("mission", "Mission", link=mission_link, row_header=True),
    Column("date", "Latest month", "date"),
    Column("series", "Category"),
    Column("women", "Women", "int"),
    Column("men", "Men", "int"),
    Column("total", "Total", "int"),
    Column("share", "Women's share", "pct"),
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
    return with_sources(Table("missions", caption, DEPLOYMENT_COLUMNS, rows, spans=spans))


def country_tables(country: Country, policy: TargetPolicy) -> dict[str, Table]:
    caption = f"{country.name}'s women's share by category and month, against {policy.name}"
    return {
        "missions": deployments_table(country),
        "trend": series_table("trend", caption, queries.cited_series(country=country.iso3), policy),
    }


# ---- One series: a process, a contributing country or all peace operations ---------------------

def series_tables(policy: TargetPolicy, role: str, process: Process | None = None,
                  country: str | None = None) -> dict[str, Table]:
    """One category's months ("trend") and where it stands ("status"), as the API's series gives them."""
    cited = queries.cited_series(process, country, role)
    name = process.code or process.name if process else country or "UN peace operations"
    return {
        "status": status_table("status", f"{name}: where {label(role).lower()} stand against {policy.name}",
                               cited, policy, [role]),
        "trend": series_table("trend", f"{name}: women's share of {label(role).lower()} by month",
                              cited, policy, [role]),
    }


def process_status_table(process: Process, policy: TargetPolicy) -> Table:
    """Where each category of one process stands (every category it has counts in, in the model's order)."""
    caption = f"{process.code or process.name}: where each category stands against {policy.name}"
    return status_table("status", caption, queries.cited_series(process), policy, Category.values)
