"""What changes grants: decisions within the budget (one at a time per call), reviews with their
conflict checks, and receipts written outside the web root."""

from __future__ import annotations

import secrets
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from criticalmass.core import membership
from criticalmass.core.models import Role, User, audit
from criticalmass.grants.models import (
    Application,
    Call,
    GrantReport,
    Receipt,
    Review,
    ReviewScore,
    RubricItem,
)
from criticalmass.lib import awards, grants, uploads


class DecisionRefused(ValueError):
    """A decision the call's budget or rules do not allow; the message says why."""


def decide(application_pk: int, *, fund: bool, amount: Decimal | None, reason: str, by: User) -> Application:
    """Fund or decline an application. The call's row is locked while the budget is checked, so two
    secretaries deciding at once cannot together spend more than the budget."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_pk)
        call = Call.objects.select_for_update().get(pk=application.call_id)
        if application.status != Application.Status.SUBMITTED:
            raise DecisionRefused(f"This application was already {application.get_status_display().lower()}.")
        if fund:
            assert amount is not None
            why_not = grants.refusal(call.budget, call.awarded_amounts(), amount, call.max_per_grant)
            if why_not:
                raise DecisionRefused(why_not)
        application.status = Application.Status.FUNDED if fund else Application.Status.DECLINED
        application.amount_awarded = amount if fund else None
        application.decision_reason, application.decided_by = reason, by
        application.decided_at = timezone.now()
        application.save()
        audit("grants.funded" if fund else "grants.declined", f"grants.application:{application.pk}", user=by,
              detail={"amount": str(amount) if fund else None, "currency": call.currency})
    return application


def conflict_of_interest(reviewer: User, application: Application) -> str | None:
    """Why a reviewer may not review an application, or None."""
    if reviewer.pk == application.applicant_id:
        return "This is your own application."
    if application.organization_id in membership.organisation_ids(reviewer):
        return "You belong to the applying organisation."
    if membership.share_an_organisation(reviewer, application.applicant):
        return "You belong to an organisation of the applicant."
    return None


def may_review(user: User, application: Application) -> bool:
    return (user.has_role(Role.REVIEWER) and application.status == Application.Status.SUBMITTED
            and conflict_of_interest(user, application) is None)


def save_review(application: Application, reviewer: User, *, conflict: bool, comment: str,
                scores: dict[RubricItem, int]) -> Review:
    """Record (or replace) a reviewer's review; a declared conflict keeps no scores."""
    with transaction.atomic():
        review, _ = Review.objects.update_or_create(application=application, reviewer=reviewer,
                                                    defaults={"conflict": conflict, "comment": comment})
        review.scores.all().delete()
        if not conflict:
            # With history: a reviewer's replaced scores stay readable as they were (simple-history).
            bulk_create_with_history([ReviewScore(review=review, item=item, score=value)
                                      for item, value in scores.items()], ReviewScore)
        audit("grants.reviewed", f"grants.application:{application.pk}", user=reviewer,
              detail={"conflict": conflict})
    return review


def rubric_score(application: Application) -> Decimal | None:
    """The weighted mean of the reviewers' scores, each out of 10; reviews with a conflict count none."""
    items = {item.pk: item for item in application.call.rubric.all()}
    marks = [(s.review.reviewer_id, s.item_id, Decimal(s.score) * 10 / items[s.item_id].max_score)
             for s in ReviewScore.objects.filter(review__application=application, review__conflict=False)
             .select_related("review")]
    return awards.score(marks, {pk: item.weight for pk, item in items.items()})


def upload_dir() -> Path:
    return Path(settings.UPLOAD_DIR)


def save_receipt(report: GrantReport, upload: UploadedFile) -> Receipt:
    """Check the file by its content and size, then keep it under a random name outside the web root."""
    name = upload.name or "receipt"
    head = next(upload.chunks(2048), b"")
    content_type = uploads.sniff(head, upload.size or 0, name)
    stored = f"{secrets.token_hex(16)}.{uploads.ACCEPTED[content_type]}"
    folder = upload_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / stored, "xb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return Receipt.objects.create(report=report, stored_name=stored, original_name=name[:255],
                                  content_type=content_type, size=upload.size or 0)
