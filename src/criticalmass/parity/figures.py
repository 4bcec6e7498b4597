"""The figures of the public pages, as tables: what the page shows, the chart draws and the CSV holds.

A Table's rows are the numbers behind a figure, already rounded as shown (shares to one decimal),
so the HTML table, the chart (drawn from the same rows) and the CSV download cannot disagree.
Each row carries a `source` citation (dataset, file, rows) that the CSV adds as its last column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html import escape  # the standard library's: Django's lazy-aware one is slower, same output
from itertools import groupby
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from criticalmass.core.models import Country, Source
from criticalmass.lib.targets import Status, Target
from criticalmass.parity import logic, queries
from criticalmass.parity.models import DELEGATE_ROLES, PEACEKEEPING_CATEGORIES, Process, Role, TargetPolicy
from criticalmass.parity.queries import RowSpan

Row = dict[str, Any]
SERIES_ROLES = [Role.TOTAL, *PEACEKEEPING_CATEGORIES]
ROLE_LABELS: dict[str, str] = dict(Role.choices)
NOT_AT_PACE = "not at the current pace"


# ---- Formatting ----------------------------------------------------------------------------

def one_decimal(value: float | None) -> float | None:
    return None if value is None else round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def signed(value: float) -> str:
    return f"{value:+.1f}" if value else "0.0"


def status_text(summary: logic.Summary) -> str:
    if summary.target is None:
        return "no target"
    return "no data" if summary.status == Status.UNKNOWN else str(summary.status)


FORMATS: dict[str, Callable[[Any], str]] = {
    "text": str,
    "int": lambda v: f"{v:,}",
    "pct": lambda v: f"{v:.1f}%",
    "points": lambda v: f"{v:.1f}",
    "trend": signed,
    "year": str,
    "date": lambda v: v.isoformat(),
    "month": lambda v: v.strftime("%b %Y"),
    "yesno": lambda v: "yes" if v else "no",
    "status": str,
}
STATUS_ICONS = {"met": "✓", "close": "≈", "off track": "✗", "no data": "?", "no target": "–"}
NUMERIC = {"int", "pct", "points", "trend", "year"}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"
    none: str = "unknown"
    link: Callable[[Row], str | None] | None = None
    row_header: bool = False

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    classes: str = ""
    header: bool = False
    icon: str = ""  # a status badge's symbol, beside its words (never colour alone)


@dataclass
class Table:
    """A figure's numbers: `rows` hold one dict per line, keyed by the columns' keys, plus `source`."""

    name: str
    caption: str
    columns: list[Column]
    rows: list[Row]
    sources: dict[int, Source] = field(default_factory=dict)
    spans: list[RowSpan] = field(default_factory=list)
    as_of: dt.date | None = None
    csv_url: str = ""

    @property
    def citation(self) -> str:
        return cite(self.spans, self.sources, counted=False)

    @property
    def cited_sources(self) -> list[Source]:
        return [self.sources[i] for i in sorted({s.source_id for s in self.spans})]

    def cells(self, rows: Sequence[Row] | None = None, columns: Sequence[Column] | None = None,
              ) -> list[list[Cell]]:
        """Display cells of `rows` (all by default) in `columns` (all by default)."""
        shown = self.columns if columns is None else columns
        return [[cell(column, row) for column in shown] for row in (self.rows if rows is None else rows)]

    def html(self, rows: Sequence[Row] | None = None, columns: Sequence[Column] | None = None,
             caption: str | None = None) -> SafeString:
        """The table as HTML (built here rather than in a template loop: ten times faster for 2,000 cells)."""
        shown = self.columns if columns is None else columns
        head = "".join(f'<th scope="col"{NUM if c.numeric else ""}>{escape(c.label)}</th>' for c in shown)
        body = "\n".join(f"<tr>{''.join(map(cell_html, row))}</tr>" for row in self.cells(rows, shown))
        return mark_safe(  # noqa: S308  # every text in it is escaped above or in cell_html
            f'<table class="data"><caption>{escape(caption or self.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"
        )

    def header(self) -> list[str]:
        return [column.key for column in self.columns] + ["source"]

    def csv_rows(self) -> list[list[str]]:
        keys = [c.key for c in self.columns]
        return [[csv_value(row.get(key)) for key in keys] + [row.get("source", "")] for row in self.rows]


def cell(column: Column, row: Row) -> Cell:
    value = row.get(column.key)
    text = column.none if value is None else FORMATS[column.kind](value)
    classes = "num" if column.kind in NUMERIC else "when" if column.kind in {"date", "month"} else ""
    if column.kind == "status":
        classes = "status status-" + str(value).replace(" ", "-")
    if value is None:
        classes += " none"
    href = column.link(row) if column.link else None
    icon = STATUS_ICONS.get(str(value), "") if column.kind == "status" else ""
    return Cell(text, href, classes.strip(), column.row_header, icon)


NUM = ' class="num"'


def cell_html(cell: Cell) -> str:
    tag = "th" if cell.header else "td"
    attributes = ' scope="row"' if cell.header else ""
    attributes += f' class="{cell.classes}"' if cell.classes else ""
    if cell.icon:
        inner = f'<span class="badge"><span aria-hidden="true">{cell.icon}</span> {escape(cell.text)}</span>'
    elif cell.href:
        inner = f'<a href="{escape(cell.href)}">{escape(cell.text)}</a>'
    else:
        inner = escape(cell.text)
    return f"<{tag}{attributes}>{inner}</{tag}>"


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def cite(spans: Iterable[RowSpan], sources: dict[int, Source], counted: bool = True) -> str:
    """'IPI Peacekeeping Database, Gender.Full.csv, rows 2–29116 (560 rows)', one part per source.

    `counted` adds how many rows were summed; only right when no row is counted twice, as when
    all spans are of one role (a source line gives one observation per role).
    """
    parts = []
    for source_id, group in groupby(sorted(spans, key=lambda s: s.source_id), key=lambda s: s.source_id):
        found = list(group)
        first, last = min(s.first for s in found), max(s.last for s in found)
        count = sum(s.count for s in found)
        source = sources[source_id]
        if first == last:
            rows = f"row {first}"
        elif not counted or count == last - first + 1:
            rows = f"rows {first}–{last}"
        else:
            rows = f"rows {first}–{last} ({count:,} rows)"
        parts.append(f"{source.dataset}, {source.file}, {rows}")
    return "; ".join(parts)


def with_sources(table: Table) -> Table:
    """Fetch the sources the table's spans name, and write each row's citation."""
    ids = {s.source_id for s in table.spans} | {s.source_id for r in table.rows for s in r.get("_spans", [])}
    table.sources = queries.sources_by_id(ids)
    for row in table.rows:
        row["source"] = cite(row.pop("_spans", []), table.sources)
    return table


# ---- Shared pieces -------------------------------------------------------------------------

def target_row(target: Target | None) -> Row:
    return {"target": one_decimal(target.value) if target else None,
            "target_provenance": str(target.provenance) if target else None}


def summary_row(summary: logic.Summary) -> Row:
    latest = summary.latest
    share, target = one_decimal(summary.latest_share), target_row(summary.target)
    return {
        "latest": latest.date if latest else None,
        "women": latest.women if latest else None,
        "total": latest.total if latest else None,
        "share": share,
        **target,
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


def series_table(name: str, caption: str, cited: queries.CitedSeries, policy: TargetPolicy) -> Table:
    """One row per category and month: women, total, share and the policy's target that year."""
    rows, spans = [], []
    for role in SERIES_ROLES:
        target_of = logic.target_function(policy, role)
        for point in cited.by_key.get(role, []):
            point_spans = cited.rows[role, point.date]
            spans += point_spans
            rows.append({"date": point.date, "role": role, "series": ROLE_LABELS[role], "women": point.women,
                         "total": point.total, "share": one_decimal(point.share),
                         **target_row(target_of(point.date.year)), "_spans": point_spans})
    return with_sources(Table(name, caption, SERIES_COLUMNS, rows, spans=spans))


def status_table(name: str, caption: str, cited: queries.CitedSeries, policy: TargetPolicy) -> Table:
    """Where each category stands: latest share, target, status, trend and forecasts."""
    rows, spans = [], []
    for role in SERIES_ROLES:
        if role not in cited.by_key:
            continue
        role_spans = cited.spans(role)
        spans += role_spans
        summary = logic.summarize(cited.by_key[role], policy, role)
        rows.append({"series": ROLE_LABELS[role], **summary_row(summary), "_spans": role_spans})
    columns = [Column("series", "Category", row_header=True), *SUMMARY_COLUMNS]
    return with_sources(Table(name, caption, columns, rows, spans=spans))


def mission_link(row: Row) -> str:
    return reverse("parity:mission", args=[row["mission_slug"]])


def country_link(row: Row) -> str:
    return reverse("parity:country", args=[row["country"]])


def conflict_link(row: Row) -> str:
    return reverse("parity:negotiation", args=[row["conflict_slug"]])


# ---- Dashboard -----------------------------------------------------------------------------

RANKING_COLUMNS = [
    Column("rank", "Rank", "int", none="—"),
    Column("mission", "Mission", link=mission_link, row_header=True),
    Column("host_country", "Host country", none="—"),
    *[column for column in SUMMARY_COLUMNS if column.key != "target_provenance"],
]


def ranking_table(policy: TargetPolicy, role: str) -> Table:
    """Peace operations by gap to target in `role`, biggest first; those without a gap last."""
    cited = queries.cited_series_by_process(role)
    missions = queries.operations_by_id(cited.by_key)
    ordered = sorted(missions.values(), key=lambda m: (m.code or m.name, m.id))
    ranked = logic.rank_by_gap((m, logic.summarize(cited.by_key[m.id], policy, role)) for m in ordered)
    rows, spans = [], []
    for rank, (mission, summary) in enumerate(ranked, start=1):
        mission_spans = cited.spans(mission.id)
        spans += mission_spans
        rows.append({
            "rank": rank if summary.gap is not None else None, "mission": mission.code or mission.name,
            "mission_slug": mission.slug, "name": mission.name,
            "host_country": mission.host_country.name if mission.host_country else None,
            **summary_row(summary), "_spans": mission_spans,
        })
    caption = f"Peace operations ranked by their gap to target ({ROLE_LABELS[role].lower()}, {policy.name})"
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
        point = logic.SeriesPoint(latest, found.women or 0, found.total)
        summary = logic.summarize([point], policy, role)
        rows.append({"series": ROLE_LABELS[role], "role": role, "women": found.women, "men": found.men,
                     "total": found.total, "share": one_decimal(found.share), **target_row(summary.target),
                     "status": status_text(summary), "_spans": found.rows})
    month = f" ({latest:%B %Y})" if latest else ""
    caption = f"{process.code or process.name}: women by category in the latest month{month}"
    return with_sources(Table("categories", caption, CATEGORY_COLUMNS, rows, spans=spans, as_of=latest))


def contributors_table(process: Process, latest: dt.date | None, sort: str) -> Table:
    """Contributing countries in the latest month, ranked by women deployed or by women's share."""
    found = queries.contributors(process, latest) if latest else []
    rows = [{"country": r["contributing_country_id"], "country_name": r["contributing_country__name"],
             "women": r["women"], "total": r["total"],
             "share": one_decimal(100.0 * r["women"] / r["total"] if r["women"] is not None and r["total"]
                                  else None),
             "_spans": [RowSpan(r["source_id"], r["source_row"], r["source_row"], 1)]} for r in found]
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


def mission_tables(process: Process, policy: TargetPolicy, sort: str) -> dict[str, Table]:
    categories = categories_table(process, policy)
    name = process.code or process.name
    return {
        "categories": categories,
        "trend": series_table("trend", f"{name}: women's share by category and month, against {policy.name}",
                              queries.cited_series(process), policy),
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
        span = RowSpan(r["source_id"], r["source_row"], r["source_row"], 1)
        spans.append(span)
        share = 100.0 * r["women"] / r["total"] if r["women"] is not None and r["total"] else None
        rows.append({"mission": r["process__code"] or r["process__name"], "mission_slug": r["process__slug"],
                     "date": r["date"], "role": r["role"], "series": ROLE_LABELS.get(r["role"], r["role"]),
                     "women": r["women"], "men": r["men"], "total": r["total"], "share": one_decimal(share),
                     "_spans": [span]})
    caption = f"{country.name}'s uniformed personnel by mission and category, in its latest month in each"
    return with_sources(Table("missions", caption, DEPLOYMENT_COLUMNS, rows, spans=spans))


def country_tables(country: Country, policy: TargetPolicy) -> dict[str, Table]:
    caption = f"{country.name}'s women's share by category and month, against {policy.name}"
    return {
        "missions": deployments_table(country),
        "trend": series_table("trend", caption, queries.cited_series(country=country.iso3), policy),
    }


# ---- Negotiations --------------------------------------------------------------------------

AGREEMENT_ROLES = [Role.ALL_DELEGATES, *DELEGATE_ROLES]


def floor_text(policy: TargetPolicy) -> str:
    return f"{float(policy.floor):g}%"


def overview_table(policy: TargetPolicy, process: Process | None = None) -> Table:
    """Per role: how many agreements reached the policy's floor, of those with data for the role."""
    counts = queries.floor_overview(policy.floor, process)
    floor = floor_text(policy)
    rows, spans = [], []
    for role in AGREEMENT_ROLES:
        if role not in counts:
            continue
        with_data, reached, role_spans = counts[role]
        spans += role_spans
        rows.append({"role": ROLE_LABELS[role], "with_data": with_data, "reached": reached,
                     "share": one_decimal(100.0 * reached / with_data) if with_data else None,
                     "_spans": role_spans})
    columns = [
        Column("role", "Role", row_header=True),
        Column("with_data", "Agreements with data", "int"),
        Column("reached", f"Agreements with at least {floor} women", "int"),
        Column("share", "Share of agreements", "pct", none="—"),
    ]
    caption = f"How many agreements reached {floor} women in each role ({policy.name}'s floor)"
    return with_sources(Table("overview", caption, columns, rows, spans=spans))


def agreements_table(policy: TargetPolicy, process: Process | None = None) -> Table:
    """Every role of every agreement: delegates, women, men (or unknown), share against the floor."""
    floor = float(policy.floor)
    order = {role: i for i, role in enumerate(AGREEMENT_ROLES)}
    found = sorted(queries.agreement_rows(process),
                   key=lambda r: (r["date"], r["document"], r["process__name"], order.get(r["role"], 99)))
    rows, spans = [], []
    for r in found:
        span = RowSpan(r["source_id"], r["source_row"], r["source_row"], 1)
        spans.append(span)
        share = 100.0 * r["women"] / r["total"] if r["women"] is not None and r["total"] else None
        rows.append({"document": r["document"], "conflict": r["process__name"],
                     "conflict_slug": r["process__slug"], "date": r["date"],
                     "role": ROLE_LABELS.get(r["role"], r["role"]), "total": r["total"], "women": r["women"],
                     "men": r["men"], "share": one_decimal(share),
                     "meets_floor": logic.meets_floor(r["women"], r["total"], floor), "_spans": [span]})
    columns = [Column("document", "Agreement"), Column("conflict", "Conflict", link=conflict_link),
               Column("date", "Date", "date"), *agreement_role_columns(policy)]
    caption = "Delegates by role in each agreement"
    return with_sources(Table("agreements", caption, columns, rows, spans=spans))


def agreement_role_columns(policy: TargetPolicy) -> list[Column]:
    """The columns of one agreement's table (the agreement, conflict and date are its heading)."""
    return [
        Column("role", "Role", row_header=True),
        Column("total", "Delegates", "int"),
        Column("women", "Women", "int"),
        Column("men", "Men", "int"),
        Column("share", "Women's share", "pct"),
        Column("meets_floor", f"At least {floor_text(policy)}", "yesno"),
    ]


def negotiation_tables(policy: TargetPolicy, process: Process | None = None) -> dict[str, Table]:
    return {"overview": overview_table(policy, process), "agreements": agreements_table(policy, process)}


# ---- Targets and sources -------------------------------------------------------------------

TRAJECTORY_YEARS = range(2018, 2031)


def trajectory_grid(policy: TargetPolicy) -> list[tuple[str, list[Target]]]:
    """A policy's targets by role (one line for every role if it escalates) and year, 2018-2030."""
    if policy.kind == TargetPolicy.Kind.ESCALATING:
        return [("Every role", logic.trajectory(policy, Role.TOTAL, TRAJECTORY_YEARS))]
    roles = logic.policy_roles(policy, SERIES_ROLES + AGREEMENT_ROLES)
    return [(ROLE_LABELS[role], logic.trajectory(policy, role, TRAJECTORY_YEARS)) for role in roles]


def trajectories_table(policies: Iterable[TargetPolicy]) -> Table:
    """Each policy's target for each role and year 2018-2030, with where the value comes from."""
    rows = []
    for policy in policies:
        roles: list[str | None] = [None] if policy.kind == TargetPolicy.Kind.ESCALATING else \
            list(logic.policy_roles(policy, SERIES_ROLES + AGREEMENT_ROLES))
        for role in roles:
            for target in logic.trajectory(policy, role or Role.TOTAL, TRAJECTORY_YEARS):
                rows.append({"policy": policy.slug, "role": ROLE_LABELS[role] if role else "every role",
                             "year": target.year, "target": one_decimal(target.value),
                             "target_provenance": str(target.provenance)})
    columns = [Column("policy", "Policy"), Column("role", "Role", row_header=True),
               Column("year", "Year", "year"), Column("target", "Target", "pct"),
               Column("target_provenance", "Provenance")]
    return Table("trajectories", "Target trajectories, 2018–2030", columns, rows)


SOURCE_COLUMNS = [
    Column("dataset", "Dataset", link=lambda row: row["url"] or None, row_header=True),
    Column("publisher", "Publisher"),
    Column("version", "Version", none="—"),
    Column("file", "File"),
    Column("licence", "Licence", none="—"),
    Column("citation", "Citation"),
    Column("imported_at", "Imported", none="not yet"),
    Column("observation_count", "Observations", "int"),
]


def sources_table() -> Table:
    rows = [{"slug": s.slug, "dataset": s.dataset, "publisher": s.publisher, "version": s.version or None,
             "file": s.file, "url": s.url, "licence": s.licence or None, "citation": s.citation,
             "imported_at": s.imported_at.strftime("%Y-%m-%d %H:%M UTC") if s.imported_at else None,
             "observation_count": s.observation_count, "source": s.citation}
            for s in queries.sources_with_counts()]
    return Table("sources", "Imported datasets", SOURCE_COLUMNS, rows)
