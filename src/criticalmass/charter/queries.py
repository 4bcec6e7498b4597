"""The accountability figures, as rows: the pages, their CSV downloads and the API all read these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from criticalmass.charter.models import (
    CharterVersion,
    Commitment,
    Consultation,
    Endorsement,
    ReportingCycle,
    Signature,
    published,
)
from criticalmass.core.models import Organization, User
from criticalmass.lib import accountability, charter_goals

SUMMARY_COLUMNS = ["made", "reported", "met_or_exceeded", "disputed", "not_reported", "awaiting",
                   "reported_share"]
COMMITMENT_COLUMNS = ["partner", "cycle", "what", "indicator", "baseline", "target", "deadline",
                      "status", "verification", "process", "organization", "event", "plan"]


def public_name(user: User) -> str:
    return user.public_name


def commitments(owner: User | None = None) -> QuerySet[Commitment]:
    found = Commitment.objects.select_related("owner", "cycle", "process", "organization", "event",
                                              "plan__country", "report", "goal")
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
    from criticalmass.charter.models import ChampionVetting

    # a partner whose listing women's organisations are still vetting (or the secretariat declined) is
    # not listed yet: the same rule as the Charter's own list of champions
    listed = Q(user__vetting__isnull=True) | Q(user__vetting__status=ChampionVetting.Status.LISTED)
    signatures = list(Signature.objects.filter(listed).select_related("version", "organization", "user")
                      .order_by("signed_at", "pk"))
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


# ---- Champions vetted by women's organisations -----------------------------------------------------

def listed_signatures() -> QuerySet[Signature]:
    """Active signatures of partners listed as champions: no vetting (signed before vetting began) or a
    vetting the secretariat decided to list; with the endorsements of later versions."""
    from criticalmass.charter.models import ChampionVetting

    listed = Q(user__vetting__isnull=True) | Q(user__vetting__status=ChampionVetting.Status.LISTED)
    return active_signatures().filter(listed).select_related("user__vetting").prefetch_related(
        "endorsements__version")


def supporters(signature: Signature) -> int | None:
    """How many women's organisations supported the signatory's listing; None when he was not vetted."""
    vetting = getattr(signature.user, "vetting", None)
    return vetting.supporters() if vetting else None


# ---- The Charter's versions: endorsements and what changed -------------------------------------------

def endorsement_of(signature: Signature, version: CharterVersion) -> Endorsement | None:
    return next((e for e in signature.endorsements.all() if e.version_id == version.pk), None)


def signatory_rows(version: CharterVersion | None) -> list[dict[str, Any]]:
    """Each listed signatory, under the version he signed or, once he endorsed it, the current one."""
    rows = []
    for signature in listed_signatures():
        endorsed = endorsement_of(signature, version) if version else None
        current = version is not None and (signature.version_id == version.pk or endorsed is not None)
        rows.append({"signature": signature, "endorsed": endorsed, "current": current,
                     "listed_under": version.number if current and version else signature.version.number,
                     "supporters": supporters(signature)})
    return rows


def goal_records(version: CharterVersion) -> list[charter_goals.Goal]:
    return [charter_goals.Goal(g.what, f"{g.target_value.normalize():f}", g.unit, g.deadline.isoformat(),
                               g.scope()) for g in version.goals.prefetch_related("processes")]


def version_changes(version: CharterVersion) -> list[charter_goals.Change]:
    """The goals added, removed and changed since the published version before it."""
    previous = published().filter(number__lt=version.number).order_by("-number").first()
    return charter_goals.changes(goal_records(previous) if previous else [], goal_records(version))


# ---- The consultation record: "nothing about us without us" as a figure -------------------------------

CONSULTATION_COLUMNS = ["version", "comments", "womens_organisations", "advocates", "accepted", "changed",
                        "declined", "unanswered"]
SMALLEST_PUBLIC_COUNT = 5  # fewer people than this are not counted publicly


def consultation_record(consultation: Consultation) -> dict[str, Any]:
    """The figures of one consultation; advocates (people) are suppressed below five, organisations not."""
    comments = list(consultation.comments.select_related("organization"))
    womens = {c.organization_id for c in comments if c.organization is not None
              and c.organization.kind == Organization.Kind.WOMENS_ORGANIZATION}
    advocates = len({c.author_id for c in comments if c.organization_id is None})
    responses = [c.response for c in comments]
    return {"version": consultation.version.number, "comments": len(comments),
            "womens_organisations": len(womens),
            "advocates": advocates if advocates == 0 or advocates >= SMALLEST_PUBLIC_COUNT else None,
            "accepted": responses.count("accepted"), "changed": responses.count("changed"),
            "declined": responses.count("declined"), "unanswered": responses.count("")}


def consultation_rows() -> list[dict[str, Any]]:
    """One row per published version that was consulted on, newest first."""
    found = Consultation.objects.filter(version__in=published()).select_related("version")
    return [consultation_record(c) for c in found.order_by("-version__number")]


def signed_version_id(user: User) -> int | None:
    """The newest version a partner signed or endorsed (his commitments pick among its goals)."""
    signature = Signature.objects.filter(user=user, withdrawn_at__isnull=True).first()
    if signature is None:
        return None
    endorsed = signature.endorsements.order_by("-version__number").values_list("version_id",
                                                                                flat=True).first()
    return endorsed or signature.version_id


def may_endorse(signature: Signature, version: CharterVersion) -> bool:
    """A signatory of an earlier version who has not endorsed this one yet."""
    return (signature.version.number < version.number
            and not signature.endorsements.filter(version=version).exists())


def consultation_of(version: CharterVersion | None) -> dict[str, Any] | None:
    found = Consultation.objects.filter(version=version).first() if version else None
    return consultation_record(found) if found else None
