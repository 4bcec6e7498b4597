"""JSON API of the parity monitor (mounted at /api/parity/): the pages' figures, each with its source.

Every route is public and read-only. Figures come from parity.queries and parity.logic, the
same functions the pages use, so the API and the pages cannot disagree.
"""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import model_validator

from criticalmass.api_common import ERRORS, Page
from criticalmass.core.models import Source
from criticalmass.lib.targets import Target
from criticalmass.parity import logic, queries
from criticalmass.parity.models import Observation, Process, Role, TargetAnchor, TargetPolicy

router = Router()

ISO3 = r"^[A-Za-z]{3}$"
TRAJECTORY_YEARS = range(2018, 2036)
ROLE_ORDER = {value: i for i, value in enumerate(Role.values)}
ROLE_LABELS = dict(Role.choices)


# ---- Schemas -------------------------------------------------------------------------------

class SourceRef(Schema):
    slug: str
    dataset: str
    file: str
    citation: str


class PolicyRef(Schema):
    slug: str
    name: str


class ProcessOut(Schema):
    slug: str
    code: str
    name: str
    kind: str
    sponsor: str
    host_country: str | None = Field(..., description="ISO 3166-1 alpha-3 code.")
    host_country_name: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    observation_count: int
    url: str = Field(..., description="This process in the API.")

    @staticmethod
    def resolve_host_country(obj: Process) -> str | None:
        return obj.host_country_id

    @staticmethod
    def resolve_host_country_name(obj: Process) -> str | None:
        return obj.host_country.name if obj.host_country else None

    @staticmethod
    def resolve_url(obj: Process) -> str:
        return reverse("api:process", kwargs={"slug": obj.slug})


class Figures(Schema):
    """The latest figures of one series and where they stand against a policy's target."""

    latest_date: dt.date | None
    women: int | None
    total: int | None
    share: float | None = Field(..., description="Women as a percentage of the total.")
    target: float | None = Field(..., description="The policy's target (%) in the latest date's year.")
    target_year: int | None
    target_provenance: str | None = Field(..., description="rule, official, linear interpolation, "
                                          "or held from nearest official value.")
    status: str = Field(..., description="met, close, off track or unknown.")
    gap: float | None = Field(..., description="Target minus share, in points.")
    slope: float | None = Field(..., description="Least-squares trend, in points per year.")
    forecast_target_year: int | None = Field(..., description="null: not at the current pace.")
    forecast_parity_year: int | None = Field(..., description="null: not at the current pace.")
    citation: str
    sources: list[SourceRef]


class RoleKey(Schema):
    role: str
    role_label: str


class RoleFigures(Figures, RoleKey):  # RoleKey's fields come first
    pass


class ProcessDetailOut(ProcessOut):
    source: SourceRef | None = Field(..., description="Where the process itself is registered from.")
    policy: PolicyRef
    roles: list[RoleFigures]


class ObservationOut(Schema):
    id: int
    process: str
    date: dt.date
    role: str
    country: str | None = Field(..., description="Contributing country (ISO alpha-3), if any.")
    document: str
    women: int | None
    men: int | None
    unknown: int | None
    total: int
    share: float | None
    source: SourceRef
    source_row: int = Field(..., description="Line in the source file (the header is line 1).")
    citation: str

    @staticmethod
    def resolve_process(obj: Observation) -> str:
        return obj.process.slug

    @staticmethod
    def resolve_country(obj: Observation) -> str | None:
        return obj.contributing_country_id

    @staticmethod
    def resolve_citation(obj: Observation) -> str:
        return obj.source.cite_row(obj.source_row)


class SeriesPointOut(Schema):
    date: dt.date
    women: int
    total: int
    share: float | None
    target: float | None
    target_provenance: str | None


class SeriesOut(Schema):
    process: str | None
    role: str
    country: str | None
    policy: PolicyRef
    summary: Figures
    points: list[SeriesPointOut]


class MissionKey(Schema):
    rank: int | None = Field(..., description="1 = biggest gap; null when there is no gap to rank.")
    slug: str
    code: str
    name: str
    host_country: str | None
    url: str


class RankedMission(Figures, MissionKey):  # MissionKey's fields come first
    pass


class RankingOut(Schema):
    policy: PolicyRef
    role: str
    items: list[RankedMission]


class PolicyOut(Schema):
    slug: str
    name: str
    kind: str
    description: str
    citation: str
    floor: float
    start_year: int
    step: float
    cap: float
    close_within: float
    is_default: bool
    url: str

    @staticmethod
    def resolve_url(obj: TargetPolicy) -> str:
        return reverse("api:policy", kwargs={"slug": obj.slug})


class AnchorOut(Schema):
    role: str
    year: int
    value: float
    citation: str


class TrajectoryPoint(Schema):
    year: int
    value: float
    provenance: str


class Trajectory(Schema):
    role: str | None = Field(..., description="null: the same for every role.")
    points: list[TrajectoryPoint]


class PolicyDetailOut(PolicyOut):
    anchors: list[AnchorOut]
    trajectories: list[Trajectory] = Field(..., description="Each year's target, 2018-2035, labelled.")

    @staticmethod
    def resolve_anchors(obj: TargetPolicy) -> list[TargetAnchor]:
        return sorted(obj.anchors.all(), key=lambda a: (role_rank(a.role), a.year))

    @staticmethod
    def resolve_trajectories(obj: TargetPolicy) -> list[dict[str, Any]]:
        return trajectories(obj)


class AgreementRole(Schema):
    role: str
    role_label: str
    women: int | None
    men: int | None
    unknown: int | None
    total: int
    share: float | None
    meets_floor: bool | None = Field(..., description="share >= floor; null when women are not known.")
    source_row: int


class AgreementOut(Schema):
    document: str
    pax_id: int | None = Field(..., description="The agreement's id in PA-X.")
    process: str
    process_name: str
    date: dt.date
    floor: float = Field(..., description="The default policy's floor (%).")
    source: SourceRef
    roles: list[AgreementRole]


class SourceOut(Schema):
    slug: str
    dataset: str
    publisher: str
    version: str
    file: str
    url: str
    licence: str
    citation: str
    sha256: str
    imported_at: dt.datetime | None
    observation_count: int


# ---- Query parameters ----------------------------------------------------------------------

class ProcessFilters(Schema):
    kind: Process.Kind | None = None
    sponsor: Process.Sponsor | None = None
    host_country: str | None = Field(None, pattern=ISO3, description="ISO alpha-3 code.")
    q: str | None = Field(None, max_length=200, description="Part of the name or code.")


class PolicyParam(Schema):
    policy: str | None = Field(None, description="Target policy slug; the default policy when absent.")


class DateRange(Schema):
    date_from: dt.date | None = Field(None, description="On or after this date (YYYY-MM-DD).")
    date_to: dt.date | None = Field(None, description="On or before this date (YYYY-MM-DD).")

    @model_validator(mode="after")
    def dates_in_order(self) -> "DateRange":
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        return self


class ObservationFilters(DateRange):
    process: str | None = Field(None, description="Process slug.")
    role: Role | None = None
    country: str | None = Field(None, pattern=ISO3, description="Contributing country, ISO alpha-3.")
    kind: Process.Kind | None = None


class SeriesParams(PolicyParam):
    process: str | None = Field(None, description="Process slug; all peace operations when absent.")
    role: Role = Role.TOTAL
    country: str | None = Field(None, pattern=ISO3, description="Contributing country, ISO alpha-3.")


class RankingParams(PolicyParam):
    role: Role = Role.TOTAL


class AgreementFilters(DateRange):
    process: str | None = Field(None, description="Negotiation (process) slug.")


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


def processes_qs() -> QuerySet[Process]:
    counts = (
        Observation.objects.filter(process=OuterRef("pk")).order_by()
        .values("process").annotate(n=Count("id")).values("n")
    )
    return Process.objects.select_related("host_country", "source").annotate(
        observation_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0)
    )


def target_fields(target: Target | None) -> dict[str, Any]:
    return {
        "target": target.value if target else None,
        "target_year": target.year if target else None,
        "target_provenance": str(target.provenance) if target else None,
    }


def figures(summary: logic.Summary, sources: Iterable[Source]) -> dict[str, Any]:
    latest, sources = summary.latest, list(sources)
    return {
        "latest_date": latest.date if latest else None,
        "women": latest.women if latest else None,
        "total": latest.total if latest else None,
        "share": summary.latest_share,
        **target_fields(summary.target),
        "status": str(summary.status),
        "gap": summary.gap,
        "slope": summary.slope,
        "forecast_target_year": summary.forecast_target,
        "forecast_parity_year": summary.forecast_parity,
        "citation": "; ".join(s.citation for s in sources),
        "sources": sources,
    }


def role_rank(role: str) -> int:
    """Roles in the order the model declares them (total first), not alphabetically."""
    return ROLE_ORDER.get(role, len(ROLE_ORDER))


def by_role_order(roles: Iterable[str]) -> list[str]:
    return sorted(roles, key=role_rank)


def trajectories(policy: TargetPolicy) -> list[dict[str, Any]]:
    if policy.kind == TargetPolicy.Kind.ESCALATING:
        roles: list[str | None] = [None]
    else:
        roles = list(by_role_order({a.role for a in policy.anchors.all()}))
    found = []
    for role in roles:
        target_of = logic.target_function(policy, role or Role.TOTAL)
        points = [t for year in TRAJECTORY_YEARS if (t := target_of(year)) is not None]
        found.append({"role": role, "points": [
            {"year": t.year, "value": t.value, "provenance": str(t.provenance)} for t in points]})
    return found


class Agreements:
    """PADD agreements matching the filters, built only for the page asked for (no query per row)."""

    def __init__(self, rows: QuerySet[Observation], floor: float) -> None:
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
            "floor": self.floor, "source": first.source,
            "roles": [self.role(o) for o in sorted(rows, key=lambda o: role_rank(o.role))],
        }

    def role(self, obs: Observation) -> dict[str, Any]:
        share = obs.share
        return {
            "role": obs.role, "role_label": ROLE_LABELS.get(obs.role, obs.role),
            "women": obs.women, "men": obs.men, "unknown": obs.unknown, "total": obs.total,
            "share": share, "meets_floor": None if share is None else share >= self.floor,
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
    """One process, with each role's latest figures, status, trend and forecasts under a policy."""
    process, policy = get_process(slug), get_policy(params.policy)
    series, sources = queries.series_by_role(process), queries.sources_by_role(process)
    roles = [
        {"role": role, "role_label": ROLE_LABELS.get(role, role),
         **figures(logic.summarize(series.get(role, []), policy, role), sources[role])}
        for role in by_role_order(sources)
    ]
    process.policy, process.roles = policy, roles  # type: ignore[attr-defined]  # read by the schema
    return process


@router.get("/observations", response={200: list[ObservationOut], **ERRORS}, url_name="observations")
@paginate(Page)
def list_observations(request: HttpRequest, filters: Query[ObservationFilters]) -> QuerySet[Observation]:
    """Counts as the sources give them, one per process, date, role and contributing country."""
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
    """Women, total and share per date, summed like the dashboard's charts, with the target per date."""
    process = get_process(params.process) if params.process else None
    policy = get_policy(params.policy)
    country = params.country.upper() if params.country else None
    series = queries.series(process, params.role, country)
    kind = None if process else Process.Kind.OPERATION
    sources = queries.sources_of(queries.observations(process, params.role, country, kind))
    target_of = logic.target_function(policy, params.role)
    points = []
    for p in series:
        target = target_of(p.date.year)
        points.append({"date": p.date, "women": p.women, "total": p.total, "share": p.share,
                       "target": target.value if target else None,
                       "target_provenance": str(target.provenance) if target else None})
    return {"process": process.slug if process else None, "role": params.role.value, "country": country,
            "policy": policy, "summary": figures(logic.summarize(series, policy, params.role), sources),
            "points": points}


@router.get("/missions/ranking", response={200: RankingOut, **ERRORS}, url_name="ranking")
def get_ranking(request: HttpRequest, params: Query[RankingParams]) -> dict[str, Any]:
    """Peace operations ranked by gap to target, biggest first (the dashboard's ranking)."""
    policy, role = get_policy(params.policy), params.role.value
    series = queries.series_by_process(role)
    sources = queries.sources_by_process(role)
    # Missions with observations in this role, even when their women are unknown.
    missions = Process.objects.filter(id__in=sources).select_related("host_country").order_by("name", "id")
    ranked = logic.rank_by_gap((m, logic.summarize(series.get(m.id, []), policy, role)) for m in missions)
    items = [
        {"rank": i if summary.gap is not None else None, "slug": m.slug, "code": m.code, "name": m.name,
         "host_country": m.host_country_id, "url": reverse("api:process", kwargs={"slug": m.slug}),
         **figures(summary, sources.get(m.id, []))}
        for i, (m, summary) in enumerate(ranked, start=1)
    ]
    return {"policy": policy, "role": role, "items": items}


@router.get("/policies", response={200: list[PolicyOut], **ERRORS}, url_name="policies")
def list_policies(request: HttpRequest) -> QuerySet[TargetPolicy]:
    """The target policies; the default one first."""
    return TargetPolicy.objects.all()


@router.get("/policies/{slug}", response={200: PolicyDetailOut, **ERRORS}, url_name="policy")
def get_policy_detail(request: HttpRequest, slug: str) -> TargetPolicy:
    """One policy with its anchors and its year-by-year trajectory (2018-2035), each value labelled."""
    return get_policy(slug)


@router.get("/negotiations/agreements", response={200: list[AgreementOut], **ERRORS},
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
    return Agreements(rows, float(get_policy(None).floor))


@router.get("/sources", response={200: list[SourceOut], **ERRORS}, url_name="sources")
def list_sources(request: HttpRequest) -> QuerySet[Source]:
    """The datasets every figure cites, with how many observations each holds."""
    counts = (
        Observation.objects.filter(source=OuterRef("pk")).order_by()
        .values("source").annotate(n=Count("id")).values("n")
    )
    return Source.objects.annotate(
        observation_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0))
