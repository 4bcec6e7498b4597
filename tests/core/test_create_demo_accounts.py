"""`criticalmass create-demo-accounts`: one account per role, each in an organisation, passwords once."""

from __future__ import annotations

import io

from django.core.management import call_command

from criticalmass.core.models import Role, User


def create() -> str:
    out = io.StringIO()
    call_command("create_demo_accounts", stdout=out)
    return out.getvalue()


def test_it_creates_one_account_per_role_with_its_password_printed_once(db):
    lines = [line for line in create().splitlines() if "password" in line]
    assert len(lines) == 4
    for line in lines:
        username, password = line.split(" ", 1)[0], line.rsplit(" ", 1)[-1]
        user = User.objects.get(username=username)
        assert user.check_password(password) and user.memberships.count() == 1
    reviewer = User.objects.get(username="demo-reviewer")
    assert reviewer.memberships.get().organization.kind == "womens_organization"
    assert {r for u in User.objects.filter(username__startswith="demo-") for r in u.roles} == {
        Role.SECRETARIAT, Role.PARTNER, Role.REVIEWER, Role.ADVOCATE}


def test_it_changes_nothing_and_prints_no_secret_the_second_time(db):
    create()
    again = create()
    assert "password" not in again and again.count("exists; nothing changed") == 4
