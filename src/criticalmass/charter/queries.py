"""The accountability figures, as rows: the pages, their CSV downloads and the API all read these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from criticalmass.charter.models import Commitment, ReportingCycle, Signature
from criticalmass.core.models import User
from criticalmass.lib import accountability

SUMMARY_COLUMNS = ["made", "reported", "met_or_exceeded", "disputed", "not_reported", "awaiting",
                   "reported_share"]
COMMITMENT_COLUMNS = ["partner", "cycle", "what", "indicator", "baseline", "target", "deadline",
                      "status", "verification", "process", "organization", "event", "plan"]


def public_name(user: User) -> str:
    return user.public_name


def commitments(owner: User | None = None) -> QuerySet[Commitment]:
    found = Commitment.objects.select_related("owner", "cycle", "process", "organization", "event",
                                              "plan__country", "report")
    found = found.prefetch_related("report__verifications__verified_report",
                                   "report__verifications__verified_commitment",
                                   "report__verifications__organization")
    return found.filter(owner=owner) if owner else found


def concerning(*, process_pk: int | None = None, event_pk: int | None = None,
               organization_pk: int | None = None, plan_pk: int | None = None) -> QuerySet[Commitment]:
    """Commitments that concern a process or mission, an event, an organization or a plan, for their pages."""
    found = commitments()
    if process_pk is not None:
        found = found.filter(process_id=process_pk)
    if event_pk is not None:
        found = found.filter(event_id=event_pk)
    if organization_pk is not None:
        found = found.filter(organization_id=organization_pk)
    if plan_pk is not None:
        found = found.filter(plan_id=plan_pk)
    return found


def active_signatures() -> QuerySet[Signature]:
    return Signature.objects.filter(withdrawn_at__isnull=True).select_related("version", "organization")


def verification_mark(commitment: Commitment) -> str:
    report = getattr(commitment, "report", None)
    if report is None:
        return ""
    if report.disputed():
        return "disputed"
    if report.changed_after_verification():
        return "changed after verification"
    return "confirmed" if report.confirmed() else "unverified"


def summary_row(items: Iterable[Commitment], today: dt.date) -> dict[str, int]:
    summary = accountability.summarize((c.status(today), c.disputed()) for c in items)
    share = summary.reported_share
    return {**{name: getattr(summary, name) for name in SUMMARY_COLUMNS[:-1]},
            "reported_share": round(share, 1) if share is not None else None}


def by_cycle(items: list[Commitment], today: dt.date | None = None) -> list[dict[str, Any]]:
    """One row per cycle, oldest first (the trend), and the totals."""
    today = today or timezone.localdate()
    cycles = sorted({c.cycle for c in items}, key=lambda cycle: cycle.deadline)
    rows = [{"cycle": cycle.name, "deadline": cycle.deadline,
             **summary_row([c for c in items if c.cycle_id == cycle.pk], today)} for cycle in cycles]
    return rows


def by_partner(items: list[Commitment], today: dt.date | None = None) -> list[dict[str, Any]]:
    today = today or timezone.localdate()
    owners = sorted({c.owner for c in items}, key=lambda u: public_name(u).lower())
    return [{"partner": public_name(owner), "slug": owner.slug,
             **summary_row([c for c in items if c.owner_id == owner.pk], today)} for owner in owners]


def commitment_rows(items: Iterable[Commitment]) -> list[dict[str, Any]]:
    return [{"partner": public_name(c.owner), "cycle": c.cycle.name, "what": c.what, "indicator": c.indicator,
             "baseline": c.baseline, "target": c.target, "deadline": c.deadline, "status": c.status(),
             "verification": verification_mark(c), "process": c.process.name if c.process else "",
             "organization": c.organization.name if c.organization else "",
             "event": c.event.name if c.event else "", "plan": str(c.plan) if c.plan else "",
             "commitment": c} for c in items]


SIGNATORY_COLUMNS = ["signatory", "title", "organization", "version", "signed_at", "withdrawn_at", "cycle",
                     "commitments", "required", "standing"]


def current_cycle(today: dt.date) -> ReportingCycle | None:
    """The open cycle (the one closing last if several are), else the last one opened."""
    opened = ReportingCycle.objects.filter(opens_on__lte=today).order_by("-deadline")
    return next((cycle for cycle in opened if cycle.is_open(today)), None) or opened.first()


def signatories(today: dt.date | None = None) -> list[dict[str, Any]]:
    """Every signatory, withdrawn ones included with the date, and where each stands in the current
    cycle: commitments on track, reported, not reported, or no commitment yet. Nobody is left out."""
    today = today or timezone.localdate()
    cycle = current_cycle(today)
    signatures = list(Signature.objects.select_related("version", "organization", "user").order_by(
        "signed_at", "pk"))
    made: dict[int, list[Commitment]] = {}
    if cycle is not None:
        for commitment in commitments().filter(cycle=cycle):
            made.setdefault(commitment.owner_id, []).append(commitment)
    latest = {s.user_id: s for s in signatures}  # a partner who signed again: his latest signature
    rows = []
    for signature in latest.values():
        mine = made.get(signature.user_id, [])
        state = accountability.standing(c.status(today) for c in mine)
        rows.append({"signatory": signature.name, "slug": signature.user.slug, "title": signature.title,
                     "organization": signature.organization.name if signature.organization else "",
                     "version": signature.version.number, "signed_at": signature.signed_at,
                     "withdrawn_at": signature.withdrawn_at, "cycle": cycle.name if cycle else "",
                     "commitments": len(mine),
                     "required": cycle.min_commitments if cycle and cycle.is_open(today) else 0,
                     "standing": accountability.STANDINGS[state], "state": state})
    return sorted(rows, key=lambda row: (row["withdrawn_at"] is not None, row["signatory"].lower()))
