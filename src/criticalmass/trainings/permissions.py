"""Who plans which trainings and dialogues: the secretariat any; a partner who is focal point or head of
the owning organisation that organisation's (core.membership decides membership). Trainers answer their
own follow-ups; the programme's planners may enter them for a trainer."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser

from criticalmass.core.models import Membership, Organization, Role, User

PLANNING_POSITIONS = (Membership.Position.FOCAL_POINT, Membership.Position.HEAD)


def planning_organisations(user: User) -> list[Organization]:
    """The organisations a partner plans trainings for: those he is focal point or head of."""
    if not user.has_role(Role.PARTNER):
        return []
    return list(Organization.objects.filter(memberships__user=user,
                                            memberships__position__in=PLANNING_POSITIONS).order_by("name"))


def may_plan(user: User | AnonymousUser, organisation_id: int | None) -> bool:
    """The secretariat plans for anyone; a partner for an organisation he is focal point or head of."""
    if not user.is_authenticated:
        return False
    assert isinstance(user, User)
    if user.has_role(Role.SECRETARIAT):
        return True
    return organisation_id is not None and any(o.pk == organisation_id for o in planning_organisations(user))


def may_plan_any(user: User) -> bool:
    return user.has_role(Role.SECRETARIAT) or bool(planning_organisations(user))


def may_follow_up(user: User, trainer: Any) -> bool:
    """A trainer answers his own follow-ups; the planners of the programme may enter them for him."""
    return trainer.user_id == user.pk or may_plan(user, trainer.cycle.programme.organization_id)
