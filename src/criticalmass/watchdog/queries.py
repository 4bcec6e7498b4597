"""Query functions the watchdog's pages and API share, and other apps may call."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet

from criticalmass.core.models import Source
from criticalmass.lib import aid, deadlines, scorecard
from criticalmass.lib import plans as plan_rules
from criticalmass.watchdog.models import (
    Action,
    ActionStatus,
    AidActivity,
    Criterion,
    Obligation,
    Plan,
    WpsIndexScore,
)

SUCCESSOR_KINDS = (Plan.Kind.NAP, Plan.Kind.STRATEGY)
ON_TRACK = (ActionStatus.ON_TRACK, ActionStatus.COMPLETED)


@dataclass
class PlanView:
    plan: Plan
    status: str
    has_successor: bool
    score: scorecard.Score

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def alert(self) -> bool:
        return plan_rules.expired_without_successor(self.status, self.has_successor)


STATUS_LABELS = {**dict(Plan.Status.choices), plan_rules.UNKNOWN: "Unknown"}


@dataclass
class DutyView:
    obligation: Obligation
    standing: deadlines.Standing
    delivered: int


def rubric() -> list[scorecard.Criterion]:
    return [scorecard.Criterion(c.slug, c.label, c.weight) for c in Criterion.objects.all()]


def action_counts(plan_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """For each plan: (actions on track or completed, actions not cancelled)."""
    rows = (Action.objects.filter(agency__plan_id__in=list(plan_ids)).exclude(status=ActionStatus.CANCELLED)
            .values("agency__plan_id")
            .annotate(total=Count("pk"), on_track=Count("pk", filter=Q(status__in=ON_TRACK))))
    return {r["agency__plan_id"]: (r["on_track"], r["total"]) for r in rows}


def answers(plan: Plan, counts: tuple[int, int]) -> dict[str, Any]:
    return {
        "allocated-budget": plan.allocated_budget, "indicators-with-targets": plan.indicators_with_targets,
        "time-bound-actions": plan.time_bound_actions, "monitoring-framework": plan.monitoring_framework,
        "civil-society": plan.civil_society_involved, "actions-on-track": scorecard.share(*counts),
    }


def successors(plans: Iterable[Plan]) -> set[int]:
    """Ids of the plans that a later NAP or strategy of the same country follows."""
    by_country: dict[str, list[Plan]] = defaultdict(list)
    for plan in Plan.objects.filter(country__in={p.country_id for p in plans}, kind__in=SUCCESSOR_KINDS):
        by_country[plan.country_id].append(plan)
    followed = set()
    for plan in plans:
        others = by_country[plan.country_id]
        if plan.kind in SUCCESSOR_KINDS and any(later_than(other, plan) for other in others):
            followed.add(plan.pk)
    return followed


def later_than(other: Plan, plan: Plan) -> bool:
    if other.pk == plan.pk:
        return False
    if other.generation and plan.generation:
        return other.generation > plan.generation
    return (other.adopted_year or 0) > (plan.adopted_year or 0)


def plan_views(plans: QuerySet[Plan], today: dt.date) -> list[PlanView]:
    found = list(plans.select_related("country", "source"))
    followed, counts, criteria = successors(found), action_counts(p.pk for p in found), rubric()
    views = []
    for plan in found:
        has_successor = plan.pk in followed
        status = plan_rules.plan_status(plan.status, plan.period_start, plan.period_end, has_successor, today)
        score = scorecard.score(criteria, answers(plan, counts.get(plan.pk, (0, 0))))
        views.append(PlanView(plan, status, has_successor, score))
    return views


def alerts(today: dt.date) -> list[PlanView]:
    """Plans that have expired with no successor, by country."""
    return [view for view in plan_views(Plan.objects.all(), today) if view.alert]


def schedule(obligation: Obligation) -> deadlines.Schedule:
    return deadlines.Schedule(obligation.first_due, obligation.every_months, obligation.occurrences)


def duties(today: dt.date, country: str | None = None) -> list[DutyView]:
    qs = Obligation.objects.select_related("country", "plan").annotate(delivered=Count("deliveries"))
    if country:
        qs = qs.filter(country_id=country)
    found = [DutyView(o, deadlines.standing(schedule(o), o.delivered, today), o.delivered)
             for o in qs]
    return sorted(found, key=lambda d: (d.standing.due or dt.date.max, d.obligation.title))


def duties_in(state: deadlines.State, today: dt.date) -> list[DutyView]:
    return [d for d in duties(today) if d.standing.state == state]


def wps_index(iso3: str) -> WpsIndexScore | None:
    return WpsIndexScore.objects.filter(country_id=iso3).select_related("source").order_by("-edition").first()


def budget_total(actions: Iterable[Action]) -> dict[tuple[str, int | None], Decimal]:
    """Allocated budgets summed by currency and year (never across currencies)."""
    totals: dict[tuple[str, int | None], Decimal] = defaultdict(Decimal)
    for action in actions:
        if action.budget_amount is not None:
            totals[(action.budget_currency, action.budget_year)] += action.budget_amount
    return dict(totals)


@dataclass
class Money:
    figures: dict[str, aid.Figure]
    shares: dict[str, dict[str, Decimal | None]]
    activities: list[AidActivity]
    sources: list[Source]


def country_money(iso3: str) -> Money:
    """The country's aid from imported IATI activities: all, gender principal, to women's rights
    organisations and to ending violence against women, with the activities behind each figure."""
    activities = list(AidActivity.objects.filter(recipients__country_id=iso3).distinct()
                      .prefetch_related("recipients", "transactions").select_related("source"))
    items = []
    for a in activities:
        recipients = list(a.recipients.all())
        mine = next(r for r in recipients if r.country_id == iso3)
        items.append(aid.ActivityMoney(
            a.iati_identifier, [aid.Flow(t.type, t.value, t.currency) for t in a.transactions.all()],
            aid.country_share(mine.percentage, len(recipients)), a.gender_marker,
            [(s["vocabulary"], s["code"], None if s["percentage"] is None else Decimal(s["percentage"]))
             for s in a.sectors]))
    figures = aid.country_money(items)
    parts = ("gender_principal", "womens_rights_organisations", "ending_violence")
    return Money(figures, {name: aid.shares(figures[name], figures["all"]) for name in parts}, activities,
                 sorted({a.source for a in activities}, key=lambda s: s.slug))
