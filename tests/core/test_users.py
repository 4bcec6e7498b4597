"""User.has_role: an active user's own role, or any role for a superuser; nothing for inactive users."""

from __future__ import annotations

import pytest

from criticalmass.core.models import Role, User


def user(role: str = Role.PARTNER, **flags: bool) -> User:
    return User(username="someone", role=role, **flags)


def test_it_has_its_own_role():
    assert user(Role.PARTNER).has_role(Role.PARTNER)


def test_it_has_a_role_among_several_asked():
    assert user(Role.ADVOCATE).has_role(Role.PARTNER, Role.ADVOCATE)


def test_it_has_no_other_role():
    assert not user(Role.PARTNER).has_role(Role.SECRETARIAT, Role.REVIEWER)


def test_it_has_no_role_when_none_is_asked():
    assert not user(Role.PARTNER).has_role()


def test_it_gives_a_superuser_every_role():
    assert user(Role.VISITOR, is_superuser=True).has_role(Role.SECRETARIAT)


@pytest.mark.parametrize("superuser", [False, True])
def test_it_gives_an_inactive_account_no_role(superuser):
    assert not user(Role.SECRETARIAT, is_active=False, is_superuser=superuser).has_role(Role.SECRETARIAT)


def test_it_accepts_plain_strings_for_roles():
    assert user(Role.REVIEWER).has_role("reviewer")


def test_it_calls_only_the_secretariat_secretariat():
    assert user(Role.SECRETARIAT).is_secretariat
    assert not user(Role.PARTNER).is_secretariat


def test_it_makes_new_accounts_visitors(db):
    assert User.objects.create_user("new", password="new-password-123").role == Role.VISITOR
