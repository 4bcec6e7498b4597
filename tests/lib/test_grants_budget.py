"""Micro-grant budgets: no sequence of decisions spends more than the call has."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib import grants

money = st.decimals(min_value=Decimal("-50"), max_value=Decimal("5000"), places=2)


def test_it_refuses_a_grant_over_the_maximum_or_the_budget_left():
    assert "maximum of 1000" in grants.refusal(Decimal(5000), [], Decimal(1200), Decimal(1000))
    assert "900.00 left" in grants.refusal(Decimal(5000), [Decimal("4100.00")], Decimal(950), Decimal(1000))
    assert grants.refusal(Decimal(5000), [], Decimal(0), Decimal(1000)) == "A grant must be more than zero."
    assert grants.refusal(Decimal(5000), [Decimal(4000)], Decimal(1000), Decimal(1000)) is None


@given(st.decimals(min_value=0, max_value=Decimal("20000"), places=2), st.lists(money, max_size=40))
def test_it_never_spends_more_than_the_budget_whatever_the_decisions(budget, asked):
    awarded: list[Decimal] = []
    for amount in asked:
        if grants.refusal(budget, awarded, amount, Decimal(1500)) is None:
            awarded.append(amount)
    assert grants.total(awarded) <= budget
    assert grants.remaining(budget, awarded) >= 0
    assert all(Decimal(0) < amount <= Decimal(1500) for amount in awarded)
