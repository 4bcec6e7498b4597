"""JSON API of the watchdog (mounted at /api/watchdog/): plans and laws with their scorecards and
status, actions, legal reporting duties, the WPS Index and country profiles. Public and read-only;
the pages use the same query functions."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.core.models import Country
from criticalmass.figures.citations import cite_row, sources_by_id
from criticalmass.parity import queries as parity
from criticalmass.parliaments import figures as parliaments_figures
from criticalmass.watchdog import aid_figures, queries
from criticalmass.watchdog.models import Action, AidActivity, Plan, WpsIndexScore, today

router = Router()
CENT = Decimal("0.01")


class ScoreOut(Schema):
    percent: Decimal | None = Field(..., description="Weighted score in %, one decimal.")
    points: Decimal
    out_of: Decimal
    unknown: list[str] = Field(..., description="Criteria whose answer is unknown (they score 0).")


class PlanOut(Schema):
    slug: str
    country: str = Field(..., description="ISO 3166-1 alpha-3 code.")
    country_name: str
    kind: str
    generation: int | None
    title: str
    adopted_year: int | None
    adopted_month: int | None
    period_start: int | None
    period_end: int | None
    lead_agency: str
    status: str = Field(..., description="in_force, expired, in_development, superseded or unknown.")
    expired_without_successor: bool
    allocated_budget: bool | None
    document_url: str
    source_title: str
    source_url: str
    verification: str = Field(..., description="V read in the source, V2 secondary, R recalled.")
    score: ScoreOut


def plan_out(view: queries.PlanView) -> dict[str, Any]:
    p = view.plan
    return {
        "slug": p.slug, "country": p.country_id, "country_name": p.country.name, "kind": p.kind,
        "generation": p.generation, "title": p.title, "adopted_year": p.adopted_year,
        "adopted_month": p.adopted_month, "period_start": p.period_start, "period_end": p.period_end,
        "lead_agency": p.lead_agency, "status": view.status, "expired_without_successor": view.alert,
        "allocated_budget": p.allocated_budget, "document_url": p.document_url,
        "source_title": p.source_title, "source_url": p.source_url, "verification": p.verification,
        "score": {"percent": view.score.percent, "points": view.score.points, "out_of": view.score.out_of,
                  "unknown": list(view.score.unknown)},
    }


class ActionOut(Schema):
    id: int
    plan: str
    agency: str
    objective: str
    indicator: str
    baseline: str
    target: str
    deadline: dt.date | None
    responsible_unit: str
    budget_amount: Decimal | None
    budget_currency: str
    budget_year: int | None
    status: str

    @staticmethod
    def resolve_plan(obj: Action) -> str:
        return obj.agency.plan.slug

    @staticmethod
    def resolve_agency(obj: Action) -> str:
        return obj.agency.name


class PlanDetailOut(PlanOut):
    actions: list[ActionOut]


class DeliveryOut(Schema):
    delivered_on: dt.date
    title: str
    url: str


class ObligationOut(Schema):
    slug: str
    country: str
    title: str
    legal_basis: str
    responsible: str
    first_due: dt.date
    every_months: int | None
    occurrences: int | None
    state: str = Field(..., description="overdue, due soon (within 90 days), later or done.")
    next_due: dt.date | None
    days: int = Field(..., description="Days overdue, or days left; 0 when done.")
    deliveries: list[DeliveryOut]
    source_title: str
    source_url: str


def duty_out(duty: queries.DutyView) -> dict[str, Any]:
    o = duty.obligation
    return {
        "slug": o.slug, "country": o.country_id, "title": o.title, "legal_basis": o.legal_basis,
        "responsible": o.responsible, "first_due": o.first_due, "every_months": o.every_months,
        "occurrences": o.occurrences, "state": duty.standing.state.value, "next_due": duty.standing.due,
        "days": duty.standing.days, "source_title": o.source_title, "source_url": o.source_url,
        "deliveries": [{"delivered_on": d.delivered_on, "title": d.title, "url": d.url}
                       for d in o.deliveries.all()],
    }


class WpsIndexOut(Schema):
    country: str
    edition: int
    rank: int | None = Field(..., description="Empty for countries the Index does not rank.")
    score: float | None = Field(..., description="Between 0 and 1, as published (three decimals).")
    region: str
    indicators: dict[str, Any] = Field(..., description="By indicator: {value, note (footnote letters)}.")
    citation: str
    source_row: int

    @staticmethod
    def resolve_country(obj: WpsIndexScore) -> str:
        return obj.country_id

    @staticmethod
    def resolve_score(obj: WpsIndexScore) -> float | None:
        return None if obj.score is None else float(obj.score)

    @staticmethod
    def resolve_citation(obj: WpsIndexScore) -> str:
        return obj.source.citation


class DeploymentOut(Schema):
    mission: str
    date: dt.date
    role: str
    women: int | None
    total: int
    citation: str


class TransactionOut(Schema):
    type: str = Field(..., description="IATI TransactionType: 2 commitment, 3 disbursement, 4 expenditure.")
    date: dt.date
    value: Decimal
    currency: str


class RecipientOut(Schema):
    country: str
    percentage: Decimal | None

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return str(obj.country_id)


class AidActivityOut(Schema):
    iati_identifier: str
    title: str
    reporting_org_ref: str
    reporting_org_name: str
    participating_orgs: list[dict[str, str]]
    gender_marker: int | None = Field(..., description="0 not targeted, 1 significant, 2 principal.")
    sectors: list[dict[str, Any]]
    budgets: list[dict[str, Any]]
    recipients: list[RecipientOut]
    transactions: list[TransactionOut]
    actions: list[int] = Field(..., description="Ids of the plan actions the activity funds.")
    citation: str

    @staticmethod
    def resolve_recipients(obj: AidActivity) -> list[Any]:
        return list(obj.recipients.all())

    @staticmethod
    def resolve_transactions(obj: AidActivity) -> list[Any]:
        return list(obj.transactions.all())

    @staticmethod
    def resolve_actions(obj: AidActivity) -> list[int]:
        return [a.pk for a in obj.actions.all()]

    @staticmethod
    def resolve_citation(obj: AidActivity) -> str:
        return cite_row(obj.source, obj.source_row)


class MoneyFigureOut(Schema):
    amounts: dict[str, Decimal] = Field(..., description="By currency; never added across currencies.")
    share_of_all: dict[str, Decimal | None] = Field(..., description="% of all aid recorded, by currency.")
    activities: list[str] = Field(..., description="The IATI identifiers behind the figure.")


class AidGenderRowOut(Schema):
    publisher: str = Field(..., description="IATI reporting organisation, or 'All publishers' in total rows.")
    year: int | None = Field(..., description="Year of the transactions; null in the total rows.")
    currency: str
    principal: int = Field(..., description="Spent in activities marked 2 (whole units of the currency).")
    significant: int = Field(..., description="Marked 1.")
    not_targeted: int = Field(..., description="Marked 0.")
    no_marker: int = Field(..., description="Without a gender equality marker.")
    other_marker: int = Field(..., description="Marked 3 or 4, outside the DAC definitions of this marker.")
    total: int
    activities: int
    activity_ids: list[str]
    citation: str


class CountryOut(Schema):
    iso3: str
    name: str
    money: dict[str, MoneyFigureOut] = Field(
        ..., description="all, gender_principal, womens_rights_organisations, ending_violence.")
    aid_by_gender_marker: list[AidGenderRowOut] = Field(
        ..., description="Aid spent by publisher, year and currency, by DAC gender equality marker.")
    aid_as_of: dt.date | None = Field(..., description="The newest IATI activity behind the aid figures.")
    plans: list[PlanOut]
    obligations: list[ObligationOut]
    wps_index: WpsIndexOut | None
    deployments: list[DeploymentOut]


class PlanFilters(Schema):
    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code.")
    kind: Literal["nap", "law", "strategy"] | None = None


class ObligationFilters(Schema):
    state: Literal["overdue", "due soon", "later", "done"] | None = None
    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$")


@router.get("/plans", response={200: list[PlanOut], **ERRORS}, url_name="watchdog_plans")
@paginate(Page)
def list_plans(request: HttpRequest, filters: Query[PlanFilters]) -> list[dict[str, Any]]:
    """Plans and laws by country, with status and scorecard."""
    qs = Plan.objects.all()
    if filters.country:
        qs = qs.filter(country_id=filters.country.upper())
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return [plan_out(view) for view in queries.plan_views(qs.order_by("country__name", "slug"), today())]


@router.get("/plans/{slug}", response={200: PlanDetailOut, **ERRORS}, url_name="watchdog_plan")
def get_plan(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One plan with its scorecard and its agencies' actions."""
    views = queries.plan_views(Plan.objects.filter(slug=slug), today())
    if not views:
        raise Http404(f"There is no plan '{slug}'.")
    actions = Action.objects.filter(agency__plan=views[0].plan).select_related("agency__plan")
    return {**plan_out(views[0]), "actions": list(actions)}


@router.get("/actions", response={200: list[ActionOut], **ERRORS}, url_name="watchdog_actions")
@paginate(Page)
def list_actions(request: HttpRequest, plan: str | None = None) -> Any:
    """Actions of every plan, or of one plan (?plan=slug), by deadline (none last)."""
    qs = Action.objects.select_related("agency__plan")
    return qs.filter(agency__plan__slug=plan) if plan else qs


@router.get("/scorecards", response={200: list[PlanOut], **ERRORS}, url_name="watchdog_scorecards")
def list_scorecards(request: HttpRequest) -> list[dict[str, Any]]:
    """Every plan's scorecard, best score first; unknown answers score 0."""
    views = queries.plan_views(Plan.objects.all(), today())
    views.sort(key=lambda v: (-(v.score.percent or 0), v.plan.slug))
    return [plan_out(view) for view in views]


@router.get("/obligations", response={200: list[ObligationOut], **ERRORS}, url_name="watchdog_obligations")
def list_obligations(request: HttpRequest, filters: Query[ObligationFilters]) -> list[dict[str, Any]]:
    """Legal reporting duties with their next due date and standing (?state=overdue or ?state=due soon)."""
    duties = queries.duties(today(), filters.country.upper() if filters.country else None)
    return [duty_out(d) for d in duties if filters.state is None or d.standing.state.value == filters.state]


@router.get("/wps-index", response={200: list[WpsIndexOut], **ERRORS}, url_name="watchdog_wps_index")
@paginate(Page)
def list_wps_index(request: HttpRequest) -> Any:
    """Georgetown WPS Index scores and ranks, ranked countries first."""
    return WpsIndexScore.objects.select_related("source").order_by("-edition", "rank", "country_id")


@router.get("/countries/{iso3}", response={200: CountryOut, **ERRORS}, url_name="watchdog_country")
def get_country(request: HttpRequest, iso3: str) -> dict[str, Any]:
    """Everything the platform knows about a country: plans, duties, WPS Index, deployments."""
    country = Country.objects.filter(iso3=iso3.upper()).first()
    if country is None:
        raise Http404(f"There is no country '{iso3}'.")
    rows = parity.country_latest_by_mission(country.iso3)
    sources = sources_by_id({r["source_id"] for r in rows})
    money = queries.country_money(country.iso3)
    aid_gender = aid_figures.gender_marker_table(country.iso3, country.name)
    return {
        "iso3": country.iso3, "name": country.name,
        "money": {name: {"amounts": {c: a.quantize(CENT) for c, a in figure.amounts.items()},
                         "activities": figure.activities,
                         "share_of_all": money.shares.get(name, {c: Decimal(100) for c in figure.amounts})}
                  for name, figure in money.figures.items()},
        "aid_by_gender_marker": aid_figures.api_rows(aid_gender), "aid_as_of": aid_gender.as_of,
        "plans": [plan_out(v) for v in queries.plan_views(Plan.objects.filter(country=country), today())],
        "obligations": [duty_out(d) for d in queries.duties(today(), country.iso3)],
        "wps_index": queries.wps_index(country.iso3),
        "deployments": [{"mission": r["process__code"] or r["process__name"], "date": r["date"],
                         "role": r["role"], "women": r["women"], "total": r["total"],
                         "citation": cite_row(sources[r["source_id"]], r["source_row"])} for r in rows],
    }


class AidFilters(Schema):
    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$", description="Recipient, ISO alpha-3.")
    gender_marker: int | None = Field(None, ge=0, le=4, description="OECD gender equality marker.")


@router.get("/aid-activities", response={200: list[AidActivityOut], **ERRORS},
            url_name="watchdog_aid_activities")
@paginate(Page)
def list_aid_activities(request: HttpRequest, filters: Query[AidFilters]) -> Any:
    """Imported IATI aid activities, with recipients, sectors, gender marker, budgets and transactions."""
    qs = (AidActivity.objects.select_related("source")
          .prefetch_related("recipients", "transactions", "actions"))
    if filters.country:
        qs = qs.filter(recipients__country_id=filters.country.upper()).distinct()
    if filters.gender_marker is not None:
        qs = qs.filter(gender_marker=filters.gender_marker)
    return qs.order_by("iati_identifier")


class ParliamentRankingOut(Schema):
    chamber: str = Field(..., description="Lower or single house, or upper chamber.")
    rank: int | None = Field(..., description="The country's world rank (lower or single house).")
    last_election: dt.date | None = Field(..., description="The month of the chamber's last elections.")
    seats: int | None
    women: int | None
    share: float | None = Field(..., description="Women's share of the seats (%), as the IPU gives it.")
    source: str


class ParliamentHistoryOut(Schema):
    year: int
    month: str | None = Field(..., description="The month(s) as the IPU wrote them.")
    chamber: str
    seats: int | None
    women: int | None
    share: float | None = Field(..., description="Women's share of the seats (%), as the IPU gives it.")
    source: str


class ParliamentOut(Schema):
    iso3: str
    ranking_as_of: dt.date | None = Field(..., description="The date of the IPU ranking (1 September 2021).")
    ranking: list[ParliamentRankingOut]
    history: list[ParliamentHistoryOut] = Field(..., description="Each election or renewal, 1945–2018.")


@router.get("/countries/{iso3}/parliament", response={200: ParliamentOut, **ERRORS},
            url_name="watchdog_country_parliament")
def get_country_parliament(request: HttpRequest, iso3: str) -> dict[str, Any]:
    """Women in the country's parliament as the IPU counted them: history, not the current figure (the WPS
    Index's parliamentary indicator is): the ranking as of 1 September 2021 and every election 1945–2018."""
    country = Country.objects.filter(iso3=iso3.upper()).first()
    if country is None:
        raise Http404(f"There is no country '{iso3}'.")
    ranking, history = parliaments_figures.ranking_table(country), parliaments_figures.history_table(country)
    return {"iso3": country.iso3, "ranking_as_of": ranking.as_of, "ranking": ranking.rows,
            "history": history.rows}
