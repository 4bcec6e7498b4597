"""A small watchdog world: Ghana's plans (one expired with no successor), an agency with actions, a
reporting duty overdue and one due soon, a WPS Index score. Dates are relative to the platform's today."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from criticalmass.core.models import Source
from criticalmass.watchdog.models import (
    Action,
    ActionStatus,
    Agency,
    Delivery,
    Obligation,
    Plan,
    StatusUpdate,
    WpsIndexScore,
    today,
)

ACTION, UPDATE = 9001, 9001  # fixed, so that tests/test_page_permissions.py can name their pages


def build_watchdog() -> dict[str, int]:
    """Replaces the seed's plans and duties, so that what the tests count is only this world."""
    Obligation.objects.all().delete()
    Plan.objects.all().delete()
    year = today().year
    old = Plan.objects.create(
        slug="tst-nap-1", country_id="GHA", kind="nap", generation=1, title="Ghana NAP test one",
        period_start=year - 6, period_end=year - 2, source_title="Test source one",
        source_url="https://example.org/one", allocated_budget=True, monitoring_framework=True)
    current = Plan.objects.create(
        slug="tst-nap-2", country_id="GHA", kind="nap", generation=2, title="Ghana NAP test two",
        period_start=year - 1, period_end=year + 2, source_title="Test source two",
        source_url="https://example.org/two", allocated_budget=False)
    Plan.objects.create(slug="tst-ken-1", country_id="KEN", kind="nap", generation=1,
                        title="Kenya NAP lapsed", period_start=year - 5, period_end=year - 1,
                        source_title="Test source three", source_url="https://example.org/three")
    agency = Agency.objects.create(plan=current, name="Ministry of Defence")
    action = Action.objects.create(
        pk=ACTION, agency=agency, objective="Raise women's share of officers", indicator="share of officers",
        baseline="8%", target="15%", deadline=today() + dt.timedelta(days=200),
        budget_amount=Decimal("250000"), budget_currency="GHS", budget_year=year,
        status=ActionStatus.ON_TRACK)
    Action.objects.create(agency=agency, objective="Train gender advisers", status=ActionStatus.DELAYED)
    Action.objects.create(agency=agency, objective="Dropped idea", status=ActionStatus.CANCELLED)
    overdue = Obligation.objects.create(
        slug="tst-report", country_id="GHA", plan=old, title="Annual report to Parliament",
        first_due=today() - dt.timedelta(days=400), every_months=12, source_title="Test act",
        source_url="https://example.org/act")
    Delivery.objects.create(obligation=overdue, delivered_on=today() - dt.timedelta(days=390), url="https://example.org/r1")
    Obligation.objects.create(slug="tst-strategy", country_id="GHA", plan=current, title="New strategy",
                              first_due=today() + dt.timedelta(days=30), source_title="Test act",
                              source_url="https://example.org/act")
    source = Source.objects.create(slug="test-wps-index", dataset="WPS Index test", publisher="Tests",
                                   file="index.xlsx", citation="WPS Index test citation.")
    WpsIndexScore.objects.create(country_id="GHA", edition=2025, rank=97, score=Decimal("0.651"),
                                 region="SSA", indicators={"Education": {"value": 7.1, "note": "a"}},
                                 source=source, source_row=105)
    update = StatusUpdate.objects.create(pk=UPDATE, action=action, status=ActionStatus.DELAYED,
                                         note="proposed by a partner")
    return {"action": action.pk, "update": update.pk}
