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
