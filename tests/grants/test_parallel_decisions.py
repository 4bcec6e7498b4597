"""Decisions made at the same moment on PostgreSQL: the call's row is locked while its budget is
checked, so parallel grants never add up to more than the budget."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection

from criticalmass.core.models import Role, User
from criticalmass.grants import services
from tests.grants.world import build_call, make_application

pytestmark = pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("sqlite"),
                                reason="SQLite takes one writer at a time; row locks are PostgreSQL's")


def test_it_never_spends_more_than_the_budget_when_decisions_race(live_db):
    call = build_call(budget="3000", max_per_grant="1500")
    staff = User.objects.create_user(username="staff", roles=[Role.SECRETARIAT])
    applicant = User.objects.create_user(username="club", roles=[Role.ADVOCATE])
    ids = [make_application(call, applicant, title=f"Project {n}").pk for n in range(6)]

    def fund(pk: int) -> bool:
        try:
            services.decide(pk, fund=True, amount=Decimal(1500), reason="Good.", by=staff)
            return True
        except services.DecisionRefused:
            return False
        finally:
            connection.close()  # each thread's own connection

    with ThreadPoolExecutor(max_workers=6) as pool:
        funded = list(pool.map(fund, ids))
    assert funded.count(True) == 2
    assert call.awarded() == Decimal(3000) and call.remaining() == 0
