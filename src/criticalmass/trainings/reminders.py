"""Trainers' follow-up reminders: at 3 and 6 months after their cycle ends, a trainer who has not yet
answered is mailed a link to the follow-up. Each is logged under a key (charter's Reminder), so running
again sends nothing new; the member's "reminders" preference stops them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from criticalmass.charter.reminders import Message, link, send
from criticalmass.trainings.models import FOLLOW_UP_MONTHS, Trainer


def follow_up_messages(today: dt.date) -> Iterator[Message]:
    trainers = (Trainer.objects.filter(user__is_active=True, user__notify_reminders=True,
                                       cycle__ends_on__lt=today)
                .select_related("cycle__programme", "user").prefetch_related("follow_ups"))
    for trainer in trainers:
        answered = {f.months for f in trainer.follow_ups.all()}
        for months in FOLLOW_UP_MONTHS:
            if months not in answered and trainer.cycle.follow_up_due(months) <= today:
                yield Message([f"training-follow-up:{trainer.pk}:{months}"], trainer.user,
                              f"Critical Mass: {months} months after {trainer.cycle.programme}, "
                              "how many have you trained?",
                              [f"Since {trainer.cycle}: how many people did you train, where, in which "
                               f"language?", f"Answer: {link('trainings:follow_up', trainer.pk, months)}"])


def send_training_reminders(today: dt.date) -> tuple[int, int]:
    """(sent, skipped): skipped were already sent or have no address."""
    sent = skipped = 0
    for message in follow_up_messages(today):
        if send(message):
            sent += 1
        else:
            skipped += 1
    return sent, skipped
