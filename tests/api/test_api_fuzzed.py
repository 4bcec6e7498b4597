"""The whole API, fuzzed from its own OpenAPI schema by schemathesis: no 5xx, no answer outside the
schema, no request the schema allows that the API refuses as invalid, none it forbids that it accepts.

Seeded (derandomized) and bounded (EXAMPLES per operation), run anonymously and as the secretariat,
on the database the suite runs on (SQLite and PostgreSQL in `make test`)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings

from criticalmass.core.models import Role, User

EXAMPLES = 30
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
fuzzed = settings(max_examples=EXAMPLES, derandomize=True, deadline=None,
                  suppress_health_check=list(HealthCheck))
# schemathesis's WSGI transport asks for gzip like a browser but reads the body undecoded; compression
# itself is tested in tests/core/test_languages.py.
UNCOMPRESSED = {"Accept-Encoding": "identity"}


@pytest.fixture(autouse=True)
def connection_kept_open():
    """Django's own test client does this: a request must not close the test's database connection
    (on PostgreSQL the transaction each test runs in would be lost)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def secretariat_cookie() -> str:
    user, _ = User.objects.get_or_create(username="fuzz-secretariat", defaults={"is_staff": True})
    user.grant(Role.SECRETARIAT)
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


@pytest.mark.django_db
@schema.parametrize()
@fuzzed
def test_it_answers_every_generated_request_within_its_schema_anonymously(case) -> None:  # noqa: ANN001
    case.call_and_validate(headers=UNCOMPRESSED)


@pytest.mark.django_db
@schema.parametrize()
@fuzzed
def test_it_answers_every_generated_request_within_its_schema_for_the_secretariat(case) -> None:  # noqa: ANN001
    case.call_and_validate(headers={**UNCOMPRESSED, "Cookie": secretariat_cookie()})
