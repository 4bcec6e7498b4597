"""Micro-grant money: budget lines total, what a call has left, and whether a grant fits.

Amounts are Decimals of one currency (the call's); nothing here rounds or converts.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

ZERO = Decimal("0")


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of budget lines (or of grants): computed, never typed."""
    return sum(amounts, ZERO)


def remaining(budget: Decimal, awarded: Iterable[Decimal]) -> Decimal:
    return budget - total(awarded)


def refusal(budget: Decimal, awarded: Iterable[Decimal], amount: Decimal,
            max_per_grant: Decimal) -> str | None:
    """Why a grant of `amount` cannot be made from a call with `budget` that already awarded `awarded`,
    or None when it fits."""
    if amount <= ZERO:
        return "A grant must be more than zero."
    if amount > max_per_grant:
        return f"{amount} is over the call's maximum of {max_per_grant} per grant."
    left = remaining(budget, awarded)
    if amount > left:
        return f"{amount} is more than the {left} left in the call's budget."
    return None
