"""What changes an award round: nominations (never of oneself or one's own organisation), the jury's
marks with their conflict checks, decisions with reasons (ties recorded), and publication."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from criticalmass.awards.models import (
    Category,
    Criterion,
    Decision,
    Declaration,
    Juror,
    Mark,
    Nomination,
    Round,
)
from criticalmass.awards.record import nominee_record
from criticalmass.core import membership
from criticalmass.core.models import Organization, Role, User, audit
from criticalmass.lib import awards


class Refused(ValueError):
    """An action the round's rules do not allow; the message says why."""


def nomination_refusal(nominator: User, nominee: User, organisation: Organization | None) -> str | None:
    if nominator.pk == nominee.pk:
        return "You cannot nominate yourself."
    if organisation is not None and organisation.pk in membership.organisation_ids(nominator):
        return "You cannot nominate your own organisation."
    if membership.share_an_organisation(nominator, nominee):
        return "You cannot nominate a member of your own organisation."
    if organisation is not None and organisation.pk not in membership.organisation_ids(nominee):
        return f"{nominee.public_name} is not a member of {organisation.name}."
    return None


def nominate(round_: Round, category: Category, nominee: User, organisation: Organization | None,
             reason: str, by: User) -> Nomination:
    why_not = nomination_refusal(by, nominee, organisation)
    if why_not:
        raise Refused(why_not)
    with transaction.atomic():
        found, created = Nomination.objects.get_or_create(
            round=round_, category=category, nominee=nominee,
            defaults={"organization": organisation, "nominated_by": by, "reason": reason,
                      "record": nominee_record(nominee, organisation)})
        if not created:
            raise Refused(f"{nominee.public_name} is already nominated in {category.name}.")
        audit("awards.nominated", f"awards.nomination:{found.pk}", user=by)
    return found


def is_juror(user: User, round_: Round) -> bool:
    return user.has_role(Role.REVIEWER) and Juror.objects.filter(round=round_, user=user).exists()


def juror_conflict(juror: User, nomination: Nomination) -> str | None:
    """Why a juror may not mark a nomination (before any declaration), or None."""
    if juror.pk in (nomination.nominee_id, nomination.nominated_by_id):
        return "You are the nominee or the nominator."
    if nomination.organization_id in membership.organisation_ids(juror):
        return "You belong to the nominee's organisation."
    if membership.share_an_organisation(juror, nomination.nominee):
        return "You belong to an organisation of the nominee."
    return None


def save_marks(nomination: Nomination, juror: User, *, conflict: bool, note: str,
               marks: dict[Criterion, Decimal]) -> None:
    with transaction.atomic():
        Declaration.objects.update_or_create(nomination=nomination, juror=juror,
                                             defaults={"conflict": conflict, "note": note})
        Mark.objects.filter(nomination=nomination, juror=juror).delete()
        if not conflict:
            # With history: a juror's changed marks stay readable as they were (simple-history).
            bulk_create_with_history([Mark(nomination=nomination, juror=juror, criterion=criterion, value=v)
                                      for criterion, v in marks.items()], Mark)
        audit("awards.marked", f"awards.nomination:{nomination.pk}", user=juror,
              detail={"conflict": conflict})


def score_of(nomination: Nomination, weights: dict[int, Decimal], jurors: dict[int, User]) -> Decimal | None:
    """The nomination's score from the marks of the round's jurors (`jurors` by id), leaving out every
    juror with a conflict, automatic or declared."""
    declared = {d.juror_id for d in nomination.declarations.all() if d.conflict}
    counted = {pk for pk, juror in jurors.items()
               if pk not in declared and juror_conflict(juror, nomination) is None}
    marks = [(m.juror_id, m.criterion_id, m.value) for m in nomination.marks.all() if m.juror_id in counted]
    return awards.score(marks, weights)


@dataclass
class Standing:
    nomination: Nomination
    score: Decimal | None
    leading: bool


def standings(round_: Round, category: Category) -> list[Standing]:
    weights = {c.pk: c.weight for c in round_.criteria.all()}
    jurors = {u.pk: u for u in User.objects.filter(pk__in=round_.jurors.values("user"))}
    nominations = list(category.nominations.select_related("nominee", "organization")
                       .prefetch_related("marks", "declarations"))
    scores = {n.pk: score_of(n, weights, jurors) for n in nominations}
    top = set(awards.leaders(scores))
    ranked = sorted(nominations, key=lambda n: (scores[n.pk] is None, -(scores[n.pk] or 0), n.pk))
    return [Standing(n, scores[n.pk], n.pk in top) for n in ranked]


def decide(round_: Round, category: Category, laureate: Nomination, reason: str, by: User) -> Decision:
    if round_.published_at is not None:
        raise Refused("The laureates are published; a decision can no longer change.")
    if laureate.category_id != category.pk:
        raise Refused("The laureate must be a nominee of this category.")
    table = standings(round_, category)
    leaders = [s for s in table if s.leading]
    score = next(s.score for s in table if s.nomination.pk == laureate.pk)
    with transaction.atomic():
        decision, _ = Decision.objects.update_or_create(
            category=category, defaults={"round": round_, "laureate": laureate, "score": score,
                                         "tie": len(leaders) > 1, "reason": reason, "decided_by": by})
        audit("awards.decided", f"awards.decision:{decision.pk}", user=by,
              detail={"laureate": laureate.pk, "tie": decision.tie})
    return decision


def publish(round_: Round, by: User) -> None:
    if not round_.decisions.exists():
        raise Refused("Decide at least one category before publishing the laureates.")
    with transaction.atomic():
        round_.published_at = timezone.now()
        round_.save()
        audit("awards.published", f"awards.round:{round_.pk}", user=by)
