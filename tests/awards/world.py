"""An award round taking nominations, with a category, weighted criteria, the reviewer persona on its
jury and one nomination; and a published round with a laureate. For the site-wide page tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from criticalmass.awards.models import Category, Criterion, Decision, Juror, Nomination, Round
from criticalmass.core.models import Role, User

NOMINATION = 9001  # fixed, so that tests/test_page_permissions.py can name its page


def build_round(slug: str = "open-round", jurors: tuple[User, ...] = ()) -> Round:
    today = timezone.localdate()
    round_ = Round.objects.create(slug=slug, name="Awards 2026",
                                  nominations_open=today - dt.timedelta(days=5),
                                  nominations_close=today + dt.timedelta(days=25))
    Category.objects.create(round=round_, name="Champion in defence")
    Criterion.objects.create(round=round_, name="Commitments met and verified", weight=Decimal(3))
    Criterion.objects.create(round=round_, name="Support to women's organisations", weight=Decimal(1))
    for juror in jurors:
        Juror.objects.create(round=round_, user=juror)
    return round_


def build_awards(nominee: User | None = None, nominator: User | None = None, juror: User | None = None,
                 secretariat: User | None = None) -> Round:
    nominee = nominee or User.objects.create_user(username="champion", roles=[Role.PARTNER],
                                                  display_name="Champion")
    nominator = nominator or User.objects.create_user(username="nominator", roles=[Role.ADVOCATE],
                                                      display_name="Nominator")
    round_ = build_round(jurors=(juror,) if juror else ())
    category = round_.categories.get()
    nomination = Nomination.objects.create(
        pk=NOMINATION, round=round_, category=category, nominee=nominee, nominated_by=nominator,
        reason="Opened the talks to women mediators.",
        record={"as_of": "2026-01-01", "commitments": {"made": 3, "met_or_exceeded": 2}})
    Decision.objects.create(round=round_, category=category, laureate=nomination, score=Decimal("8.50"),
                            reason="Highest score; verified by two women's organisations.",
                            decided_by=secretariat or nominator)
    return round_


def publish(round_: Round) -> None:
    round_.published_at = timezone.now()
    round_.save()
