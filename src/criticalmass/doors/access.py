"""Who may see a sensitive record, and the log of every read (shown to the advocate).

Least privilege: the advocate (and members of the organisation she asked for), the broker assigned,
whom she invited, and the secretariat. A secretariat member reading a request she does not handle
reads it "break-glass": logged, audited and shown to the advocate like every read. Partners see
open requests only as a post and languages, to offer; reviewers see nothing unless invited.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from criticalmass.core import membership
from criticalmass.core.models import Role, User, audit
from criticalmass.doors.models import MeetingRequest, Reading, Reprisal
from criticalmass.lib import doors


def is_hers(user: User, request: MeetingRequest) -> bool:
    if request.advocate_id == user.pk:
        return True
    return bool(request.organization_id and user.has_role(Role.ADVOCATE)
                and request.organization_id in membership.organisation_ids(user))


def actor(user: User, request: MeetingRequest) -> doors.Actor | None:
    """The part `user` plays for `request` in lib.doors, if any."""
    if is_hers(user, request):
        return doors.Actor.ADVOCATE
    if user.is_secretariat:
        return doors.Actor.SECRETARIAT
    if user.has_role(Role.PARTNER):
        return doors.Actor.PARTNER
    return None


def may_read(user: User, request: MeetingRequest) -> bool:
    return (is_hers(user, request) or user.is_secretariat or request.broker_id == user.pk
            or request.shared_with.filter(pk=user.pk).exists())


def is_break_glass(user: User, request: MeetingRequest) -> bool:
    return user.is_secretariat and not is_hers(user, request) and request.handler_id != user.pk \
        and request.broker_id != user.pk and not request.shared_with.filter(pk=user.pk).exists()


def readable(user: User) -> QuerySet[MeetingRequest]:
    """The requests whose sensitive fields `user` may open (all for the secretariat)."""
    if user.is_secretariat:
        return MeetingRequest.objects.all()
    mine = Q(advocate=user) | Q(broker=user) | Q(shared_with=user)
    if user.has_role(Role.ADVOCATE):
        mine |= Q(organization_id__in=membership.organisation_ids(user))
    return MeetingRequest.objects.filter(mine).distinct()


def log_read(user: User, request: MeetingRequest, what: str) -> Reading:
    glass = is_break_glass(user, request)
    if glass:
        audit("doors.break_glass", f"doors.request:{request.pk}", user=user, detail={"what": what})
    return Reading.objects.create(request=request, reader=user, what=what, break_glass=glass)


def may_read_reprisal(user: User, reprisal: Reprisal) -> bool:
    return (user.is_secretariat or is_hers(user, reprisal.request) or reprisal.recorded_by_id == user.pk
            or reprisal.shared_with.filter(pk=user.pk).exists())
