"""Permissions that follow membership: who acts for which organisation.

A partner acts for the organisations he belongs to (his colleagues' commitments and his organisation's
events are his to edit); a reviewer verifies on behalf of her women's organisation, never a report of an
organisation she belongs to. Superusers get nothing here for being superusers.
"""

from __future__ import annotations

from criticalmass.core.models import Membership, Organization, Role, User


def organisation_ids(user: User) -> set[int]:
    """The organisations an account belongs to, read once per loaded account."""
    cached: set[int] | None = user.__dict__.get("_organisation_ids")
    if cached is None:
        cached = set(Membership.objects.filter(user=user).values_list("organization_id", flat=True))
        user.__dict__["_organisation_ids"] = cached
    return cached


def share_an_organisation(user: User, other: User) -> bool:
    return bool(organisation_ids(user) & organisation_ids(other))


def acts_for(user: User, organisation_id: int | None) -> bool:
    """A partner acts for an organisation he belongs to."""
    return (organisation_id is not None and user.has_role(Role.PARTNER)
            and organisation_id in organisation_ids(user))


def partner_organisations(user: User) -> list[Organization]:
    if not user.has_role(Role.PARTNER):
        return []
    return list(Organization.objects.filter(pk__in=organisation_ids(user)))


def reviewing_organisations(user: User) -> list[Organization]:
    """The women's organisations a reviewer may verify for, by name: she chooses one for each verdict."""
    if not user.has_role(Role.REVIEWER):
        return []
    womens = Organization.objects.filter(pk__in=organisation_ids(user),
                                         kind=Organization.Kind.WOMENS_ORGANIZATION)
    return list(womens.order_by("name", "pk"))


def reviewing_organisation(user: User) -> Organization | None:
    """The women's organisation a reviewer verifies for by default (the first by name)."""
    found = reviewing_organisations(user)
    return found[0] if found else None


def reporting_organisation_ids(owner: User, organisation_id: int | None) -> set[int]:
    """The organisations a report speaks for: its author's and the one it names."""
    return organisation_ids(owner) | ({organisation_id} if organisation_id else set())


def may_verify(reviewer: User, owner: User, organisation_id: int | None) -> bool:
    """A reviewer with a women's organisation, verifying no report of her own or of her organisations."""
    return (reviewer.pk != owner.pk and reviewing_organisation(reviewer) is not None
            and not organisation_ids(reviewer) & reporting_organisation_ids(owner, organisation_id))
