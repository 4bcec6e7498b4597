"""The parity API's schemas (django-ninja): what each route answers and the parameters it takes."""

# No `from __future__ import annotations` here: django-ninja reads the annotations.
import datetime as dt
from typing import Any

from django.urls import reverse
from ninja import Field, Schema

from criticalmass.api_common import IsoDate
from criticalmass.figures.citations import cite_row
from criticalmass.parity import reference_figures
from criticalmass.parity.figures import role_rank
from criticalmass.parity.models import Category, Observation, Process, TargetAnchor, TargetPolicy

ISO3 = r"^[A-Za-z]{3}$"


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
    share: float | None = Field(..., description="Women as a percentage of the total, to one decimal "
                                "as the pages show it (women and total give it exactly).")
    target: float | None = Field(..., description="The policy's target (%) in the latest date's year.")
    target_year: int | None
    target_provenance: str | None = Field(..., description="rule, official, linear interpolation, "
                                          "or held from nearest official value; with no target, why when "
                                          "the policy says (\"none: the policy starts in 2018\").")
    status: str = Field(..., description="met, close, off track, no data or no target.")
    gap: float | None = Field(..., description="Target minus share, in points (one decimal).")
    slope: float | None = Field(..., description="Least-squares trend, in points per year (one decimal).")
    forecast_target_year: int | None = Field(..., description="null: not at the current pace.")
    forecast_parity_year: int | None = Field(..., description="null: not at the current pace.")
    data_ends: dt.date | None = Field(..., description="The last month the figures (and forecasts) "
                                      "stand on.")
    forecast_in_past: bool = Field(..., description="The target forecast year is after data_ends and "
                                   "before this year: it should have been reached, and no newer data says.")
    forecast_note: str | None = Field(..., description="\"from data ending Feb 2014\", or \"should have "
                                      "been reached by 2025 at the 2010–2014 pace; no newer data\".")
    citation: str = Field(..., description="The source rows summed: dataset, file, rows.")
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
        return cite_row(obj.source, obj.source_row)


class SeriesPointOut(Schema):
    date: dt.date
    women: int | None = Field(..., description="Null in a gap: a month missing inside the series.")
    total: int | None
    share: float | None
    target: float | None
    target_provenance: str | None
    note: str | None = Field(..., description="Why a gap's months have no counts (e.g. 'No UN report for "
                                              "Mar–Dec 2014 is publicly available'); null otherwise.")
    citation: str = Field(..., description="The source rows this month sums.")


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


class ClosedMission(MissionKey):
    last_date: dt.date | None = Field(..., description="The mission's last month up to as_of.")
    share: float | None = Field(..., description="Women's share in that month (one decimal).")
    end_date: dt.date | None = Field(..., description="The mission's end date, when known.")
    why: str = Field(..., description="\"closed 31 Dec 2010 (end date of the project's mission registry, no "
                                      "source cited)\" or \"no month reported after Dec 2010 (the source's "
                                      "last month)\": where the closure comes from.")
    citation: str


class RankingOut(Schema):
    policy: PolicyRef
    role: str
    as_of: dt.date | None = Field(..., description="The latest date of the data in the month ranked.")
    items: list[RankedMission]
    closed: list[ClosedMission] = Field(..., description="Missions not ranked on that month: closed by "
                                        "then, or no month reported in the ranking window.")


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
    trajectories: list[Trajectory] = Field(..., description="Each year's target, 2018-2030, labelled.")

    @staticmethod
    def resolve_anchors(obj: TargetPolicy) -> list[TargetAnchor]:
        return sorted(obj.anchors.all(), key=lambda a: (role_rank(a.role), a.year))

    @staticmethod
    def resolve_trajectories(obj: TargetPolicy) -> list[dict[str, Any]]:
        return reference_figures.trajectories(obj)


class PaddAgreementRole(Schema):
    role: str
    role_label: str
    women: int | None
    men: int | None
    unknown: int | None
    total: int
    share: float | None
    meets_floor: bool | None = Field(..., description="share >= floor; null when women are not known.")
    source_row: int


class PaddAgreementOut(Schema):
    document: str
    pax_id: int | None = Field(..., description="The agreement's id in PA-X.")
    process: str
    process_name: str
    date: dt.date
    floor: float = Field(..., description="The default policy's floor (%).")
    source: SourceRef
    roles: list[PaddAgreementRole]


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
    date_from: IsoDate | None = Field(None, description="On or after this date (YYYY-MM-DD).")
    date_to: IsoDate | None = Field(None, description="On or before this date (YYYY-MM-DD). Before "
                                    "date_from, nothing is on both sides: an empty list.")



class ObservationFilters(DateRange):
    process: str | None = Field(None, description="Process slug.")
    role: Category | None = None
    country: str | None = Field(None, pattern=ISO3, description="Contributing country, ISO alpha-3.")
    kind: Process.Kind | None = None


class SeriesParams(PolicyParam):
    process: str | None = Field(None, description="Process slug; all peace operations when absent.")
    role: Category = Category.TOTAL
    country: str | None = Field(None, pattern=ISO3, description="Contributing country, ISO alpha-3.")


class RankingParams(PolicyParam):
    role: Category = Category.TOTAL
    as_of: str | None = Field(None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$",
                              description="Rank on this month (YYYY-MM); the data's latest month "
                              "when absent.")


class AgreementFilters(DateRange):
    process: str | None = Field(None, description="Negotiation (process) slug.")


class OverviewParams(Schema):
    process: str | None = Field(None, description="Negotiation slug; every negotiation when absent.")


class OverviewRole(Schema):
    role: str
    role_label: str
    with_data: int = Field(..., description="Agreements whose delegates in this role are counted by sex.")
    reached: int = Field(..., description="Of those, agreements with women at least the floor.")
    share: float | None = Field(..., description="reached as a percentage of with_data, to one decimal.")
    citation: str


class OverviewOut(Schema):
    process: str | None
    policy: PolicyRef
    floor: float = Field(..., description="The floor (%) of the policy the negotiation pages use.")
    listed: int = Field(..., description="Agreements the source lists (for the process, or all): coded + "
                                         "not_coded.")
    coded: int = Field(..., description="Agreements with delegate counts.")
    not_coded: int = Field(..., description="Agreements listed with every count NA (notes of kind "
                                            "not-coded).")
    items: list[OverviewRole]




# ---- Data notes ----------------------------------------------------------------------------

class NoteOut(Schema):
    source: str = Field(..., description="The slug of the source the note is about.")
    source_row: int | None = Field(None, description="The line of the source's file, when one.")
    kind: str = Field(..., description="A short slug: not-coded, sum-mismatch, duplicate-row, no-code...")
    severity: str = Field(..., description="info or warning.")
    subject: str = Field(..., description="The record: agreement:<AgtId>, observation:<process>/<date>/...")
    message: str

    @staticmethod
    def resolve_source(note: Any) -> str:
        return str(note.source.slug)


class NoteFilters(Schema):
    source: str | None = Field(None, description="Only the notes on this source (its slug).")
    subject: str | None = Field(None, description="Only the notes about this record (e.g. agreement:8), or "
                                                  "with a trailing * about every record it starts "
                                                  "(observation:unmiss/*).")
    kind: str | None = Field(None, description="Only the notes of this kind (e.g. not-coded).")
