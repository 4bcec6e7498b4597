"""JSON API of the Charter (mounted at /api/charter/): versions, signatories, commitments, reports with
their verifications, and the accountability figures. Public and read-only, like the pages."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from criticalmass.api_common import ERRORS, Page
from criticalmass.charter import queries
from criticalmass.charter.models import (
    CharterGoal,
    CharterVersion,
    Commitment,
    Report,
    Signature,
    Verification,
    published,
)
from criticalmass.lib.accountability import STATUSES

router = Router()


class GoalOut(Schema):
    what: str
    target_value: Decimal
    unit: str
    deadline: dt.date
    processes: list[str] = Field(..., description="Slugs of the processes or missions it concerns.")
    institutions: str

    @staticmethod
    def resolve_processes(obj: CharterGoal) -> list[str]:
        return [p.slug for p in obj.processes.all()]


class ConsultationOut(Schema):
    version: int
    comments: int
    womens_organisations: int = Field(..., description="Women's organisations that commented.")
    advocates: int | None = Field(..., description="Advocates who commented; null when fewer than 5.")
    accepted: int
    changed: int = Field(..., description="Comments accepted with changes.")
    declined: int
    unanswered: int


class VersionOut(Schema):
    number: int
    title: str
    text: str
    summary_of_changes: str
    published_at: dt.datetime
    goals: list[GoalOut]
    consultation: ConsultationOut | None = Field(..., description="The record of its drafting, if any.")

    @staticmethod
    def resolve_goals(obj: CharterVersion) -> list[Any]:
        return list(obj.goals.all())

    @staticmethod
    def resolve_consultation(obj: CharterVersion) -> dict[str, Any] | None:
        return queries.consultation_of(obj)


class SignatoryOut(Schema):
    name: str
    title: str
    organization: str | None
    signed_at: dt.datetime
    version: int
    endorsed: list[int] = Field(..., description="Later versions endorsed (the signature stays as it was).")
    photo_url: str | None = Field(..., description="Only when the signatory opted in.")
    bio: str | None = Field(..., description="Only when the signatory opted in.")

    @staticmethod
    def resolve_organization(obj: Signature) -> str | None:
        return obj.organization.name if obj.organization else None

    @staticmethod
    def resolve_version(obj: Signature) -> int:
        return obj.version.number

    @staticmethod
    def resolve_endorsed(obj: Signature) -> list[int]:
        return sorted(e.version.number for e in obj.endorsements.all())

    @staticmethod
    def resolve_photo_url(obj: Signature) -> str | None:
        return obj.photo_url or None if obj.show_profile else None

    @staticmethod
    def resolve_bio(obj: Signature) -> str | None:
        return obj.bio or None if obj.show_profile else None


class VerifiedVersionOut(Schema):
    version: int = Field(..., description="The id of the report's version verified (its public history).")
    progress: str
    narrative: str
    evidence: list[str]
    target: str | None = Field(..., description="The commitment's target when verified.")
    deadline: dt.date | None = Field(..., description="The commitment's deadline when verified.")
    recorded_at: dt.datetime = Field(..., description="When that version was made.")


class VerificationOut(Schema):
    verdict: str = Field(..., description="confirm or dispute")
    comment: str
    organization: str | None = Field(..., description="The women's organisation that verified.")
    answer: str = Field(..., description="The partner's answer; empty when none.")
    created_at: dt.datetime
    changed_after_verification: bool = Field(
        ..., description="The report or its commitment changed after this verdict: it was given on "
        "verified_version, not on the text shown now.")
    verified_version: VerifiedVersionOut | None = Field(
        ..., description="The version verified; null when it changed before versions were kept.")

    @staticmethod
    def resolve_changed_after_verification(obj: Verification) -> bool:
        return obj.changed()

    @staticmethod
    def resolve_verified_version(obj: Verification) -> dict[str, Any] | None:
        version, terms = obj.verified_report, obj.verified_commitment
        if version is None:
            return None
        return {"version": version.history_id, "progress": version.progress, "narrative": version.narrative,
                "evidence": [line.strip() for line in version.evidence.splitlines() if line.strip()],
                "target": terms.target if terms else None, "deadline": terms.deadline if terms else None,
                "recorded_at": version.history_date}

    @staticmethod
    def resolve_organization(obj: Verification) -> str | None:
        return obj.organization.name if obj.organization else None


class ReportOut(Schema):
    commitment: int
    progress: str = Field(..., description="exceeded, met, limited or none")
    narrative: str
    evidence: list[str]
    submitted_at: dt.datetime
    updated_at: dt.datetime
    verifications: list[VerificationOut]
    changed_after_verification: bool = Field(..., description="Changed after a reviewer's verdict.")

    @staticmethod
    def resolve_changed_after_verification(obj: Report) -> bool:
        return obj.changed_after_verification()

    @staticmethod
    def resolve_commitment(obj: Report) -> int:
        return obj.commitment_id

    @staticmethod
    def resolve_evidence(obj: Report) -> list[str]:
        return obj.evidence_links()

    @staticmethod
    def resolve_verifications(obj: Report) -> list[Any]:
        return list(obj.verifications.all())


class CommitmentOut(Schema):
    id: int
    partner: str
    cycle: str
    cycle_deadline: dt.date
    what: str
    indicator: str
    baseline: str
    target: str
    deadline: dt.date
    process: str | None = Field(..., description="Slug of the process or mission it concerns.")
    organization: str | None = Field(..., description="Name of the organization it concerns.")
    event: str | None = Field(..., description="Slug of the event it concerns.")
    plan: str | None = Field(..., description="Slug of the plan or law (watchdog) it concerns.")
    status: str = Field(..., description=", ".join(STATUSES))
    verification: str = Field(..., description="confirmed, disputed, changed after verification, "
                              "unverified, or empty with no report.")
    goal: str | None = Field(..., description="The Charter goal it works towards (what it measures).")

    @staticmethod
    def resolve_goal(obj: Commitment) -> str | None:
        return obj.goal.what if obj.goal else None

    @staticmethod
    def resolve_partner(obj: Commitment) -> str:
        return queries.public_name(obj.owner)

    @staticmethod
    def resolve_cycle(obj: Commitment) -> str:
        return obj.cycle.name

    @staticmethod
    def resolve_cycle_deadline(obj: Commitment) -> dt.date:
        return obj.cycle.deadline

    @staticmethod
    def resolve_process(obj: Commitment) -> str | None:
        return obj.process.slug if obj.process else None

    @staticmethod
    def resolve_organization(obj: Commitment) -> str | None:
        return obj.organization.name if obj.organization else None

    @staticmethod
    def resolve_event(obj: Commitment) -> str | None:
        return obj.event.slug if obj.event else None

    @staticmethod
    def resolve_plan(obj: Commitment) -> str | None:
        return obj.plan.slug if obj.plan else None

    @staticmethod
    def resolve_status(obj: Commitment) -> str:
        return obj.status()

    @staticmethod
    def resolve_verification(obj: Commitment) -> str:
        return queries.verification_mark(obj)


class CycleSummary(Schema):
    cycle: str
    deadline: dt.date
    made: int
    reported: int
    met_or_exceeded: int
    disputed: int
    not_reported: int
    awaiting: int
    reported_share: float | None = Field(..., description="Reported among those due (%), or null.")


class PartnerSummary(Schema):
    partner: str
    slug: str = Field(..., description="The partner's public address; never a login name.")
    made: int
    reported: int
    met_or_exceeded: int
    disputed: int
    not_reported: int
    awaiting: int
    reported_share: float | None


class AccountabilityOut(Schema):
    cycles: list[CycleSummary]
    partners: list[PartnerSummary]


@router.get("/versions", response={200: list[VersionOut], **ERRORS}, url_name="charter_versions")
def list_versions(request: HttpRequest) -> QuerySet[CharterVersion]:
    """Published versions of the Charter, newest first, with their goals and consultation record. Drafts
    are not listed."""
    return published().prefetch_related("goals__processes")


@router.get("/signatories", response={200: list[SignatoryOut], **ERRORS}, url_name="charter_signatories")
@paginate(Page)
def list_signatories(request: HttpRequest) -> QuerySet[Signature]:
    """Partners who signed and consented to be listed, with the later versions they endorsed; withdrawn
    signatures and partners not (yet) listed as champions after vetting are not. *Paged.*"""
    return queries.listed_signatures()


@router.get("/commitments", response={200: list[CommitmentOut], **ERRORS}, url_name="charter_commitments")
@paginate(Page)
def list_commitments(request: HttpRequest, partner: str | None = None,
                     cycle: str | None = None) -> QuerySet[Commitment]:
    """Every commitment with its status. `partner` is a partner's slug, `cycle` a cycle's name. *Paged.*"""
    found = queries.commitments()
    if partner:
        found = found.filter(owner__slug=partner)
    if cycle:
        found = found.filter(cycle__name=cycle)
    return found


@router.get("/reports", response={200: list[ReportOut], **ERRORS}, url_name="charter_reports")
@paginate(Page)
def list_reports(request: HttpRequest) -> QuerySet[Report]:
    """Reports with their evidence links and reviewers' verifications. *Paged.*"""
    return Report.objects.select_related("commitment").prefetch_related(
        "verifications__organization", "verifications__verified_report",
        "verifications__verified_commitment").order_by("pk")


@router.get("/accountability", response={200: AccountabilityOut, **ERRORS}, url_name="charter_accountability")
def accountability(request: HttpRequest) -> dict[str, Any]:
    """The figures of the public accountability page: per cycle (oldest first) and per partner."""
    items = list(queries.commitments())
    return {"cycles": queries.by_cycle(items), "partners": queries.by_partner(items)}


@router.get("/consultations", response={200: list[ConsultationOut], **ERRORS},
            url_name="charter_consultations")
def list_consultations(request: HttpRequest) -> list[dict[str, Any]]:
    """The consultation record of each published version drafted with women's organisations and
    advocates, newest first (the figure on /charter/ and in /charter/consultations.csv)."""
    return queries.consultation_rows()
