"""Shared fixtures: the personas every permission test uses, and small data builders.

Personas: secretariat, partner, advocate, reviewer, visitor (a logged-in account with no
special role) and anonymous (nobody logged in). Beside them (MEMBER_PERSONAS): another_partner (a
partner of another organisation), inside_reviewer (a reviewer who belongs to the partner's
organisation), applicant (asked to join, not yet approved) and declined (a declined applicant).

Organisations (ORGANISATIONS): the partner is focal point of "Ghana Armed Forces", the reviewer a member
of "Women Mediators Network" (a women's organisation), another_partner head of "Ministry of Peace".
Each persona's display name is its name, and so is its public slug.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import Client

from criticalmass.core.models import JoinRequest, Membership, Organization, Role, Source, User
from criticalmass.parity.models import Observation, Process

# Secretariat and reviewer personas have set up their second factor (TOTP) with this secret.
PERSONA_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PERSONAS = ["secretariat", "partner", "advocate", "reviewer", "visitor"]
MEMBER_PERSONAS = ["another_partner", "inside_reviewer", "applicant", "declined"]
ORGANISATIONS = {
    "Ghana Armed Forces": (Organization.Kind.MILITARY_POLICE, "GHA"),
    "Women Mediators Network": (Organization.Kind.WOMENS_ORGANIZATION, "GHA"),
    "Ministry of Peace": (Organization.Kind.GOVERNMENT, "KEN"),
}
# persona -> (roles, [(organisation, position)], join request status or None)
MEMBER_SETUP: dict[str, tuple[list[str], list[tuple[str, str]], str | None]] = {
    "partner": ([Role.PARTNER], [("Ghana Armed Forces", Membership.Position.FOCAL_POINT)], None),
    "reviewer": ([Role.REVIEWER], [("Women Mediators Network", Membership.Position.MEMBER)], None),
    "another_partner": ([Role.PARTNER], [("Ministry of Peace", Membership.Position.HEAD)], None),
    "inside_reviewer": ([Role.REVIEWER], [("Women Mediators Network", Membership.Position.MEMBER),
                                          ("Ghana Armed Forces", Membership.Position.MEMBER)], None),
    "applicant": ([], [], JoinRequest.Status.PENDING),
    "declined": ([], [], JoinRequest.Status.DECLINED),
}
FIXTURES = Path(__file__).parent / "fixtures"


@functools.cache
def persona_password_hash(name: str) -> str:
    """Each persona's password is `<name>-password-123`, hashed once per run (argon2 is slow on purpose)."""
    return make_password(f"{name}-password-123")


@pytest.fixture
def organisations(db) -> dict[str, Organization]:
    return {name: Organization.objects.create(name=name, kind=kind, country_id=country)
            for name, (kind, country) in ORGANISATIONS.items()}


@pytest.fixture
def personas(db, organisations) -> dict[str, User]:
    users = {}
    for name in PERSONAS + MEMBER_PERSONAS:
        default_roles = [getattr(Role, name.upper())] if name in PERSONAS else []
        roles, memberships, request_status = MEMBER_SETUP.get(name, (default_roles, [], None))
        user = User.objects.create_user(
            username=name, email=f"{name}@example.org", password=None, roles=roles,
            is_staff=(name == "secretariat"), display_name=name,
        )
        user.password = persona_password_hash(name)
        user.save(update_fields=["password"])
        if user.has_role(*settings.SECOND_FACTOR_ROLES):
            TOTP.activate(user, PERSONA_TOTP_SECRET)
        for organisation, position in memberships:
            Membership.objects.create(user=user, organization=organisations[organisation], position=position)
        if request_status:
            JoinRequest.objects.create(user=user, kind=JoinRequest.Kind.CHAMPION, status=request_status,
                                       organization=organisations["Ghana Armed Forces"], languages="English",
                                       why="To act for my organisation.", reason=(
                                           "We could not confirm your organisation." if request_status ==
                                           JoinRequest.Status.DECLINED else ""))
        users[name] = user
    return users


@pytest.fixture
def client_as(personas):
    """client_as("partner") is a test client logged in as the partner; client_as(None) is anonymous."""

    def make(role: str | None) -> Client:
        client = Client()
        if role is not None:
            client.force_login(personas[role])
        return client

    return make


@pytest.fixture(scope="session", autouse=True)
def migrations_seed(django_db_setup) -> str:
    """The test database as the migrations left it (countries, policies, codes...), serialized.

    Kept here at the start because Playwright's sync API, once started, gives the test code a
    different database connection object, which lacks the copy Django keeps on the first one.
    """
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", "")


@pytest.fixture
def live_db(transactional_db, django_db_serialized_rollback, migrations_seed) -> None:
    """A transactional database holding what the migrations seed.

    Live-server tests flush every table when they end, the migrations' seed included; each test
    that asks for this one starts from the database as the migrations left it.
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    from criticalmass.core.models import Country

    # Under Playwright the connection object is another one, without the copy: give it back, so that
    # this test's own teardown flush does not re-create content types (post_migrate), which the next
    # serialized-rollback test (a migration test, a backup test) would then load a second time.
    if not getattr(connection, "_test_serialized_contents", ""):
        connection._test_serialized_contents = migrations_seed
    if not Country.objects.exists():
        assert migrations_seed, "the test database was not serialized at set-up"
        # The flush re-created content types and permissions; empty it all, then load the copy.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(migrations_seed)
        # PostgreSQL: move each id sequence past the reloaded rows, or the next insert collides.
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@pytest.fixture
def data_dir() -> Path:
    """The real public datasets; tests that need them skip with a reason when they are absent."""
    return Path(settings.DATA_DIR)


@pytest.fixture
def source(db) -> Source:
    return Source.objects.create(
        slug="test-source", dataset="Test dataset", publisher="Tests", file="test.csv",
        citation="Test dataset, written for the tests.",
    )


@pytest.fixture
def make_mission(db, source):
    def make(code: str = "UNMISS", host: str | None = "SSD") -> Process:
        return Process.objects.create(
            slug=code.lower(), code=code, name=f"Mission {code}", kind=Process.Kind.OPERATION,
            sponsor=Process.Sponsor.UN, host_country_id=host, source=source,
        )

    return make


@pytest.fixture
def observe(db, source):
    """observe(process, "2013-06-30", "troops", women=5, total=100, country="GHA")."""

    def make(process: Process, date: str, role: str, women: int | None, total: int,
             country: str | None = None, men: int | None = None, row: int = 2) -> Observation:
        if men is None and women is not None:
            men = total - women
        return Observation.objects.create(
            process=process, date=dt.date.fromisoformat(date), role=role, women=women, men=men,
            total=total, contributing_country_id=country, source=source, source_row=row,
        )

    return make


@pytest.fixture(autouse=True)
def empty_cache(request):
    """allauth counts its rate limits in the cache: each test that reaches the database (where the
    cache is, without Redis) starts with none used. A test without the database cannot use it."""
    from django.core.cache import cache

    for database in ("transactional_db", "db"):
        if database in request.fixturenames:
            request.getfixturevalue(database)  # the database first, then the cache in it
            cache.clear()
            return


@pytest.fixture
def upload_dir(settings, tmp_path) -> Path:
    """CRITICALMASS_UPLOAD_DIR in a temporary folder: uploads made in a test go there."""
    settings.UPLOAD_DIR = tmp_path / "uploads"
    return settings.UPLOAD_DIR
