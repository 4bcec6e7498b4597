"""Consent belongs to a story's author: a change of how her story is published (anonymous, contacts
shown) asked by the secretariat waits for her answer, and every view of her contacts is audited.

Audit actions: `story.consent_requested`, `story.consent_confirmed`, `story.consent_declined`,
`story.contacts_viewed` (detail `via`: page, api, admin).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from criticalmass.core.models import AuditEvent, User, audit
from criticalmass.hub.models import ConsentRequest, Practice

FLAGS = tuple(ConsentRequest.Field.values)


def target_of(practice: Practice) -> str:
    return f"hub.practice:{practice.pk}"


def contacts_seen(practice: Practice, user: User | None, via: str) -> None:
    """Record that someone other than the author saw the story's contacts."""
    if user is not None and user.pk == practice.author_id:
        return
    audit("story.contacts_viewed", target_of(practice), user, detail={"via": via, "story": practice.slug})


@transaction.atomic
def ask(practice: Practice, field: str, value: bool, by: User | None, reason: str = "") -> ConsentRequest:
    """Ask the author to set `field` to `value`; an earlier pending request for that field is withdrawn."""
    if field not in FLAGS:
        raise ValueError(f"{field} is not a consent flag; choose one of {', '.join(FLAGS)}")
    pending = ConsentRequest.Answer.PENDING
    ConsentRequest.objects.filter(practice=practice, field=field, answer=pending).delete()
    asked = ConsentRequest.objects.create(practice=practice, field=field, value=value, requested_by=by,
                                          reason=reason)
    audit("story.consent_requested", target_of(practice), by,
          detail={"story": practice.slug, "field": field, "value": value})
    return asked


@transaction.atomic
def answer(asked: ConsentRequest, author: User, confirm: bool) -> None:
    """The author confirms (the story changes, its history keeps the change) or declines."""
    practice = asked.practice
    if confirm:
        setattr(practice, asked.field, asked.value)
        practice.save()
    asked.answer = ConsentRequest.Answer.CONFIRMED if confirm else ConsentRequest.Answer.DECLINED
    asked.answered_at = timezone.now()
    asked.save(update_fields=["answer", "answered_at"])
    audit(f"story.consent_{asked.answer}", target_of(practice), author,
          detail={"story": practice.slug, "field": asked.field, "value": asked.value})


def pending_for(author: User) -> QuerySet[ConsentRequest]:
    return ConsentRequest.objects.filter(practice__author=author, answer=ConsentRequest.Answer.PENDING
                                         ).select_related("practice")


def contact_views_for(author: User) -> QuerySet[AuditEvent]:
    """Who saw the author's contacts, and when (she sees this on her page)."""
    targets = [target_of(p) for p in Practice.objects.filter(author=author).only("pk")]
    views = AuditEvent.objects.filter(action="story.contacts_viewed", target__in=targets)
    return views.select_related("user")
