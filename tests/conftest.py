"""Shared fixtures: the personas every permission test uses, and small data builders.

Personas: secretariat, partner, advocate, reviewer, visitor (a logged-in account with no
special role) and anonymous (nobody logged in).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from criticalmass.core.models import Role, Source, User
from criticalmass.parity.models import Observation, Process

PERSONAS = ["secretariat", "partner", "advocate", "reviewer", "visitor"]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def personas(db) -> dict[str, User]:
    users = {}
    for role in PERSONAS:
        user = User.objects.create_user(
            username=role, email=f"{role}@example.org", password=f"{role}-password-123",
            role=getattr(Role, role.upper()), is_staff=(role == "secretariat"),
        )
        users[role] = user
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
