"""User.has_role: the platform roles an active account holds (several at once); nothing for inactive
accounts, and nothing for being a superuser (superuser is for operating the site)."""

from __future__ import annotations

import pytest

from criticalmass.core.models import Role, User


def user(*roles: str, **flags: bool) -> User:
    return User.objects.create_user("someone", password="someone-password-123", roles=roles, **flags)


def test_it_has_its_own_role(db):
    assert user(Role.PARTNER).has_role(Role.PARTNER)


def test_it_has_a_role_among_several_asked(db):
    assert user(Role.ADVOCATE).has_role(Role.PARTNER, Role.ADVOCATE)


def test_it_has_no_other_role(db):
    assert not user(Role.PARTNER).has_role(Role.SECRETARIAT, Role.REVIEWER)


def test_it_has_no_role_when_none_is_asked(db):
    assert not user(Role.PARTNER).has_role()


def test_it_holds_several_roles_at_once(db):
    both = user(Role.ADVOCATE, Role.REVIEWER)
    assert both.has_role(Role.ADVOCATE) and both.has_role(Role.REVIEWER)
    assert both.roles == {Role.ADVOCATE, Role.REVIEWER}


def test_it_gives_a_superuser_no_role_for_being_a_superuser(db):
    root = User.objects.create_superuser("root", "root@example.org", "root-password-123")
    assert not root.has_role(Role.SECRETARIAT, Role.PARTNER, Role.REVIEWER)


@pytest.mark.parametrize("superuser", [False, True])
def test_it_gives_an_inactive_account_no_role(db, superuser):
    assert not user(Role.SECRETARIAT, is_active=False, is_superuser=superuser).has_role(Role.SECRETARIAT)


def test_it_accepts_plain_strings_for_roles(db):
    assert user(Role.REVIEWER).has_role("reviewer")


def test_it_calls_only_the_secretariat_secretariat(db):
    assert user(Role.SECRETARIAT).is_secretariat
    assert not User.objects.create_user("p", password="p-password-1234", roles=[Role.PARTNER]).is_secretariat


def test_it_gives_new_accounts_no_role(db):
    assert User.objects.create_user("new", password="new-password-123").roles == frozenset()


def test_it_forgets_a_revoked_role_at_once(db):
    member = user(Role.PARTNER, Role.ADVOCATE)
    member.revoke(Role.PARTNER)
    assert not member.has_role(Role.PARTNER) and member.has_role(Role.ADVOCATE)


def test_it_gives_each_account_a_public_slug_that_is_not_its_login_name(db):
    first = User.objects.create_user("login-one", password="x-password-1234", display_name="Amina K.")
    second = User.objects.create_user("login-two", password="y-password-1234", display_name="Amina K.")
    nameless = User.objects.create_user("login-three", password="z-password-1234")
    assert (first.slug, second.slug, nameless.slug) == ("amina-k", "amina-k-2", "member")
