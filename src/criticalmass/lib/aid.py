"""A country's aid money from IATI activities, and the parts that target gender equality. Plain Python.

Money is what was spent: disbursements (IATI transaction type 3) and expenditures (type 4), kept by
currency, never added across currencies. An activity for several countries counts for each its
recipient-country percentage (equal parts where none is published). Money to women's rights
organisations is the part of an activity's sectors coded DAC 15170 (15180, ending violence against
women and girls, likewise); a sector without a percentage is an equal part of the activity's sectors.
Gender equality as the principal objective is the whole money of activities marked significance 2.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

SPENT = frozenset({"3", "4"})
WOMENS_RIGHTS_ORGANISATIONS = "15170"
ENDING_VIOLENCE = "15180"
DAC = "1"  # the sector vocabulary of DAC 5-digit purpose codes
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Flow:
    type: str
    value: Decimal
    currency: str


@dataclass(frozen=True)
class ActivityMoney:
    identifier: str
    flows: Sequence[Flow]
    country_share: Decimal  # 0 to 1
    gender_marker: int | None
    sectors: Sequence[tuple[str, str, Decimal | None]]  # (vocabulary, code, percentage)


@dataclass
class Figure:
    amounts: dict[str, Decimal] = field(default_factory=dict)  # by currency
    activities: list[str] = field(default_factory=list)

    def add(self, identifier: str, amounts: dict[str, Decimal], factor: Decimal) -> None:
        if factor <= 0 or not amounts:
            return
        for currency, amount in amounts.items():
            self.amounts[currency] = self.amounts.get(currency, Decimal(0)) + amount * factor
        self.activities.append(identifier)


def country_share(percentage: Decimal | None, recipients: int) -> Decimal:
    if percentage is not None:
        return percentage / HUNDRED
    return Decimal(1) / Decimal(max(recipients, 1))


def sector_share(sectors: Sequence[tuple[str, str, Decimal | None]], code: str) -> Decimal:
    """The part of an activity's money its DAC sector `code` gets (0 to 1)."""
    if not sectors:
        return Decimal(0)
    given = [p for _, _, p in sectors if p is not None]
    if len(given) == len(sectors):
        matching = (p for v, c, p in sectors if v == DAC and c == code and p is not None)
        return sum(matching, Decimal(0)) / HUNDRED
    equal = Decimal(1) / Decimal(len(sectors))
    return sum((equal for v, c, _ in sectors if v == DAC and c == code), Decimal(0))


def spent(flows: Iterable[Flow]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for flow in flows:
        if flow.type in SPENT:
            totals[flow.currency] += flow.value
    return dict(totals)


def country_money(activities: Iterable[ActivityMoney]) -> dict[str, Figure]:
    """A country page's figures: all aid, gender principal, women's rights organisations, ending violence."""
    figures = {name: Figure() for name in ("all", "gender_principal", "womens_rights_organisations",
                                           "ending_violence")}
    for a in activities:
        amounts = spent(a.flows)
        figures["all"].add(a.identifier, amounts, a.country_share)
        if a.gender_marker == 2:
            figures["gender_principal"].add(a.identifier, amounts, a.country_share)
        figures["womens_rights_organisations"].add(
            a.identifier, amounts, a.country_share * sector_share(a.sectors, WOMENS_RIGHTS_ORGANISATIONS))
        figures["ending_violence"].add(
            a.identifier, amounts, a.country_share * sector_share(a.sectors, ENDING_VIOLENCE))
    return figures


def shares(part: Figure, whole: Figure) -> dict[str, Decimal | None]:
    """The part as a percentage of the whole, per currency of the whole (one decimal)."""
    found: dict[str, Decimal | None] = {}
    for currency, total in whole.amounts.items():
        amount = part.amounts.get(currency, Decimal(0))
        found[currency] = (HUNDRED * amount / total).quantize(Decimal("0.1")) if total else None
    return found


# ---- Gender-marked aid, by publisher and year -------------------------------------------------
# The OECD DAC gender equality policy marker: 2 principal objective, 1 significant objective, 0 screened
# and not targeted; an activity without the marker is "no marker". 3 and 4 are not DAC definitions of
# this marker (they belong to the desertification and RMNCH markers): kept apart as "other".
MARKER_GROUPS = {2: "principal", 1: "significant", 0: "not_targeted", None: "no_marker"}
OTHER_MARKER = "other_marker"
GROUPS = ("principal", "significant", "not_targeted", "no_marker", OTHER_MARKER)


@dataclass(frozen=True)
class DatedFlow:
    type: str
    value: Decimal
    currency: str
    year: int


@dataclass(frozen=True)
class MarkedActivity:
    identifier: str
    publisher: str
    flows: Sequence[DatedFlow]
    country_share: Decimal  # 0 to 1
    gender_marker: int | None
    line: tuple[int, int]  # (source id, line): where the activity is read


@dataclass
class MarkerRow:
    """Money spent in one publisher's activities in one year and currency, by gender marker group."""

    publisher: str
    year: int | None  # None: every year
    currency: str
    amounts: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(GROUPS, Decimal(0)))
    activities: set[str] = field(default_factory=set)
    lines: set[tuple[int, int]] = field(default_factory=set)

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), Decimal(0))

    def add(self, activity: MarkedActivity, group: str, amount: Decimal) -> None:
        self.amounts[group] += amount
        self.activities.add(activity.identifier)
        self.lines.add(activity.line)


def marker_group(marker: int | None) -> str:
    return MARKER_GROUPS.get(marker, OTHER_MARKER)


def by_gender_marker(activities: Iterable[MarkedActivity]) -> list[MarkerRow]:
    """Per publisher, year (of the transaction) and currency: what was spent (disbursements and
    expenditures, times the country's share) in each marker group. Never adds across currencies."""
    rows: dict[tuple[str, int | None, str], MarkerRow] = {}
    for activity in activities:
        group = marker_group(activity.gender_marker)
        for flow in activity.flows:
            if flow.type not in SPENT or activity.country_share <= 0:
                continue
            key = (activity.publisher, flow.year, flow.currency)
            row = rows.setdefault(key, MarkerRow(*key))
            row.add(activity, group, flow.value * activity.country_share)
    return [rows[key] for key in sorted(rows)]


def totals_by_currency(rows: Iterable[MarkerRow], everyone: str) -> list[MarkerRow]:
    """One row per currency summing `rows` over publishers and years (`everyone` names the publisher)."""
    totals: dict[str, MarkerRow] = {}
    for row in rows:
        total = totals.setdefault(row.currency, MarkerRow(everyone, None, row.currency))
        for group, amount in row.amounts.items():
            total.amounts[group] += amount
        total.activities |= row.activities
        total.lines |= row.lines
    return [totals[currency] for currency in sorted(totals)]
