"""The doors' part of a member's data (core.personal_data): what she asked, shown to her; deleted when
she deletes her data (her requests, their meetings, promises and reprisal records, and the reads logged)."""

from __future__ import annotations

from typing import Any

from criticalmass.core.models import User
from criticalmass.doors.models import MeetingRequest, Reading


def collect(sender: Any, user: User, **kwargs: Any) -> dict[str, list[dict[str, Any]]]:
    requests = MeetingRequest.objects.filter(advocate=user).select_related("post")
    return {"meeting_requests": [
        {"post": r.post.title, "purpose": r.purpose, "issue": r.issue, "attendees": r.attendees,
         "languages": r.languages, "safety_needs": r.safety_needs, "contact": r.contact,
         "status": r.status, "created_at": r.created_at,
         "read_by": [{"at": reading.at, "reader": reading.reader.public_name if reading.reader else "",
                      "what": reading.what, "break_glass": reading.break_glass}
                     for reading in Reading.objects.filter(request=r).select_related("reader")]}
        for r in requests]}


def forget(sender: Any, user: User, **kwargs: Any) -> None:
    """Her requests go with everything hanging from them (cascade), except those whose anonymised
    account she consented to publish: they stay, stripped of every sensitive field, as "an advocate"'s."""
    mine = MeetingRequest.objects.filter(advocate=user)
    mine.filter(meeting__public_consent_at__isnull=True).delete()
    for kept in mine.select_related("meeting"):
        scrub(kept)


def scrub(request: MeetingRequest) -> None:
    request.purpose = request.issue = request.attendees = request.safety_needs = request.contact = ""
    request.save()
    request.meeting.names = request.meeting.notes = ""
    request.meeting.save()
    request.reprisals.all().delete()
    request.readings.all().delete()
    request.shared_with.clear()
