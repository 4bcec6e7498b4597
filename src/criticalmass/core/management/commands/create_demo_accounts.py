"""criticalmass create-demo-accounts: one account for each role of the demo, passwords printed once."""

from __future__ import annotations

import secrets
from typing import Any

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from criticalmass.core.models import Membership, Organization, Role, User, audit

# username -> (display name, role, organisation, its kind, position)
ACCOUNTS = {
    "demo-secretariat": ("Demo Secretariat", Role.SECRETARIAT, "Demo Coalition Secretariat",
                         Organization.Kind.CIVIL_SOCIETY, Membership.Position.MEMBER),
    "demo-partner": ("Demo Champion", Role.PARTNER, "Demo Ministry of Defence",
                     Organization.Kind.GOVERNMENT, Membership.Position.FOCAL_POINT),
    "demo-reviewer": ("Demo Reviewer", Role.REVIEWER, "Demo Women Mediators",
                      Organization.Kind.WOMENS_ORGANIZATION, Membership.Position.MEMBER),
    "demo-advocate": ("Demo Advocate", Role.ADVOCATE, "Demo Grassroots Network",
                      Organization.Kind.CIVIL_SOCIETY, Membership.Position.MEMBER),
}


class Command(BaseCommand):
    help = (
        "Create one demo account per role (demo-secretariat, demo-partner, demo-reviewer, demo-advocate), "
        "each in a demo organisation, with random passwords printed once. Existing ones are left alone."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for username, (name, role, organisation, kind, position) in ACCOUNTS.items():
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"{username}: exists; nothing changed.")
                continue
            password = secrets.token_urlsafe(18)
            with transaction.atomic():
                user = User.objects.create_user(username, f"{username}@example.org", password, roles=[role],
                                                display_name=name, is_staff=role == Role.SECRETARIAT)
                EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
                found, _ = Organization.objects.get_or_create(name=organisation, defaults={"kind": kind})
                Membership.objects.create(user=user, organization=found, position=position)
                audit("create-demo-accounts", username)
            self.stdout.write(f"{username} ({role}, {organisation}): password {password}")
        self.stdout.write("The secretariat and reviewer accounts set up a second factor (an authenticator "
                          "app) before their first change.")
