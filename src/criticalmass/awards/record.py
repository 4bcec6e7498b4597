"""A nominee's record, pre-filled from the platform's own data: commitments made, reported, met and
verified by women's organisations; panels joined and manels among them; the panel pledge; the
trainings his organisation runs (programmes, cycles, people counted at their sessions). Kept on the
nomination as it was, so the jury and the public see the evidence the award was decided on."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from criticalmass.charter import queries as charter
from criticalmass.core import membership
from criticalmass.core.models import Organization, User
from criticalmass.events.models import Panel
from criticalmass.trainings.figures import organisations_trainings


def nominee_record(nominee: User, organisation: Organization | None) -> dict[str, Any]:
    today = timezone.localdate()
    items = list(charter.commitments(nominee))
    confirmed = sum(1 for c in items if charter.verification_mark(c) == "confirmed")
    panels = list(Panel.objects.filter(speakers__partner=nominee).distinct().prefetch_related("speakers"))
    return {
        "as_of": today.isoformat(),
        "organisation": organisation.name if organisation else "",
        "commitments": {**charter.summary_row(items, today), "confirmed_by_reviewers": confirmed},
        "panels": {"joined": len(panels), "manels": sum(1 for p in panels if p.flag() == "manel"),
                   "pledged": hasattr(nominee, "panel_pledge")},
        "trainings": organisations_trainings(trained_by(nominee, organisation)),
    }


def trained_by(nominee: User, organisation: Organization | None) -> set[int]:
    """The organisations whose trainings count: the one nominated, else every one he belongs to."""
    return {organisation.pk} if organisation else membership.organisation_ids(nominee)


RECORD_LINES = [
    (("commitments", "made"), "Commitments made"),
    (("commitments", "reported"), "Reported on"),
    (("commitments", "met_or_exceeded"), "Met or exceeded"),
    (("commitments", "confirmed_by_reviewers"), "Confirmed by women's organisations"),
    (("commitments", "disputed"), "Disputed"),
    (("panels", "joined"), "Panels joined"),
    (("panels", "manels"), "Of which manels (no woman speaker)"),
    (("panels", "pledged"), "Took the panel pledge"),
    (("trainings", "programmes"), "Training programmes his organisation runs"),
    (("trainings", "cycles"), "Training cycles held"),
    (("trainings", "people_counted"), "People counted at their sessions"),
]


def record_lines(record: dict[str, Any]) -> list[tuple[str, Any]]:
    """(label, value) lines of a stored record, for pages and the CSV."""
    lines = []
    for (group, key), label in RECORD_LINES:
        value = record.get(group, {}).get(key)
        if value is not None:
            lines.append((label, "yes" if value is True else "no" if value is False else value))
    return lines
