"""`criticalmass create-demo-admin`: the demo's secretariat account, its password printed once."""

from __future__ import annotations

import io

from django.core.management import call_command

from criticalmass.core.models import AuditEvent, Role, User


def create() -> str:
    out = io.StringIO()
    call_command("create_demo_admin", stdout=out)
    return out.getvalue()


def test_it_creates_a_secretariat_superuser_and_prints_its_password_once(db):
    out = create()
    password = out.splitlines()[-1].rsplit(" ", 1)[-1]
    admin = User.objects.get(username="admin")
    assert admin.roles == {Role.SECRETARIAT}
    assert (admin.is_staff, admin.is_superuser, admin.is_active) == (True, True, True)
    assert len(password) >= 20 and admin.check_password(password)
    assert AuditEvent.objects.filter(action="create-demo-admin", target="admin").count() == 1


def test_it_makes_a_new_random_password_each_time(db):
    first = create().splitlines()[-1]
    User.objects.all().delete()
    assert create().splitlines()[-1] != first


def test_it_changes_nothing_and_prints_no_secret_when_admin_exists(db):
    password = create().splitlines()[-1].rsplit(" ", 1)[-1]
    hashed = User.objects.get(username="admin").password
    out = create()
    assert out.startswith("The user 'admin' already exists; nothing changed.")
    assert password not in out and "password, shown" not in out
    assert User.objects.get(username="admin").password == hashed and User.objects.count() == 1
