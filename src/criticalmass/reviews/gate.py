"""What moves a document through the gate: submit, assign, review. Each step records its status change
and an audit event in one transaction; who may take it is checked by the views (and here for the
reviewer's eligibility)."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.text import slugify

from criticalmass.core.models import Membership, Role, User, audit
from criticalmass.reviews.models import ChecklistItem, CheckResult, Document, Status, StatusChange


def eligible_reviewers() -> QuerySet[User]:
    """Gender advisers (the reviewer role) and organisations' focal points, active accounts only."""
    return (User.objects.filter(is_active=True)
            .filter(Q(role_grants__role=Role.REVIEWER)
                    | Q(memberships__position=Membership.Position.FOCAL_POINT))
            .distinct().order_by("display_name", "pk"))


def move(document: Document, status: str, by: User | None, note: str = "") -> None:
    document.status = status
    document.save()
    StatusChange.objects.create(document=document, status=status, by=by, note=note)
    audit("review.status_changed", f"reviews.document:{document.pk}", by,
          detail={"document": document.slug, "status": status})


@transaction.atomic
def submit(document: Document, by: User) -> Document:
    document.slug = f"{slugify(document.title)[:60] or 'document'}-{secrets.token_hex(3)}"
    document.submitted_by = by
    document.status = Status.NOT_REVIEWED
    document.save()
    StatusChange.objects.create(document=document, status=Status.NOT_REVIEWED, by=by, note="Submitted")
    audit("review.submitted", f"reviews.document:{document.pk}", by, detail={"document": document.slug})
    return document


@transaction.atomic
def assign(document: Document, reviewer: User, by: User) -> None:
    document.reviewer = reviewer
    # The note is public: it says a reviewer was assigned, not who (reviewers may be at risk too).
    move(document, Status.UNDER_REVIEW, by, note="Assigned to a gender adviser or focal point")
    audit("review.assigned", f"reviews.document:{document.pk}", by,
          detail={"document": document.slug, "reviewer": reviewer.pk})


@transaction.atomic
def record_review(document: Document, by: User, answers: dict[ChecklistItem, tuple[str, str]],
                  comments: str, approved: bool) -> None:
    """The checklist answers (item -> (answer, comment)) and the comments returned; the document is
    approved or reviewed with changes."""
    for item, (answer, comment) in answers.items():
        CheckResult.objects.update_or_create(document=document, item=item,
                                             defaults={"answer": answer, "comment": comment})
    document.comments = comments
    move(document, Status.APPROVED if approved else Status.CHANGES, by)


def may_review(document: Document, user: User) -> bool:
    """Only the assigned reviewer, while she is still a reviewer or a focal point."""
    return (user.is_authenticated and document.reviewer_id == user.pk
            and eligible_reviewers().filter(pk=user.pk).exists())


def sees_comments(document: Document, user: User) -> bool:
    """The submitter, the assigned reviewer and the secretariat read the checklist and comments."""
    return user.is_authenticated and (user.is_secretariat or user.pk in (document.submitted_by_id,
                                                                          document.reviewer_id))


def documents(status: str = "") -> QuerySet[Document]:
    found = Document.objects.select_related("plan", "process", "organization")
    return found.filter(status=status) if status else found
