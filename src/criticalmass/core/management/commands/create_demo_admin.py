"""criticalmass create-demo-admin: the account `admin` for a demo, its password printed once."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand

from criticalmass.core.models import Role, User, audit

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the account 'admin' (role secretariat, staff, superuser) with a random password, "
        "printed once. If 'admin' exists, change nothing and print no secret."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"The user {USERNAME!r} already exists; nothing changed. "
                              f"`criticalmass changepassword {USERNAME}` sets a new password.")
            return
        password = secrets.token_urlsafe(18)
        User.objects.create_user(USERNAME, password=password, roles=[Role.SECRETARIAT],
                                 is_staff=True, is_superuser=True)
        audit("create-demo-admin", USERNAME)
        self.stdout.write(f"Created the demo admin {USERNAME!r} (secretariat, staff, superuser).")
        self.stdout.write(f"Its password, shown this once: {password}")
