"""Reminders to grantees: before the report deadline of their call, and once overdue. Each is logged in
GrantReminder under a key, so running again sends nothing new."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from criticalmass.core import outbox
from criticalmass.grants.models import Application, GrantReminder

DEFAULT_DAYS_BEFORE = 14


def unreported(today: dt.date, days_before: int) -> Iterator[tuple[str, Application, str]]:
    """(key, grant, subject) for each funded grant without a report whose deadline is near or past."""
    waiting = (Application.objects.filter(status=Application.Status.FUNDED, report__isnull=True,
                                          applicant__is_active=True, applicant__notify_reminders=True)
               .select_related("call", "applicant"))
    for grant in waiting:
        deadline = grant.call.report_deadline
        if today > deadline:
            yield f"grant-overdue:{grant.pk}", grant, f"Critical Mass: your grant report was due {deadline}"
        elif deadline - today <= dt.timedelta(days=days_before):
            yield f"grant-due:{grant.pk}", grant, f"Critical Mass: report on your grant by {deadline}"


def send_grant_reminders(today: dt.date, days_before: int = DEFAULT_DAYS_BEFORE) -> tuple[int, int]:
    """(sent, skipped): skipped were sent before or have no e-mail address."""
    sent = skipped = 0
    for key, grant, subject in unreported(today, days_before):
        email = grant.applicant.email
        if not email or GrantReminder.objects.filter(key=key).exists():
            skipped += 1
            continue
        link = settings.SITE_URL + reverse("grants:report", args=[grant.pk])
        body = (f"Hello,\n\nYour grant for \"{grant.project_title}\" ({grant.amount_awarded} "
                f"{grant.call.currency}) is reported on by {grant.call.report_deadline}: what you did, what "
                f"you spent, and the receipts.\n\nReport: {link}\n\nCritical Mass")
        with transaction.atomic():
            GrantReminder.objects.create(key=key, recipient=email)
            outbox.enqueue(grant.applicant, subject, body, kind="reminders")  # sent by the queue, never lost
        sent += 1
    return sent, skipped
