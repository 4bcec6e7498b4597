"""criticalmass create-demo-trainings: a demo programme of trainers with two cycles, counted sessions,
questionnaire answers and a trainer's follow-up, and a dialogue. Run after create-demo-accounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from criticalmass.core.models import Membership, Organization, User, audit
from criticalmass.trainings.models import (
    AgreedAction,
    Attendance,
    Cycle,
    Dialogue,
    FollowUp,
    Item,
    Programme,
    Session,
    Tally,
    Trainer,
)

SLUG = "demo-gender-norms-tot"
ITEMS = [("I can say what Resolution 1325 asks of my institution.", Item.Kind.KNOWLEDGE),
         ("Caring for children is as much a father's work as a mother's.", Item.Kind.GENDER_NORMS)]


def demo_cycle(programme: Programme, name: str, starts: dt.date, items: list[Item]) -> Cycle:
    cycle = Cycle.objects.create(programme=programme, name=name, country_id="GHA", starts_on=starts,
                                 ends_on=starts + dt.timedelta(days=4))
    cycle.items.set(items)
    for day in range(2):
        session = Session.objects.create(cycle=cycle, date=starts + dt.timedelta(days=day), place="Accra",
                                         facilitators="Demo facilitators")
        Attendance.objects.create(session=session, role=Attendance.Role.TRAINER, women=9, men=11)
    for item in items:
        Tally.objects.create(cycle=cycle, item=item, phase="pre", score_1=4, score_2=7, score_3=6, score_4=3)
        Tally.objects.create(cycle=cycle, item=item, phase="post", score_2=2, score_3=5, score_4=8, score_5=5)
    return cycle


class Command(BaseCommand):
    help = ("Create a demo training programme (two cycles, a trainer's follow-up) and a dialogue, run by "
            "demo-partner's organisation. Does nothing when the programme exists.")

    def handle(self, *args: Any, **options: Any) -> None:
        if Programme.objects.filter(slug=SLUG).exists():
            self.stdout.write(f"{SLUG}: exists; nothing changed.")
            return
        partner = User.objects.filter(username="demo-partner").first()
        advocate = User.objects.filter(username="demo-advocate").first()
        if partner is None or advocate is None:
            raise CommandError("Run create-demo-accounts first: the demo trainings need demo-partner and "
                               "demo-advocate.")
        organisation = Organization.objects.get(memberships__user=partner,
                                                memberships__position=Membership.Position.FOCAL_POINT)
        with transaction.atomic():
            self.create(organisation, advocate)
            audit("create-demo-trainings", SLUG)
        self.stdout.write(f"Created /trainings/{SLUG}/ and /trainings/dialogues/demo-accra-dialogue/.")

    def create(self, organisation: Organization, trainer: User) -> None:
        programme = Programme.objects.create(
            slug=SLUG, title="Gender norms and masculinities: training of trainers",
            topic="Resolution 1325, men as fathers and allies", track="masculinities",
            audience="Officers and students", language="English", format="mixed", trains_trainers=True,
            youth=True, organization=organisation)
        items = [Item.objects.get_or_create(text=text, defaults={"kind": kind})[0] for text, kind in ITEMS]
        first = demo_cycle(programme, "Cycle 1", dt.date(2026, 1, 12), items)
        demo_cycle(programme, "Cycle 2", dt.date(2026, 6, 8), items)
        trained = Trainer.objects.create(cycle=first, user=trainer)
        FollowUp.objects.create(trainer=trained, months=3, people_trained=24, country_id="GHA",
                                place="Kumasi", language="Twi", reported_by=trainer)
        dialogue = Dialogue.objects.create(
            slug="demo-accra-dialogue", title="Demo dialogue: security at the market",
            date=dt.date(2026, 3, 2), place="Accra", format=Dialogue.DialogueFormat.WOMEN_FIRST,
            organization=organisation, women=12, men=10)
        AgreedAction.objects.create(dialogue=dialogue,
                                    text="Name a gender focal point in each district unit.")
