"""A small Charter world for the site-wide page tests: a published version, an open cycle, the
partner's commitment with a report, and a reviewer's dispute. Returns the ids pages are addressed by."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from criticalmass.charter.models import CharterVersion, Commitment, Report, ReportingCycle, Verification
from criticalmass.core.models import User


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
