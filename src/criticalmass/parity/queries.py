"""Small query functions other apps and the views use instead of reaching into the tables."""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar, cast

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.dispatch import receiver

from criticalmass.core.data_version import current as stored_data_version
from criticalmass.core.models import Source
from criticalmass.figures.citations import RowSpan
from criticalmass.parity.models import (
    PEACE_OPERATION_KINDS,
    Category,
    DataAgePolicy,
    Observation,
    Process,
    TargetPolicy,
)
from criticalmass.parity.report_months import IPI_PREFIX, UN_REPORT_PREFIX, report_month
from criticalmass.parity.standing import SeriesPoint

T = TypeVar("T")


def counted() -> QuerySet[Observation]:
    """The observations figures count: those of each dataset's default source only, so that two
    versions of a dataset imported side by side (e.g. PADD coded at highest and at lowest position)
    are never added together. The secretariat picks the default in the admin or with --default.

    One source a month for UN peacekeeping: IPI's observations of a month the UN's own report was
    imported for are left out (parity.report_months)."""
    found = Observation.objects.filter(source__is_default=True)
    ipi, months = superseded()
    return found.exclude(source_id__in=ipi, date__in=months) if ipi and months else found


Superseded = tuple[list[int], list[dt.date]]


def superseded() -> Superseded:
    """IPI's sources, and the months a default UN report source counts: no query of the
    observations without UN reports (one lookup of the sources a request), otherwise cached until the
    data changes."""
    memo = _request_memo.get()
    if memo is None:  # outside a request (commands, tests calling queries directly): read anew
        return _superseded() if _report_sources().exists() else ([], [])
    if "reports" not in memo:  # once a request: a lookup in the few sources, not the observations
        memo["reports"] = _report_sources().exists()
    return cached("superseded", _superseded) if memo["reports"] else ([], [])


def _report_sources() -> QuerySet[Source]:
    return Source.objects.filter(slug__startswith=UN_REPORT_PREFIX, is_default=True)


def _superseded() -> Superseded:
    months = sorted(month for (slug,) in _report_sources().values_list("slug")
                    if (month := report_month(slug)) is not None)
    ipi = list(Source.objects.filter(slug__startswith=IPI_PREFIX).values_list("pk", flat=True))
    return ipi, months


def observations(process: Process | None = None, role: str | None = None,
                 country: str | None = None, kind: str | list[str] | None = None) -> QuerySet[Observation]:
    qs = counted()
    if process is not None:
        qs = qs.filter(process=process)
    if role is not None:
        qs = qs.filter(role=role)
    if country is not None:
        qs = qs.filter(contributing_country_id=country)
    if isinstance(kind, list):
        qs = qs.filter(process__kind__in=kind)
    elif kind is not None:
        qs = qs.filter(process__kind=kind)
    return qs


def operations_with_data() -> QuerySet[Process]:
    """Peace operations with at least one counted observation: EXISTS stops at the first one (grouping
    every observation by process sorted them all, a cost that grew with the data)."""
    return (
        Process.objects.filter(kind=Process.Kind.OPERATION)
        .filter(Exists(counted().filter(process=OuterRef("pk"))))
        .select_related("host_country")
    )


def policy(slug: str | None = None) -> TargetPolicy | None:
    """The policy with this slug (or the default one), its anchors fetched with it; None if absent."""
    qs = TargetPolicy.objects.prefetch_related("anchors")
    if slug is not None:
        return qs.filter(slug=slug).first()
    return qs.filter(is_default=True).first() or qs.first()


# ---- Pages: the public pages and their CSV downloads -------------------------------------------
#
# Aggregates over every peace operation take tens of milliseconds on SQLite with the full IPI file,
# so `cached` keeps them until the data changes (see `data_version`); the figures built from them are
# cached the same way (figures.cached_table). Per-mission and per-country queries read the
# (process, role, date) and country indexes and are not cached.

PAGE_CACHE_SECONDS = 24 * 3600
GENERATION_KEY = "parity:generation"


@dataclass(frozen=True)
class CitedSeries:
    """Series by key (a role, or a process id), and for each (key, date) point the source rows it sums.

    `present` holds every key with counts, including those whose women are never counted (no points).
    """

    by_key: dict[Any, list[SeriesPoint]]
    rows: dict[tuple[Any, dt.date], list[RowSpan]]
    present: frozenset[Any] = frozenset()

    def spans(self, key: Any) -> list[RowSpan]:
        return [span for point in self.by_key.get(key, []) for span in self.rows[key, point.date]]


@dataclass(frozen=True)
class Counts:
    women: int | None
    men: int | None
    total: int
    rows: list[RowSpan]

    @property
    def share(self) -> float | None:
        return 100.0 * self.women / self.total if self.women is not None and self.total else None


def bump_generation() -> None:
    """Forget the figures this cache holds, without touching the database (tests start from it; saves,
    deletes and imports make a new data version themselves, which every process sees)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


# One data version and one data age policy per request: every figure of a page asks for them, and
# they do not change while the request runs. Outside a request (commands, tests calling figures
# directly) they are read anew each time.
_request_memo: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "parity_request_memo", default=None)


@receiver(request_started)
def _request_began(**_: object) -> None:
    _request_memo.set({})


@receiver(request_finished)
def _request_ended(**_: object) -> None:
    _request_memo.set(None)


def data_version() -> str:
    """The data version (core.data_version): one primary-key lookup, once per request, never a scan."""
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return cast(str, memo["version"])
    version = f"{stored_data_version()}.{cache.get(GENERATION_KEY, 0)}"
    if memo is not None:
        memo["version"] = version
    return version


LONGEST_KEY = 200  # memcached and Django's warning stop at 250 characters


def cache_key(name: str, *key: object) -> str:
    """Where `cached` keeps a figure: its name, what it depends on, and the data version (what it
    depends on hashed when long: the coverage of 118 UN reports names 118 sources)."""
    readable = "parity:" + ":".join(str(k) for k in (name, *key, data_version()))
    if len(readable) <= LONGEST_KEY:
        return readable
    return f"parity:{name}:sha256:{hashlib.sha256(readable.encode()).hexdigest()}"


def cached(name: str, compute: Callable[[], T], *key: object) -> T:
    full_key = cache_key(name, *key)
    found = cache.get(full_key)
    if found is None:
        found = compute()
        cache.set(full_key, found, PAGE_CACHE_SECONDS)
    return cast(T, found)


def _spans(rows: Iterable[dict[str, Any]]) -> list[RowSpan]:
    return [RowSpan(r["source_id"], r["first"], r["last"], r["n"]) for r in rows]


ROW_SPAN = {"first": Min("source_row"), "last": Max("source_row"), "n": Count("id")}


CiteRow = tuple[Any, dt.date, int, int, int, int, int, int]  # key, date, source, women, total, first, last, n


CitedRows = tuple[list[CiteRow], list[Any]]  # the sums, and every key with counts (women known or not)


def _cite_rows(rows: QuerySet[Observation], key: str) -> CitedRows:
    """Women and total per (key, date, source), summed in SQL over the rows whose women are counted,
    with the span of source rows summed; and every key with counts, women counted or not. One pass over
    the rows: the sums are filtered, and a group with no woman counted only says its key is present."""
    known = Q(women__isnull=False)
    found = list(
        rows.values(key, "date", "source_id")
        .annotate(women_sum=Sum("women", filter=known), total_sum=Sum("total", filter=known),
                  first=Min("source_row", filter=known), last=Max("source_row", filter=known),
                  n=Count("id", filter=known))
        .order_by(key, "date", "source_id")
        .values_list(key, "date", "source_id", "women_sum", "total_sum", "first", "last", "n")
    )
    present = list(dict.fromkeys(row[0] for row in found))
    return [row for row in found if row[7]], present


def _cite(found: CitedRows) -> CitedSeries:
    rows, present = found
    by_key: dict[Any, list[SeriesPoint]] = {}
    spans: dict[tuple[Any, dt.date], list[RowSpan]] = {}
    for key, date, source_id, women, total, first, last, n in rows:
        points = by_key.setdefault(key, [])
        if points and points[-1].date == date:  # a second source for the same date
            before = points.pop()
            women, total = women + before.women, total + before.total
        points.append(SeriesPoint(date, women, total))
        spans.setdefault((key, date), []).append(RowSpan(source_id, first, last, n))
    return CitedSeries(by_key, spans, frozenset(present))


def cited_series(process: Process | None = None, country: str | None = None,
                 role: str | None = None) -> CitedSeries:
    """Series by category of one process, one contributing country, or all peace operations (of one
    category only when `role` is given), cached until the data changes (see `data_version`).

    Cached as plain tuples: unpickling thousands of dataclasses costs more than the query.
    """
    # Every peace operation, the months the UN reported without a mission breakdown included.
    kind = None if process is not None else PEACE_OPERATION_KINDS
    rows = observations(process, role, country, kind)
    key = (process.pk if process else "operations", country or "every-country", role or "every-category")
    return _cite(cached("cited-series", lambda: _cite_rows(rows, "role"), *key))


def cited_series_by_process(role: str) -> CitedSeries:
    """Series of one category for every peace operation, keyed by process id (cached as plain tuples)."""
    rows = observations(role=role, kind=Process.Kind.OPERATION)
    return _cite(cached("cited-series-by-process", lambda: _cite_rows(rows, "process_id"), role))


def latest_counts(process: Process) -> tuple[dt.date | None, dict[str, Counts]]:
    """Each role's women, men and total in the process's latest month (women known)."""
    known = observations(process).filter(women__isnull=False)
    latest = known.aggregate(at=Max("date"))["at"]
    if latest is None:
        return None, {}
    rows = (
        known.filter(date=latest).values("role", "source_id")
        .annotate(men_known=Count("men"), women_sum=Sum("women"), men_sum=Sum("men"), total_sum=Sum("total"),
                  **ROW_SPAN)
        .order_by("role", "source_id")
    )
    found: dict[str, Counts] = {}
    for r in rows:
        r = {**r, "women": r["women_sum"], "total": r["total_sum"]}
        men = r["men_sum"] if r["men_known"] == r["n"] else None
        before = found.get(r["role"])
        if before is not None:
            men = None if men is None or before.men is None else men + before.men
            r = {**r, "women": r["women"] + (before.women or 0), "total": r["total"] + before.total}
        spans = (before.rows if before else []) + _spans([r])
        found[r["role"]] = Counts(r["women"], men, r["total"], spans)
    return latest, found


def contributors(process: Process, date: dt.date, role: str = Category.TOTAL) -> list[dict[str, Any]]:
    """Contributing countries of a process on a date: iso3, name, women, men, total, source, row."""
    return rows_of(
        observations(process, role).filter(date=date, contributing_country__isnull=False)
        .values("contributing_country_id", "contributing_country__name", "women", "men", "total",
                "source_id", "source_row")
        .order_by("contributing_country__name")
    )


def country_latest_by_mission(iso3: str) -> list[dict[str, Any]]:
    """For each peace operation a country contributed to, its counts by role in its latest month there."""
    latest = (
        counted().filter(process=OuterRef("process"), contributing_country_id=iso3)
        .order_by("-date").values("date")[:1]
    )
    return rows_of(
        observations(country=iso3, kind=Process.Kind.OPERATION).filter(date=Subquery(latest))
        .values("process__slug", "process__code", "process__name", "date", "role", "women", "men", "total",
                "source_id", "source_row")
        .order_by("process__code", "process__name", "role")
    )


def rows_of(values: QuerySet[Observation, Any]) -> list[dict[str, Any]]:
    """A `.values()` query's rows as plain dicts (the stubs type each query's rows apart)."""
    return cast(list[dict[str, Any]], list(values))


def operations_by_id(ids: Iterable[int]) -> dict[int, Process]:
    return Process.objects.filter(kind=Process.Kind.OPERATION).select_related("host_country").in_bulk(ids)


def agreement_rows(process: Process | None = None) -> list[dict[str, Any]]:
    """Every role of every agreement (negotiation observations that name a document), oldest first."""
    return rows_of(
        observations(process, kind=Process.Kind.NEGOTIATION).exclude(document="")
        .values("process__slug", "process__name", "document", "date", "role", "women", "men", "unknown",
                "total", "source_id", "source_row")
        .order_by("date", "document", "process__name", "role")
    )


FloorCounts = tuple[int, int, list[RowSpan]]


def floor_overview(floor: Decimal, process: Process | None = None) -> dict[str, FloorCounts]:
    """Per role: agreements with data, agreements whose women reach `floor` percent of the delegates,
    and the source rows counted.

    Compared in whole numbers (women * 10000 >= total * floor * 100), so no rounding decides a tie.
    """
    hundredths = int(Decimal(floor) * 100)
    with_data = Q(women__isnull=False, total__gt=0)
    rows = (
        observations(process, kind=Process.Kind.NEGOTIATION).exclude(document="")
        .alias(scaled=ExpressionWrapper(F("women") * 10000, output_field=IntegerField()),
               needed=ExpressionWrapper(F("total") * hundredths, output_field=IntegerField()))
        .values("role", "source_id")
        .annotate(with_data=Count("id", filter=with_data),
                  reached=Count("id", filter=with_data & Q(scaled__gte=F("needed"))), **ROW_SPAN)
        .order_by("role", "source_id")
    )
    found: dict[str, FloorCounts] = {}
    for r in rows:
        with_data_before, reached_before, spans = found.get(r["role"], (0, 0, []))
        found[r["role"]] = (with_data_before + r["with_data"], reached_before + r["reached"],
                            spans + _spans([r]))
    return found


def floor_policy() -> TargetPolicy | None:
    """The policy whose floor the negotiation pages measure against: the default if it escalates."""
    escalating = TargetPolicy.objects.filter(kind=TargetPolicy.Kind.ESCALATING)
    return escalating.filter(is_default=True).first() or escalating.first() or policy()


def sources_with_counts() -> QuerySet[Source]:
    counts = (
        Observation.objects.filter(source=OuterRef("pk")).order_by()
        .values("source").annotate(n=Count("id")).values("n")
    )
    return Source.objects.annotate(
        observation_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0)
    ).order_by("dataset", "file")


def has_operations_data() -> bool:
    return observations(kind=PEACE_OPERATION_KINDS).exists()


def negotiations_with_agreements() -> QuerySet[Process]:
    """Negotiations with at least one agreement, each with `agreement_count` (distinct documents)."""
    return (
        Process.objects.filter(kind=Process.Kind.NEGOTIATION)
        .annotate(agreement_count=Count("observations__document", distinct=True,
                                        filter=~Q(observations__document="")))
        .filter(agreement_count__gt=0).order_by("name")
    )


def data_age_policy() -> DataAgePolicy:
    """The secretariat's thresholds (the one row the migrations seed; its defaults if it was removed)."""
    memo = _request_memo.get()
    if memo is not None and "data_age_policy" in memo:
        return cast(DataAgePolicy, memo["data_age_policy"])
    found = DataAgePolicy.objects.order_by("pk").first() or DataAgePolicy()
    if memo is not None:
        memo["data_age_policy"] = found
    return found


Coverage = tuple[int, dt.date, dt.date]  # source id, first and last date it counts


def coverage(source_ids: Iterable[int]) -> list[Coverage]:
    """The first and last date of the observations of each source, in source-id order (a scan of the
    observations, so cached until the data changes)."""
    wanted = sorted(set(source_ids))
    rows = (Observation.objects.filter(source_id__in=wanted).values("source_id")
            .annotate(first=Min("date"), last=Max("date")).order_by("source_id")
            .values_list("source_id", "first", "last"))
    return cached("coverage", lambda: list(rows), ",".join(map(str, wanted)))
