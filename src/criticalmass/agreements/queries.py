"""What the agreements pages and API read from the database. Participation at the table comes from
the parity app's negotiation observations (PADD), joined by the PA-X agreement id in their document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import ExtractYear

from criticalmass.agreements.models import Agreement, Mandate, Pillar, Provision, RubricItem
from criticalmass.agreements.scoring import Rated, Score, score
from criticalmass.core.models import Country, DataNote
from criticalmass.figures.citations import RowSpan
from criticalmass.lib import targets
from criticalmass.lib.notes import agreement_subject
from criticalmass.parity import figures as parity_figures
from criticalmass.parity import queries as parity_queries
from criticalmass.parity.models import Category, Observation, Process

RENEWAL_DAYS = 90
PAX_GENDER, NO_CODE = "pax-gender", "no-code"  # the source and kind of notes on agreements with no code set
TABLE_ROLES = [Category.SIGNATORIES, Category.NEGOTIATORS]  # "at the table": who signed, who negotiated
GROUPINGS = {"year": ExtractYear("date"), "region": F("region"), "stage": F("stage"),
             "type": F("agreement_type")}


@dataclass(frozen=True)
class Share:
    """Agreements in one group and how many of them have provisions on women, girls and gender."""

    key: Any
    agreements: int
    with_provisions: int
    spans: list[RowSpan]

    @property
    def share(self) -> float | None:
        return 100.0 * self.with_provisions / self.agreements if self.agreements else None


@dataclass(frozen=True)
class Seat:
    """Women among one role's delegates of one agreement, as PADD counts them."""

    role: str
    women: int | None
    total: int
    span: RowSpan

    def reaches(self, floor: Decimal) -> bool | None:
        """lib.targets.meets_floor: the one test, compared in whole numbers; None when women are unknown."""
        return targets.meets_floor(self.women, self.total, floor)


def shares(by: str, agreements: QuerySet[Agreement] | None = None) -> list[Share]:
    """Agreements and those with gender provisions (PA-X's GeWom), per year, region, stage or type."""
    qs = Agreement.objects.all() if agreements is None else agreements
    rows = (qs.annotate(group=GROUPINGS[by]).values("group", "source_id")
            .annotate(n=Count("id"), g=Count("id", filter=Q(gender_provisions=True)),
                      first=Min("source_row"), last=Max("source_row"))
            .order_by("group", "source_id"))
    found: dict[Any, Share] = {}
    for r in rows:
        before = found.get(r["group"], Share(r["group"], 0, 0, []))
        found[r["group"]] = Share(r["group"], before.agreements + r["n"], before.with_provisions + r["g"],
                                  [*before.spans, RowSpan(r["source_id"], r["first"], r["last"], r["n"])])
    return list(found.values())


def seats(pax_ids: list[int] | None = None, roles: Sequence[str] | None = None) -> dict[int, dict[str, Seat]]:
    """PADD's counts by PA-X agreement id and role; all agreements' when `pax_ids` is None."""
    # Only the default source's counts (parity.queries.counted): versions of PADD side by side.
    qs = Observation.objects.filter(process__kind=Process.Kind.NEGOTIATION, document__startswith="PA-X ",
                                    source__is_default=True)
    if pax_ids is not None:
        qs = qs.filter(document__in=[f"PA-X {i}" for i in pax_ids])
    if roles is not None:
        qs = qs.filter(role__in=roles)
    found: dict[int, dict[str, Seat]] = {}
    for document, role, women, total, source_id, row in qs.values_list(
            "document", "role", "women", "total", "source_id", "source_row"):
        number = document.removeprefix("PA-X ").strip()
        if number.isdigit():
            span = RowSpan(source_id, row, row, 1)
            found.setdefault(int(number), {})[role] = Seat(role, women, total, span)
    return found


def not_coded(pax_ids: list[int] | None = None) -> dict[int, RowSpan]:
    """Agreements the default PADD source lists with no count coded (its "not-coded" notes), by AgtId,
    each with the row that lists it. They have no seats, and are counted as not known, never dropped."""
    notes = DataNote.objects.filter(kind="not-coded", subject__startswith="agreement:",
                                    source__is_default=True,
                                    source__observation__document__startswith="PA-X ").distinct()
    found: dict[int, RowSpan] = {}
    for subject, source_id, row in notes.values_list("subject", "source_id", "source_row"):
        number = subject.removeprefix("agreement:")
        if number.isdigit() and (pax_ids is None or int(number) in pax_ids):
            found[int(number)] = RowSpan(source_id, row or 1, row or 1, 1)
    return found


def floor() -> Decimal:
    """The floor the parity pages measure the table against (30% by default), from the target policy."""
    policy = parity_queries.floor_policy()
    return Decimal(policy.floor) if policy else Decimal(30)


def at_the_table(agreement_seats: dict[str, Seat], floor: Decimal) -> bool | None:
    """True when women reached the floor among signatories or negotiators; None when neither is known."""
    verdicts = [seat.reaches(floor) for role in TABLE_ROLES if (seat := agreement_seats.get(role))]
    known = [v for v in verdicts if v is not None]
    return any(known) if known else None


def pillars_by_agreement(agreement_ids: list[int]) -> dict[int, list[str]]:
    """The names of the pillars each agreement's provisions cover, in the pillars' order."""
    found: dict[int, list[str]] = {}
    rows = (Provision.objects.filter(agreement_id__in=agreement_ids, code__pillar__isnull=False)
            .values_list("agreement_id", "code__pillar__name").distinct()
            .order_by("agreement_id", "code__pillar__order", "code__pillar__name"))
    for agreement_id, name in rows:
        found.setdefault(agreement_id, []).append(name)
    return found


def provisions_of(agreement: Agreement) -> QuerySet[Provision]:
    return (agreement.provisions.select_related("code__pillar", "source")
            .order_by("code__pillar__order", "code__pillar__name", "code__code"))


def pillars() -> QuerySet[Pillar]:
    return Pillar.objects.annotate(code_count=Count("codes")).order_by("order", "name")


def processes_with_agreements() -> QuerySet[Process]:
    return (Process.objects.filter(agreements__isnull=False)
            .annotate(agreement_count=Count("agreements")).order_by("name"))


# ---- Mandates ------------------------------------------------------------------------------

def rubric() -> list[RubricItem]:
    return list(RubricItem.objects.order_by("order", "name"))


def mandate_score(mandate: Mandate | Agreement, items: list[RubricItem]) -> Score:
    """The score of a mandate's (or an agreement's) ratings on the rubric."""
    ratings = {e.item_id: e.rating for e in mandate.entries.all()}
    return score(Rated(item.category, item.weight, ratings.get(item.pk)) for item in items)


def mandates_of(process: Process) -> QuerySet[Mandate]:
    # Newest first: imported mandates may lack the adoption date, never the expiry.
    return process.mandates.prefetch_related("entries__item", "entries__updated_by").order_by(
        F("expires").desc(nulls_last=True), F("adopted").desc(nulls_last=True), "-pk")


def renewals(today: dt.date, days: int = RENEWAL_DAYS) -> QuerySet[Mandate]:
    """Mandates that expire from today to `days` days from now, soonest first."""
    return (Mandate.objects.filter(expires__gte=today, expires__lte=today + dt.timedelta(days=days))
            .select_related("process", "source").prefetch_related("entries")
            .order_by("expires", "process__name"))


def parity_status(process: Process) -> dict[str, Any] | None:
    """Where women's share of the mission's uniformed personnel stands against the default policy:
    the status row of the parity pages (parity.figures.series_tables); None without counts or policy."""
    policy = parity_queries.policy()
    if policy is None:
        return None
    rows = parity_figures.series_tables(policy, Category.TOTAL, process)["status"].rows
    return rows[0] if rows else None


def provisions_in(agreements: QuerySet[Agreement] | None) -> QuerySet[Provision]:
    qs = Provision.objects.all()
    return qs if agreements is None else qs.filter(agreement__in=agreements.values("pk"))


def pillar_counts(agreements: QuerySet[Agreement] | None = None) -> list[tuple[Pillar, int, list[RowSpan]]]:
    """Per pillar: agreements with at least one provision in it, and the PA-X Gender rows counted."""
    rows = (provisions_in(agreements).filter(code__pillar__isnull=False)
            .values("code__pillar", "source_id")
            .annotate(n=Count("agreement", distinct=True), first=Min("source_row"), last=Max("source_row"))
            .order_by("code__pillar", "source_id"))
    found: dict[int, tuple[int, list[RowSpan]]] = {}
    for r in rows:
        n, spans = found.get(r["code__pillar"], (0, []))
        span = RowSpan(r["source_id"], r["first"], r["last"], r["n"])
        found[r["code__pillar"]] = (n + r["n"], [*spans, span])
    return [(p, *found.get(p.pk, (0, []))) for p in Pillar.objects.order_by("order", "name")]


def coded_agreements(agreements: QuerySet[Agreement] | None = None) -> int:
    """Agreements with any PA-X Gender provision: the base of the pillars' shares."""
    return provisions_in(agreements).values("agreement").distinct().count()


def no_code_notes(agreements: QuerySet[Agreement] | None = None) -> QuerySet[DataNote]:
    """The notes of agreements PA-X Gender lists with every code 0 (kind "no-code"), in scope."""
    notes = DataNote.objects.filter(source__slug=PAX_GENDER, kind=NO_CODE)
    if agreements is None:
        return notes
    listed = agreements.filter(pax_id__in=pax_ids(notes)).values_list("pax_id", flat=True)
    return notes.filter(subject__in=[agreement_subject(pax_id) for pax_id in listed])


def pax_ids(notes: QuerySet[DataNote]) -> list[int]:
    """The AgtIds of notes about agreements ("agreement:<AgtId>")."""
    return [int(subject.split(":")[1]) for subject in notes.values_list("subject", flat=True)]


def listed_with_no_code(agreements: QuerySet[Agreement] | None = None) -> int:
    """Agreements PA-X Gender lists but codes no provision for: coded, with none (not in the provisions)."""
    return Agreement.objects.filter(pax_id__in=pax_ids(no_code_notes(agreements))).count()


@dataclass(frozen=True)
class Scope:
    """Which agreements a shares page or route counts: those concerning a country, in a region, or all."""

    country: str = ""
    region: str = ""

    @property
    def params(self) -> dict[str, str]:
        return {k: v for k, v in (("country", self.country), ("region", self.region)) if v}

    @property
    def label(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in self.params.items())

    def agreements(self) -> QuerySet[Agreement] | None:
        if not self.params:
            return None
        qs = Agreement.objects.all()
        if self.country:
            qs = qs.filter(pk__in=Agreement.objects.filter(countries__iso3=self.country).values("pk"))
        if self.region:
            qs = qs.filter(region__iexact=self.region)
        return qs


def scope_problem(scope: Scope) -> str | None:
    """Why the scope names nothing we know (a sentence), or None when it is fine."""
    if scope.country and not Country.objects.filter(iso3=scope.country).exists():
        return f"There is no country with ISO code '{scope.country}'."
    if scope.region and not Agreement.objects.filter(region__iexact=scope.region).exists():
        return f"No agreement is in a PA-X region called '{scope.region}'."
    return None


def agreements_for_country(iso3: str) -> QuerySet[Agreement]:
    """The agreements PA-X locates in the country (Loc1ISO or Loc2ISO), oldest first."""
    return (Agreement.objects.filter(countries__iso3=iso3).select_related("process").distinct()
            .order_by("date", "pax_id"))


def regions() -> list[str]:
    """The PA-X regions agreements are in, for the shares pages' filter."""
    return list(Agreement.objects.exclude(region="").values_list("region", flat=True)
                .distinct().order_by("region"))


def current_mandates(first: dt.date, last: dt.date) -> list[Mandate]:
    """Each operation's latest mandate (the one ending last) when it ends from `first` to `last`,
    soonest first."""
    latest: dict[int, Mandate] = {}
    found = (Mandate.objects.filter(expires__isnull=False).select_related("process", "source")
             .prefetch_related("entries__updated_by").order_by("process_id", "-expires", "-pk"))
    for mandate in found:
        latest.setdefault(mandate.process_id, mandate)
    ending = [m for m in latest.values() if m.expires and first <= m.expires <= last]
    return sorted(ending, key=lambda m: (m.expires, m.process.code or m.process.name))
