"""A small trainings world for the site-wide page tests: a programme of trainers with a cycle, a session
counted, questionnaire answers, a trainer's follow-up, and a dialogue with an agreed action.
Returns the ids pages are addressed by."""

from __future__ import annotations

import datetime as dt

from criticalmass.core.models import Organization, User
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


def build_trainings(organisation: Organization, trainer: User) -> dict[str, int]:
    programme = Programme.objects.create(
        slug="gender-norms-tot", title="Gender norms: training of trainers", topic="Masculinities and 1325",
        track="masculinities", audience="Officers", language="English", format="mixed", trains_trainers=True,
        youth=True, organization=organisation)
    item = Item.objects.create(text="I can name what Resolution 1325 asks of my institution.",
                               kind="knowledge")
    cycle = Cycle.objects.create(programme=programme, name="Cycle 1", country_id="GHA",
                                 starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2026, 1, 9))
    cycle.items.add(item)
    session = Session.objects.create(cycle=cycle, date=dt.date(2026, 1, 5), place="Accra",
                                     facilitators="A. N.")
    Attendance.objects.create(session=session, role="participant", women=8, men=12, not_stated=1)
    Tally.objects.create(cycle=cycle, item=item, phase="pre", score_1=3, score_2=4, score_3=2)
    Tally.objects.create(cycle=cycle, item=item, phase="post", score_3=2, score_4=4, score_5=3)
    trained = Trainer.objects.create(cycle=cycle, user=trainer)
    FollowUp.objects.create(trainer=trained, months=3, people_trained=25, country_id="GHA", language="Twi")
    dialogue = Dialogue.objects.create(slug="accra-dialogue", title="Accra dialogue",
                                       date=dt.date(2026, 2, 1), place="Accra",
                                       format="women_first_then_mixed",
                                       organization=organisation, women=9, men=7)
    action = AgreedAction.objects.create(dialogue=dialogue, text="Name a gender focal point in each unit.")
    return {"cycle": cycle.pk, "session": session.pk, "trainer": trained.pk, "item": item.pk,
            "action": action.pk}


def build_public_trainings() -> dict[str, int]:
    """The same, run by a youth club (organisation 9001, its page /organisations/9001/)."""
    club = Organization.objects.create(pk=9001, name="Legon Youth Peace Club", kind="youth_club",
                                       country_id="GHA")
    return build_trainings(club, User.objects.create_user(username="trainer", email="trainer@example.org",
                                                          display_name="trainer"))
