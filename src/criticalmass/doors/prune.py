"""Retention: meeting requests, with their meetings, promises, reprisal records and reads, are deleted
CRITICALMASS_SENSITIVE_RETENTION_MONTHS after their last follow-up, and so are the audit events that
name them. Only a count of what was deleted stays."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from criticalmass.core.models import AuditEvent, audit
from criticalmass.doors.models import MeetingRequest, Reprisal
from criticalmass.lib.deadlines import add_months


def cutoff(today: dt.date, months: int | None = None) -> dt.date:
    return add_months(today, -(months or settings.SENSITIVE_RETENTION_MONTHS))


def prune_sensitive(today: dt.date, months: int | None = None) -> int:
    """Delete the requests whose last follow-up is before the cutoff; returns how many."""
    with transaction.atomic():
        old = MeetingRequest.objects.filter(last_activity__lt=cutoff(today, months))
        ids = list(old.values_list("pk", flat=True))
        reprisals = list(Reprisal.objects.filter(request_id__in=ids).values_list("pk", flat=True))
        targets = Q(target__in=[f"doors.request:{pk}" for pk in ids]) | Q(
            target__in=[f"doors.reprisal:{pk}" for pk in reprisals])
        AuditEvent.objects.filter(targets).delete()
        old.delete()
        if ids:
            audit("doors.pruned", detail={"requests": len(ids)})
    return len(ids)
