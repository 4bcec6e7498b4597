"""JSON API of the agreements monitor (mounted at /api/agreements/): PA-X agreements, their gender
provisions by pillar, the pillars, shares per year, region, stage or type, and the comparison of
agreements by women at the table. Every route is public and read-only; figures come from the same
queries as the pages."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from typing import Any, Literal

from django.db.models import F, Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from criticalmass.agreements import figures, queries
from criticalmass.agreements.models import Agreement, GenderCode, Mandate, Pillar, Provision, RubricItem
from criticalmass.api_common import ERRORS, Page
from criticalmass.figures.citations import cite, cite_row, sources_by_id
from criticalmass.parity.figures import ROLE_LABELS
from criticalmass.parity.models import Process

router = Router()
ISO3 = r"^[A-Za-z]{3}$"


# ---- Schemas -------------------------------------------------------------------------------

class CodeOut(Schema):
    code: str
    label: str
    pillar: str | None = Field(..., description="Pillar slug; null: the code counts for no pillar.")

    @staticmethod
    def resolve_pillar(obj: GenderCode) -> str | None:
        return obj.pillar.slug if obj.pillar else None


class PillarOut(Schema):
    slug: str
    name: str
    description: str
    codes: list[CodeOut]

    @staticmethod
    def resolve_codes(obj: Pillar) -> list[GenderCode]:
        return list(obj.codes.all())


class ProvisionOut(Schema):
    agreement: int = Field(..., description="PA-X agreement id.")
    code: str
    label: str
    pillar: str | None
    citation: str

    @staticmethod
    def resolve_agreement(obj: Provision) -> int:
        return obj.agreement.pax_id

    @staticmethod
    def resolve_code(obj: Provision) -> str:
        return obj.code.code

    @staticmethod
    def resolve_label(obj: Provision) -> str:
        return obj.code.label

    @staticmethod
    def resolve_pillar(obj: Provision) -> str | None:
        return obj.code.pillar.slug if obj.code.pillar else None

    @staticmethod
    def resolve_citation(obj: Provision) -> str:
        return cite_row(obj.source, obj.source_row)


class AgreementOut(Schema):
    pax_id: int
    name: str
    date: dt.date
    process: str = Field(..., description="Process slug.")
    process_name: str
    conflict: str
    region: str
    stage: str
    agreement_type: str
    status: str
    countries: list[str] = Field(..., description="ISO 3166-1 alpha-3 codes.")
    gender_provisions: bool = Field(..., description="PA-X's GeWom: provisions on women, girls and gender.")
    pillars: list[str] = Field(..., description="Slugs of the pillars its PA-X Gender provisions cover.")
    citation: str
    url: str

    @staticmethod
    def resolve_process(obj: Agreement) -> str:
        return obj.process.slug

    @staticmethod
    def resolve_process_name(obj: Agreement) -> str:
        return obj.process.name

    @staticmethod
    def resolve_countries(obj: Agreement) -> list[str]:
        return sorted(country.iso3 for country in obj.countries.all())

    @staticmethod
    def resolve_pillars(obj: Agreement) -> list[str]:  # from the prefetched provisions
        found = {p.code.pillar for p in obj.provisions.all() if p.code.pillar}
        return [p.slug for p in sorted(found, key=lambda p: (p.order, p.name))]

    @staticmethod
    def resolve_citation(obj: Agreement) -> str:
        return cite_row(obj.source, obj.source_row)

    @staticmethod
    def resolve_url(obj: Agreement) -> str:
        return reverse("api:agreement_detail", kwargs={"pax_id": obj.pax_id})


class SeatOut(Schema):
    role: str
    role_label: str
    women: int | None
    total: int
    citation: str


class AgreementDetailOut(AgreementOut):
    parties: str
    third_parties: str
    provisions: list[ProvisionOut]
    delegates: list[SeatOut] = Field(..., description="Who was at the table, from PADD; "
                                     "empty when not counted.")


class ShareOut(Schema):
    group: str = Field(..., description="The year, region, stage or agreement type.")
    agreements: int
    with_provisions: int
    share: float | None
    citation: str


class SharesOut(Schema):
    by: str
    country: str | None = Field(None, description="The country filter, when given.")
    region: str | None = Field(None, description="The region filter, when given.")
    items: list[ShareOut]


class AtTheTableOut(Schema):
    floor: float = Field(..., description="The default policy's floor (%), measured among signatories or "
                         "negotiators.")
    groups: list[ShareOut] = Field(..., description="Reached the floor, below it, not known; "
                                   "with their sizes.")


# ---- Parameters ----------------------------------------------------------------------------

class AgreementFilters(Schema):
    year: int | None = Field(None, ge=1900, le=2100)
    country: str | None = Field(None, pattern=ISO3, description="ISO alpha-3 code of a country concerned.")
    region: str | None = Field(None, max_length=100, description="PA-X region, e.g. 'Americas'.")
    process: str | None = Field(None, description="Process slug, e.g. pax-7.")
    pillar: str | None = Field(None, description="Pillar slug: agreements with a provision in that pillar.")
    gender_provisions: bool | None = None
    stage: str | None = Field(None, max_length=20, description="PA-X stage code, e.g. SubComp.")


class ProvisionFilters(Schema):
    agreement: int | None = Field(None, description="PA-X agreement id.")
    pillar: str | None = Field(None, description="Pillar slug.")
    code: str | None = Field(None, max_length=40, description="PA-X Gender code, e.g. WggVioSex.")
    year: int | None = Field(None, ge=1900, le=2100)
    country: str | None = Field(None, pattern=ISO3)
    region: str | None = Field(None, max_length=100)
    process: str | None = None


class SharesParams(Schema):
    by: Literal["year", "region", "stage", "type"] = "year"
    country: str | None = Field(None, pattern=ISO3, description="ISO alpha-3 code: agreements concerning it.")
    region: str | None = Field(None, max_length=100, description="PA-X region, e.g. 'Americas'.")


# ---- Helpers -------------------------------------------------------------------------------

def check_pillar(slug: str | None) -> None:
    if slug and not Pillar.objects.filter(slug=slug).exists():
        raise Http404(f"There is no pillar '{slug}'.")


def agreements_qs() -> QuerySet[Agreement]:
    provisions = Provision.objects.select_related("agreement", "code__pillar", "source")
    return Agreement.objects.select_related("process", "source").prefetch_related(
        "countries", Prefetch("provisions", queryset=provisions))


def filter_agreements(qs: QuerySet[Any], f: Any, prefix: str = "") -> QuerySet[Any]:
    """The filters agreements and provisions share; `prefix` reaches the agreement from a provision."""
    if f.year:
        qs = qs.filter(**{f"{prefix}date__year": f.year})
    if f.country:
        qs = qs.filter(**{f"{prefix}countries__iso3": f.country.upper()})
    if f.region:
        qs = qs.filter(**{f"{prefix}region__iexact": f.region})
    if f.process:
        qs = qs.filter(**{f"{prefix}process__slug": f.process})
    return qs


def share_items(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return [{"group": str(r[key]), "agreements": r["agreements"], "with_provisions": r["with_provisions"],
             "share": r["share"], "citation": r["source"]} for r in rows]


# ---- Routes --------------------------------------------------------------------------------

@router.get("/agreements", response={200: list[AgreementOut], **ERRORS}, url_name="agreement_list")
@paginate(Page)
def list_agreements(request: HttpRequest, filters: Query[AgreementFilters]) -> QuerySet[Agreement]:
    """PA-X peace agreements, oldest first, filtered by year, country, region, process, pillar, stage."""
    check_pillar(filters.pillar)
    qs = filter_agreements(agreements_qs(), filters)
    if filters.pillar:
        qs = qs.filter(provisions__code__pillar__slug=filters.pillar)
    if filters.gender_provisions is not None:
        qs = qs.filter(gender_provisions=filters.gender_provisions)
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    return qs.distinct().order_by("date", "pax_id")


@router.get("/agreements/{pax_id}", response={200: AgreementDetailOut, **ERRORS}, url_name="agreement_detail")
def get_agreement(request: HttpRequest, pax_id: int) -> Agreement:
    """One agreement with its provisions (code, label, pillar) and its delegates by role (PADD)."""
    found = agreements_qs().filter(pax_id=pax_id).first()
    if found is None:
        raise Http404(f"There is no agreement with PA-X id {pax_id}.")
    seats = queries.seats([pax_id]).get(pax_id, {})
    sources = sources_by_id({seat.span.source_id for seat in seats.values()})
    found.delegates = [  # type: ignore[attr-defined]  # read by the schema
        {"role": seat.role, "role_label": ROLE_LABELS.get(seat.role, seat.role), "women": seat.women,
         "total": seat.total, "citation": cite([seat.span], sources)} for seat in seats.values()]
    return found


@router.get("/provisions", response={200: list[ProvisionOut], **ERRORS}, url_name="provision_list")
@paginate(Page)
def list_provisions(request: HttpRequest, filters: Query[ProvisionFilters]) -> QuerySet[Provision]:
    """Gender provisions (PA-X Gender codes) of agreements, filtered by pillar, code and the agreement's
    year, country, region or process."""
    check_pillar(filters.pillar)
    qs = filter_agreements(Provision.objects.select_related("agreement", "code__pillar", "source"),
                           filters, "agreement__")
    if filters.agreement is not None:
        qs = qs.filter(agreement__pax_id=filters.agreement)
    if filters.pillar:
        qs = qs.filter(code__pillar__slug=filters.pillar)
    if filters.code:
        qs = qs.filter(code__code=filters.code)
    return qs.distinct().order_by("agreement__date", "agreement__pax_id", "code__code")


@router.get("/pillars", response={200: list[PillarOut], **ERRORS}, url_name="pillar_list")
def list_pillars(request: HttpRequest) -> QuerySet[Pillar]:
    """The coalition's pillars and the PA-X Gender codes the secretariat maps onto each."""
    return Pillar.objects.prefetch_related("codes").order_by("order", "name")


@router.get("/shares", response={200: SharesOut, **ERRORS}, url_name="shares")
def get_shares(request: HttpRequest, params: Query[SharesParams]) -> dict[str, Any]:
    """Agreements with provisions on women, girls and gender per year, region, stage or type, with counts."""
    scope = queries.Scope((params.country or "").upper(), params.region or "")
    problem = queries.scope_problem(scope)
    if problem:
        raise Http404(problem)
    table = figures.shares_table(params.by, scope)
    return {"by": params.by, **scope.params, "items": share_items(table.rows, params.by)}


@router.get("/women-at-the-table", response={200: AtTheTableOut, **ERRORS}, url_name="at_the_table")
def get_at_the_table(request: HttpRequest) -> dict[str, Any]:
    """Agreements where women reached the floor among signatories or negotiators, those where they did
    not, and those not known: each group's size and its share with gender provisions."""
    floor = queries.floor()
    table = figures.comparison_tables(floor)["groups"]
    return {"floor": float(floor), "groups": share_items(table.rows, "group")}


# ---- Mandates ------------------------------------------------------------------------------

class RubricItemOut(Schema):
    slug: str
    name: str
    category: str
    description: str
    weight: int


class RatingOut(Schema):
    item: str
    rating: str = Field(..., description="yes (provided), partial or no (absent).")
    quote: str
    reference: str


class MandateOut(Schema):
    id: int
    process: str
    process_name: str
    resolution: str
    adopted: dt.date | None = Field(..., description="Null when the source does not give it.")
    expires: dt.date | None
    url: str
    cited_in: str = Field(..., description="The UN document that states the expiry, e.g. A/80/604/Add.1.")
    as_of: dt.date | None = Field(..., description="The source's date: a later renewal is not known to it.")
    final: bool = Field(..., description="The Council extended the mandate for a final time.")
    source: str = Field(..., description="Where the expiry was read (dataset, file, row); empty when "
                        "entered on this platform.")
    score: float | None = Field(..., description="Weighted mean of the items rated (%); null: none rated.")
    rated: int
    items: int
    parts: dict[str, float | None] = Field(..., description="Score by rubric category (%).")
    ratings: list[RatingOut]


class RenewalOut(MandateOut):
    women_share: float | None = Field(..., description="Women among the mission's uniformed personnel, "
                                      "latest month (%).")
    women_share_date: dt.date | None = Field(..., description="The month of that share (its data's date).")
    parity_status: str = Field(..., description="met, close, off track, no data or no target "
                               "(default policy).")


class MandateFilters(Schema):
    process: str | None = Field(None, description="Peace operation slug.")


def mandate_out(mandate: Any, items: list[Any]) -> dict[str, Any]:
    found = queries.mandate_score(mandate, items)
    return {
        "id": mandate.pk, "process": mandate.process.slug, "process_name": mandate.process.name,
        "resolution": mandate.resolution, "adopted": mandate.adopted, "expires": mandate.expires,
        "url": mandate.url, "cited_in": mandate.cited_in, "as_of": mandate.as_of, "final": mandate.final,
        "source": cite_row(mandate.source, mandate.source_row) if mandate.source else "",
        "score": found.value, "rated": found.rated, "items": found.items,
        "parts": found.parts,
        "ratings": [{"item": e.item.slug, "rating": e.rating, "quote": e.quote, "reference": e.reference}
                    for e in mandate.entries.all()],
    }


class Mandates:
    """Mandates with their scores, built only for the page asked for."""

    def __init__(self, qs: QuerySet[Mandate]) -> None:
        self.qs, self.items = qs, queries.rubric()

    def __len__(self) -> int:
        return self.qs.count()

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        return [mandate_out(m, self.items) for m in self.qs[page]]


@router.get("/rubric", response={200: list[RubricItemOut], **ERRORS}, url_name="rubric")
def list_rubric(request: HttpRequest) -> QuerySet[RubricItem]:
    """The items mandates are rated on, with their weights (the secretariat edits them)."""
    return RubricItem.objects.order_by("order", "name")


@router.get("/mandates", response={200: list[MandateOut], **ERRORS}, url_name="mandate_list")
@paginate(Page)
def list_mandates(request: HttpRequest, filters: Query[MandateFilters]) -> Mandates:
    """Peace operations' mandates, newest first, each with its score, the score's parts and the ratings."""
    qs = Mandate.objects.select_related("process", "source").prefetch_related("entries__item")
    if filters.process:
        if not Process.objects.filter(slug=filters.process).exists():
            raise Http404(f"There is no process '{filters.process}'.")
        qs = qs.filter(process__slug=filters.process)
    return Mandates(qs.order_by(F("expires").desc(nulls_last=True), F("adopted").desc(nulls_last=True), "pk"))


@router.get("/renewals", response={200: list[RenewalOut], **ERRORS}, url_name="renewals")
def list_renewals(request: HttpRequest) -> list[dict[str, Any]]:
    """Mandates expiring in the next 90 days, soonest first, with their score and the mission's parity
    status."""
    items, found = queries.rubric(), []
    for mandate in queries.renewals(timezone.localdate()).prefetch_related("entries__item"):
        status = queries.parity_status(mandate.process)
        found.append({**mandate_out(mandate, items),
                      "women_share": status["share"] if status else None,
                      "women_share_date": status["latest"] if status else None,
                      "parity_status": status["status"] if status else "no data"})
    return found
