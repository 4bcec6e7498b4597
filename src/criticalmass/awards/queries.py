"""Published laureates, as rows: the round page, the CSV and the API read these."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from criticalmass.awards.models import Decision
from criticalmass.awards.record import record_lines

LAUREATE_COLUMNS = ["round", "category", "laureate", "organisation", "score", "tie", "reason",
                    "nomination", "evidence", "decided_on"]


def published_decisions() -> QuerySet[Decision]:
    return (Decision.objects.filter(round__published_at__isnull=False)
            .select_related("round", "category", "laureate__nominee", "laureate__organization")
            .order_by("-round__published_at", "category__pk"))


def laureate_row(decision: Decision) -> dict[str, Any]:
    nomination = decision.laureate
    return {"round": decision.round.name, "round_slug": decision.round.slug,
            "category": decision.category.name, "laureate": nomination.nominee.public_name,
            "organisation": nomination.organization.name if nomination.organization else "",
            "score": decision.score, "tie": decision.tie, "reason": decision.reason,
            "nomination": nomination.reason,
            "evidence": "; ".join(f"{label}: {value}" for label, value in record_lines(nomination.record)),
            "evidence_lines": record_lines(nomination.record), "as_of": nomination.record.get("as_of", ""),
            "decided_on": decision.decided_at.date()}
