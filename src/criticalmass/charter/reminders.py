"""Reminder e-mails: partners before a cycle's deadline and once overdue, signatories with fewer
commitments than an open cycle asks for, reviewers when reports await them, each with a link to the
page to act on and one to stop them (the member's notice preferences). Each message is logged in
Reminder under a key, so running again sends nothing new."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse

from criticalmass.charter.models import (
    Commitment,
    Reminder,
    Report,
    ReportingCycle,
    Signature,
    current_version,
)
from criticalmass.core import membership, outbox
from criticalmass.core.models import Role, User
from criticalmass.core.personal_data import unsubscribe_token

DEFAULT_DAYS_BEFORE = 14


def link(name: str, *args: object) -> str:
    """The full address of a page, for a mail: CRITICALMASS_SITE_URL and the page's path."""
    return settings.SITE_URL + reverse(name, args=args)


@dataclass
class Message:
    keys: list[str]
    recipient: User
    subject: str
    lines: list[str] = field(default_factory=list)
    notice: str = "reminders"  # the kind of notice its stop link stops (core.personal_data.NOTICES)


def unreported(cycle: ReportingCycle) -> dict[User, list[Commitment]]:
    found: dict[User, list[Commitment]] = defaultdict(list)
    waiting = cycle.commitments.filter(report__isnull=True, owner__notify_reminders=True,
                                       owner__is_active=True)
    for commitment in waiting.select_related("owner"):
        found[commitment.owner].append(commitment)
    return found


def partner_messages(today: dt.date, days_before: int) -> Iterator[Message]:
    soon = ReportingCycle.objects.filter(deadline__gte=today, deadline__lte=today + dt.timedelta(days_before))
    for cycle in soon:
        for owner, items in unreported(cycle).items():
            yield Message([f"due:{cycle.pk}:{owner.pk}"], owner,
                          f"Critical Mass: report on your commitments by {cycle.deadline}",
                          [f"- {c.what[:120]}\n  Report: {link('charter:report', c.pk)}" for c in items])
    for cycle in ReportingCycle.objects.filter(deadline__lt=today):
        for owner, items in unreported(cycle).items():
            yield Message([f"overdue:{cycle.pk}:{owner.pk}"], owner,
                          f"Critical Mass: {cycle} closed on {cycle.deadline}; these are not reported",
                          [*[f"- {c.what[:120]}" for c in items], "",
                           f"Your commitments: {link('charter:mine')}"])


def uncommitted_messages(today: dt.date) -> Iterator[Message]:
    """Each signatory (not withdrawn) with fewer commitments than an open cycle asks for, once a cycle."""
    cycles = [c for c in ReportingCycle.objects.filter(opens_on__lte=today, deadline__gte=today,
                                                       min_commitments__gt=0)]
    signed = Signature.objects.filter(withdrawn_at__isnull=True, user__is_active=True,
                                      user__notify_reminders=True).select_related("user")
    for cycle in cycles:
        made = {row["owner"]: row["count"] for row in
                cycle.commitments.values("owner").annotate(count=Count("pk"))}
        for signature in signed:
            owner = signature.user
            if made.get(owner.pk, 0) < cycle.min_commitments:
                yield Message([f"commit:{cycle.pk}:{owner.pk}"], owner,
                              f"Critical Mass: {cycle} asks for {cycle.min_commitments} commitment(s)",
                              [f"You signed the Charter; {cycle} asks each signatory for "
                               f"{cycle.min_commitments} commitment(s) by {cycle.deadline}, and you have "
                               f"made {made.get(owner.pk, 0)}. Until then the accountability page lists "
                               "you as \"no commitment yet\".", "",
                               f"Make a commitment: {link('charter:commitment_new')}"])


def reviewer_messages() -> Iterator[Message]:
    waiting = list(Report.objects.filter(verifications__isnull=True).select_related("commitment__owner"))
    reviewers = User.objects.filter(role_grants__role=Role.REVIEWER, is_active=True,
                                    notify_reviews=True).distinct()
    for reviewer in reviewers:
        keys = {f"review:{r.pk}:{reviewer.pk}": r for r in waiting
                if membership.may_verify(reviewer, r.commitment.owner, r.commitment.organization_id)}
        sent = set(Reminder.objects.filter(key__in=keys).values_list("key", flat=True))
        new = {key: r for key, r in keys.items() if key not in sent}
        if new:
            yield Message(list(new), reviewer, f"Critical Mass: {len(new)} report(s) await verification",
                          [f"- {r.commitment.what[:120]}\n  Verify: {link('charter:review')}#report-{r.pk}"
                           for r in new.values()], notice="reviews")


def endorsement_messages() -> Iterator[Message]:
    """Signatories of an earlier version, asked once per new version to endorse it (one click)."""
    version = current_version()
    if version is None:
        return
    waiting = Signature.objects.filter(withdrawn_at__isnull=True, version__number__lt=version.number,
                                       user__is_active=True, user__notify_reminders=True).exclude(
        endorsements__version=version).select_related("user", "version")
    for signature in waiting:
        yield Message([f"endorse:{version.pk}:{signature.user_id}"], signature.user,
                      f"Critical Mass: version {version.number} of the Charter awaits your endorsement",
                      [f"You signed version {signature.version.number}. Version {version.number} was "
                       f"published on {version.published_at:%Y-%m-%d}. What changed: "
                       f"{link('charter:versions')}", "",
                       f"Endorse it in one click on the Charter's page: {link('charter:charter')}",
                       "Until you do, you stay listed under the version you signed."])


def send(message: Message) -> bool:
    """Write to the outbox once (the queue sends it): skip when already logged or when the person has
    no e-mail address."""
    if not message.recipient.email or Reminder.objects.filter(key__in=message.keys).exists():
        return False
    stop = link("unsubscribe", unsubscribe_token(message.recipient, message.notice))
    body = "\n".join(["Hello,", "", *message.lines, "", "Critical Mass", "",
                      f"Stop these mails: {stop}", f"Choose which mails you get: {link('preferences')}"])
    with transaction.atomic():  # logged and written to the outbox together: sent once, never lost
        for key in message.keys:
            Reminder.objects.create(key=key, recipient=message.recipient.email, subject=message.subject)
        outbox.enqueue(message.recipient, message.subject, body, kind=message.notice)
    return True


def send_reminders(today: dt.date, days_before: int = DEFAULT_DAYS_BEFORE) -> tuple[int, int]:
    """(sent, skipped): skipped were already sent or have no address."""
    sent = skipped = 0
    for message in [*partner_messages(today, days_before), *uncommitted_messages(today),
                    *reviewer_messages(), *endorsement_messages()]:
        if send(message):
            sent += 1
        else:
            skipped += 1
    return sent, skipped
