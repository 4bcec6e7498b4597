"""A document under gender review, linked to the watchdog's test plan and assigned to the reviewer
persona when it exists (build_watchdog first)."""

from __future__ import annotations

from criticalmass.core.models import User
from criticalmass.reviews.models import Document, Status, StatusChange
from criticalmass.watchdog.models import Plan

SLUG = "draft-policy"


def build_reviews(assigned: bool = True) -> Document:
    reviewer = User.objects.filter(username="reviewer").first() if assigned else None
    document, _ = Document.objects.get_or_create(slug=SLUG, defaults={
        "kind": Document.Kind.PARTNER_POLICY, "title": "Draft deployment policy",
        "url": "https://example.org/draft-policy", "plan": Plan.objects.filter(slug="tst-nap-2").first(),
        "reviewer": reviewer, "status": Status.UNDER_REVIEW if reviewer else Status.NOT_REVIEWED})
    StatusChange.objects.get_or_create(document=document, status=document.status)
    return document
