"""A small Charter world for the site-wide page tests: a published version, an open cycle, the
partner's commitment with a report, and a reviewer's dispute. Returns the ids pages are addressed by."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from criticalmass.charter.models import (
    ChampionVetting,
    CharterVersion,
    Commitment,
    Consultation,
    ConsultationComment,
    Report,
    ReportingCycle,
    Verification,
)
from criticalmass.core.models import Organization, Role, User


def build_charter(partner: User, reviewer: User) -> dict[str, int]:
    today = timezone.localdate()
    CharterVersion.objects.create(number=1, title="Charter", text="Text.", published_at=timezone.now())
    cycle = ReportingCycle.objects.create(name="This year", opens_on=today - dt.timedelta(days=10),
                                          deadline=today + dt.timedelta(days=10))
    commitment = Commitment.objects.create(owner=partner, cycle=cycle, what="Open doors",
                                           indicator="Meetings", baseline="0", target="5",
                                           deadline=cycle.deadline)
    report = Report.objects.create(commitment=commitment, progress="met", narrative="Five meetings.")
    verification = Verification.objects.create(report=report, reviewer=reviewer, verdict="dispute",
                                               comment="Only four.")
    return {"commitment": commitment.pk, "report": report.pk, "verification": verification.pk}


def build_public_record() -> int:
    """A commitment (id 9001) with a report and a verdict, for the public history pages."""
    from criticalmass.core.models import Role

    owner = User.objects.create_user(username="record-owner", roles=[Role.PARTNER],
                                     display_name="Record Owner")
    reviewer = User.objects.create_user(username="record-reviewer", roles=[Role.REVIEWER])
    today = timezone.localdate()
    cycle = ReportingCycle.objects.create(name="Record year", opens_on=today - dt.timedelta(days=10),
                                          deadline=today + dt.timedelta(days=10))
    commitment = Commitment.objects.create(pk=9001, owner=owner, cycle=cycle, what="Keep the record",
                                           indicator="Versions", baseline="0", target="5",
                                           deadline=cycle.deadline)
    report = Report.objects.create(commitment=commitment, progress="met", narrative="Kept.")
    Verification.objects.create(report=report, reviewer=reviewer, verdict="confirm", comment="Seen.")
    return commitment.pk


def build_consultation(partner: User, reviewer: User) -> dict[str, int]:
    """A draft (version 2) open for comments to the reviewer's women's organisation and every advocate,
    with her organisation's comment; and the partner's vetting, pending."""
    today = timezone.localdate()
    draft = CharterVersion.objects.create(number=2, title="Draft", text="First paragraph.\n\nSecond one.")
    consultation = Consultation.objects.create(version=draft, opens_on=today - dt.timedelta(days=1),
                                               closes_on=today + dt.timedelta(days=10))
    organisation = reviewer.organizations.get(kind=Organization.Kind.WOMENS_ORGANIZATION)
    consultation.organizations.add(organisation)
    consultation.advocates.add(*User.objects.filter(role_grants__role=Role.ADVOCATE))
    comment = ConsultationComment.objects.create(consultation=consultation, paragraph=1, author=reviewer,
                                                 organization=organisation, text="Name the women.")
    vetting = ChampionVetting.objects.create(partner=partner)
    return {"draft": draft.number, "comment": comment.pk, "vetting": vetting.pk}
