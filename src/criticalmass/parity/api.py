"""JSON API of the parity monitor (mounted at /api/parity/): the pages' figures, each with its source.

Every route is public and read-only. Each figure's route serializes the rows of the same function
that draws the page's table and its CSV (parity.figures, parity.negotiation_figures), so the API and
the pages cannot disagree; tests/parity/test_one_route.py compares them value by value.
"""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Query, Router
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.core.models import DataNote, Source
from criticalmass.figures.tables import Row, Table, row_sources, share_of
from criticalmass.lib import targets
from criticalmass.lib.months import parse_month
from criticalmass.parity import figures, negotiation_figures, queries, ranking_figures
from criticalmass.parity.figures import label, role_rank
from criticalmass.parity.models import Observation, Process, TargetPolicy
from criticalmass.parity.schemas import (
    AgreementFilters,
    NoteFilters,
    NoteOut,
    ObservationFilters,
    ObservationOut,
    OverviewOut,
    OverviewParams,
    PaddAgreementOut,
    PolicyDetailOut,
    PolicyOut,
    PolicyParam,
    ProcessDetailOut,
    ProcessFilters,
    ProcessOut,
    RankingOut,
    RankingParams,
    SeriesOut,
    SeriesParams,
    SourceOut,
)

router = Router()


# ---- Helpers -------------------------------------------------------------------------------

def get_process(slug: str) -> Process:
    found = processes_qs().filter(slug=slug).first()
    if found is None:
        raise Http404(f"There is no process '{slug}'.")
    return found


def get_policy(slug: str | None) -> TargetPolicy:
    found = queries.policy(slug)
    if found is None:
        raise Http404(f"There is no target policy '{slug}'." if slug else "There is no target policy.")
    return found


def floor_policy() -> TargetPolicy:
    """The policy whose floor the negotiation figures use (the pages' choice)."""
    found = queries.floor_policy()
    if found is None:
        raise Http404("There is no target policy.")
    return found


def processes_qs() -> QuerySet[Process]:
    counts = (
        Observation.objects.filter(process=OuterRef("pk")).order_by()
        .values("process").annotate(n=Count("id")).values("n")
    )
    return Process.objects.select_related("host_country", "source").annotate(
        observation_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0)
    )


def figures_out(table: Table, row: Row) -> dict[str, Any]:
    """One summary row of a figures table (figures.summary_row) under the API's names."""
    return {
        "latest_date": row["latest"], "women": row["women"], "total": row["total"], "share": row["share"],
        "target": row["target"], "target_year": row["target_year"],
        "target_provenance": row["target_provenance"], "status": row["status"], "gap": row["gap"],
        "slope": row["trend"], "forecast_target_year": row["forecast_target"],
        "forecast_parity_year": row["forecast_parity"], "data_ends": row["data_ends"],
        "forecast_in_past": row["forecast_in_past"], "forecast_note": row["forecast_note"],
        "citation": row["source"], "sources": row_sources(table, row),
    }


def role_figures(table: Table) -> list[dict[str, Any]]:
    return [{"role": row["role"], "role_label": row["series"], **figures_out(table, row)}
            for row in table.rows]


class Agreements:
    """PADD agreements matching the filters, built only for the page asked for (no query per row)."""

    def __init__(self, rows: QuerySet[Observation], floor: Decimal) -> None:
        self.rows, self.floor = rows, floor
        self.keys = rows.values("process_id", "document", "date").distinct().order_by(
            "date", "document", "process_id")

    def __len__(self) -> int:
        return self.keys.count()

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        keys = [(k["process_id"], k["document"], k["date"]) for k in self.keys[page]]
        wanted = self.rows.filter(process_id__in={k[0] for k in keys}, document__in={k[1] for k in keys})
        grouped: dict[tuple[int, str, dt.date], list[Observation]] = {key: [] for key in keys}
        for obs in wanted.select_related("process", "source"):
            key = (obs.process_id, obs.document, obs.date)
            if key in grouped:  # the same process and document on another date is not on this page
                grouped[key].append(obs)
        return [self.agreement(grouped[key]) for key in keys]

    def agreement(self, rows: list[Observation]) -> dict[str, Any]:
        first = rows[0]
        pax_id = first.document.removeprefix("PA-X ").strip()
        return {
            "document": first.document, "pax_id": int(pax_id) if pax_id.isdigit() else None,
            "process": first.process.slug, "process_name": first.process.name, "date": first.date,
            "floor": float(self.floor), "source": first.source,
            "roles": [self.role(o) for o in sorted(rows, key=lambda o: role_rank(o.role))],
        }

    def role(self, obs: Observation) -> dict[str, Any]:
        return {
            "role": obs.role, "role_label": label(obs.role),
            "women": obs.women, "men": obs.men, "unknown": obs.unknown, "total": obs.total,
            "share": share_of(obs.women, obs.total),
            "meets_floor": targets.meets_floor(obs.women, obs.total, self.floor),
            "source_row": obs.source_row,
        }


# ---- Routes --------------------------------------------------------------------------------

@router.get("/processes", response={200: list[ProcessOut], **ERRORS}, url_name="processes")
@paginate(Page)
def list_processes(request: HttpRequest, filters: Query[ProcessFilters]) -> QuerySet[Process]:
    """Negotiations, peace operations and reconstruction processes, by name."""
    qs = processes_qs().order_by("name", "id")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.sponsor:
        qs = qs.filter(sponsor=filters.sponsor)
    if filters.host_country:
        qs = qs.filter(host_country_id=filters.host_country.upper())
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(code__icontains=filters.q))
    return qs


@router.get("/processes/{slug}", response={200: ProcessDetailOut, **ERRORS}, url_name="process")
def get_process_detail(request: HttpRequest, slug: str, params: Query[PolicyParam]) -> Process:
    """One process, with each category's latest figures, status, trend and forecasts under a policy."""
    process, policy = get_process(slug), get_policy(params.policy)
    table = figures.process_status_table(process, policy)
    # read by the schema
    process.policy, process.roles = policy, role_figures(table)  # type: ignore[attr-defined]
    return process


@router.get("/observations", response={200: list[ObservationOut], **ERRORS}, url_name="observations")
@paginate(Page)
def list_observations(request: HttpRequest, filters: Query[ObservationFilters]) -> QuerySet[Observation]:
    """Counts as the sources give them, one per process, date, category and contributing country."""
    process = get_process(filters.process) if filters.process else None
    country = filters.country.upper() if filters.country else None
    qs = queries.observations(process, filters.role, country, filters.kind)
    if filters.date_from:
        qs = qs.filter(date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date__lte=filters.date_to)
    return qs.select_related("process", "source").order_by("date", "id")


@router.get("/series", response={200: SeriesOut, **ERRORS}, url_name="series")
def get_series(request: HttpRequest, params: Query[SeriesParams]) -> dict[str, Any]:
    """Women, total and share per month, summed like the pages' charts, with the target per month."""
    process = get_process(params.process) if params.process else None
    policy = get_policy(params.policy)
    country = params.country.upper() if params.country else None
    tables = figures.series_tables(policy, params.role.value, process, country)
    status = tables["status"]
    summary = figures_out(status, status.rows[0]) if status.rows else empty_figures()
    keys = ("date", "women", "total", "share", "target", "target_provenance", "note")
    points = [{key: row[key] for key in keys} | {"citation": row["source"]} for row in tables["trend"].rows]
    return {"process": process.slug if process else None, "role": params.role.value, "country": country,
            "policy": policy, "summary": summary, "points": points}


def empty_figures() -> dict[str, Any]:
    """The summary of a series with no counts at all: nothing known, nothing cited."""
    return {"latest_date": None, "women": None, "total": None, "share": None, "target": None,
            "target_year": None, "target_provenance": None, "status": "no data", "gap": None, "slope": None,
            "forecast_target_year": None, "forecast_parity_year": None, "data_ends": None,
            "forecast_in_past": False, "forecast_note": None, "citation": "", "sources": []}


@router.get("/missions/ranking", response={200: RankingOut, **ERRORS}, url_name="ranking")
def get_ranking(request: HttpRequest, params: Query[RankingParams]) -> dict[str, Any]:
    """Peace operations ranked by gap to target, biggest first, ties by mission code (the dashboard's)."""
    policy, role = get_policy(params.policy), params.role.value
    month = parse_month(params.as_of) if params.as_of else None
    tables = ranking_figures.dashboard_tables(policy, role, month, only=("ranking", "closed"))
    table, closed = tables["ranking"], tables["closed"]
    items = [{"rank": row["rank"], **mission_key(row), **figures_out(table, row)} for row in table.rows]
    apart = [{"rank": None, **mission_key(row), "last_date": row["latest"], "share": row["share"],
              "end_date": row["end_date"], "why": row["why"], "citation": row["source"]}
             for row in closed.rows]
    return {"policy": policy, "role": role, "as_of": table.as_of, "items": items, "closed": apart}


def mission_key(row: Row) -> dict[str, Any]:
    return {"slug": row["mission_slug"], "code": row["code"], "name": row["name"],
            "host_country": row["host_country_iso3"],
            "url": reverse("api:process", kwargs={"slug": row["mission_slug"]})}


@router.get("/negotiations/overview", response={200: OverviewOut, **ERRORS},
            url_name="negotiations_overview")
def get_negotiations_overview(request: HttpRequest, params: Query[OverviewParams]) -> dict[str, Any]:
    """Per role: agreements with data and those whose women reached the floor (the negotiations page's)."""
    process = get_negotiation(params.process) if params.process else None
    policy = floor_policy()
    table = negotiation_figures.overview_table(policy, process)
    items = [{"role": row["role_key"], "role_label": row["role"], "with_data": row["with_data"],
              "reached": row["reached"], "share": row["share"], "citation": row["source"]}
             for row in table.rows]
    listed = negotiation_figures.listed_agreements(process)
    return {"process": process.slug if process else None, "policy": policy, "floor": float(policy.floor),
            "listed": listed.listed, "coded": listed.coded, "not_coded": listed.not_coded, "items": items}


def get_negotiation(slug: str) -> Process:
    found = Process.objects.filter(slug=slug, kind=Process.Kind.NEGOTIATION).first()
    if found is None:
        raise Http404(f"There is no negotiation '{slug}'.")
    return found


@router.get("/policies", response={200: list[PolicyOut], **ERRORS}, url_name="policies")
def list_policies(request: HttpRequest) -> QuerySet[TargetPolicy]:
    """The target policies; the default one first."""
    return TargetPolicy.objects.all()


@router.get("/policies/{slug}", response={200: PolicyDetailOut, **ERRORS}, url_name="policy")
def get_policy_detail(request: HttpRequest, slug: str) -> TargetPolicy:
    """One policy with its anchors and its year-by-year trajectory, each value labelled."""
    return get_policy(slug)


@router.get("/negotiations/agreements", response={200: list[PaddAgreementOut], **ERRORS},
            url_name="agreements")
@paginate(Page)
def list_agreements(request: HttpRequest, filters: Query[AgreementFilters]) -> Agreements:
    """Peace agreements (PADD) with women, men, unknown and total delegates by role, against the floor."""
    process = get_process(filters.process) if filters.process else None
    rows = queries.observations(process, kind=Process.Kind.NEGOTIATION).filter(document__startswith="PA-X ")
    if filters.date_from:
        rows = rows.filter(date__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(date__lte=filters.date_to)
    return Agreements(rows, floor_policy().floor)


@router.get("/sources", response={200: list[SourceOut], **ERRORS}, url_name="sources")
def list_sources(request: HttpRequest) -> QuerySet[Source]:
    """The datasets every figure cites, with how many observations each holds."""
    counts = (
        Observation.objects.filter(source=OuterRef("pk")).order_by()
        .values("source").annotate(n=Count("id")).values("n")
    )
    return Source.objects.annotate(
        observation_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0))


@router.get("/notes", response={200: list[NoteOut], **ERRORS}, url_name="notes")
@paginate(Page)
def list_notes(request: HttpRequest, filters: Query[NoteFilters]) -> QuerySet[DataNote]:
    """The sources' flaws the imports found, stored as notes: by source, subject (a trailing * for a
    prefix) and kind; a source that is not imported is a 404."""
    notes = DataNote.objects.select_related("source")
    if filters.source:
        notes = notes.filter(source=get_source(filters.source))
    if filters.subject:
        subject = filters.subject
        notes = (notes.filter(subject__startswith=subject[:-1]) if subject.endswith("*")
                 else notes.filter(subject=subject))
    if filters.kind:
        notes = notes.filter(kind=filters.kind)
    return notes.order_by("source_id", "source_row", "pk")


def get_source(slug: str) -> Source:
    found = Source.objects.filter(slug=slug).first()
    if found is None:
        raise Http404(f"There is no source '{slug}'.")
    return found
