"""Settings come from the environment and stop the process with a clear message on bad values."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# Reads the settings in a fresh interpreter, as `criticalmass` or the WSGI server would at start-up.
READ_SETTINGS = (
    "import json, sys, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({name: getattr(settings, name) for name in sys.argv[1:]}, default=str))"
)


def start(*names: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    """Start Django with only `env` set (besides a secret key); None leaves a variable unset."""
    environment = {
        key: value for key, value in os.environ.items()
        if not key.startswith("CRITICALMASS_") and key != "DATABASE_URL"
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "criticalmass.settings", "CRITICALMASS_SECRET_KEY": "x"}
    for key, value in env.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return subprocess.run(
        [sys.executable, "-c", READ_SETTINGS, *names],
        env=environment, capture_output=True, text=True, timeout=60, check=False,
    )


def refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: "), result.stderr
    return last_line.removeprefix("django.core.exceptions.ImproperlyConfigured: ")


def started(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_starts_with_a_secret_key_and_nothing_else():
    found = started(start("DEBUG", "AXES_FAILURE_LIMIT", "SECURE_HSTS_SECONDS"))
    assert found == {"DEBUG": False, "AXES_FAILURE_LIMIT": 5, "SECURE_HSTS_SECONDS": 31536000}


@pytest.mark.parametrize("value", ["maybe", "2", "ture"])
def test_it_refuses_a_debug_value_that_is_not_true_or_false(value):
    message = refusal(start(CRITICALMASS_DEBUG=value))
    assert message == f"CRITICALMASS_DEBUG must be true or false, got {value!r}"


@pytest.mark.parametrize(("value", "debug"), [("yes", True), ("off", False), ("TRUE", True)])
def test_it_reads_the_usual_spellings_of_true_and_false(value, debug):
    assert started(start("DEBUG", CRITICALMASS_DEBUG=value)) == {"DEBUG": debug}


@pytest.mark.parametrize("key", [None, ""])
def test_it_refuses_to_start_without_a_secret_key_when_not_debugging(key):
    message = refusal(start(CRITICALMASS_SECRET_KEY=key, CRITICALMASS_DEBUG="false"))
    assert message.startswith("CRITICALMASS_SECRET_KEY is not set.")


def test_it_uses_a_development_key_when_debugging():
    found = started(start("SECRET_KEY", CRITICALMASS_SECRET_KEY=None, CRITICALMASS_DEBUG="true"))
    assert "insecure" in found["SECRET_KEY"]


@pytest.mark.parametrize("value", ["five", "5.0", "5 attempts"])
def test_it_refuses_a_login_failure_limit_that_is_not_an_integer(value):
    message = refusal(start(CRITICALMASS_LOGIN_FAILURE_LIMIT=value))
    assert message == f"CRITICALMASS_LOGIN_FAILURE_LIMIT must be an integer, got {value!r}"


def test_it_reads_the_login_failure_limit():
    found = started(start("AXES_FAILURE_LIMIT", CRITICALMASS_LOGIN_FAILURE_LIMIT="3"))
    assert found == {"AXES_FAILURE_LIMIT": 3}


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("not a url", "it has no '://'"),
        ("postgres//user@host/db", "it has no '://'"),
        ("sqlite:/relative.sqlite3", "it has no '://'"),
        ("mysql://user@host/db", "its scheme 'mysql' is not one"),
        ("https://example.org/db", "its scheme 'https' is not one"),
        ("postgres://user@host:port/db", "is not a valid database URL"),
        ("postgres://user@host:99999/db", "is not a valid database URL"),
        ("postgres://user@host", "names no database"),
        ("postgres://user@host/", "names no database"),
        ("sqlite:////tmp/", "names no database"),
        ("sqlite://", "names no database"),
        ("sqlite:///", "names no database"),
    ],
)
def test_it_refuses_a_malformed_database_url(url, says):
    message = refusal(start(DATABASE_URL=url))
    assert message.startswith("DATABASE_URL ")
    assert says in message


POSTGRESQL, SQLITE = "django.db.backends.postgresql", "django.db.backends.sqlite3"


def test_it_never_repeats_the_database_password_in_its_message():
    message = refusal(start(DATABASE_URL="postgres://user:s3cret-pw@host:port/db"))
    assert "s3cret-pw" not in message


@pytest.mark.parametrize(
    ("url", "engine", "name"),
    [
        ("postgres://user:pw@db.example.org:5432/criticalmass", POSTGRESQL, "criticalmass"),
        ("postgresql://user@/criticalmass?sslmode=require", POSTGRESQL, "criticalmass"),
        ("sqlite:////var/lib/criticalmass/db.sqlite3", SQLITE, "/var/lib/criticalmass/db.sqlite3"),
    ],
)
def test_it_reads_a_well_formed_database_url(url, engine, name):
    database = started(start("DATABASES", DATABASE_URL=url))["DATABASES"]["default"]
    assert (database["ENGINE"], database["NAME"]) == (engine, name)


def test_it_is_secure_by_default_outside_debugging():
    names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"]
    assert started(start(*names)) == dict(zip(names, [True, True, True, 31536000], strict=True))


def test_it_lets_a_proxy_terminate_tls_without_redirecting():
    found = started(start("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", CRITICALMASS_SSL_REDIRECT="false"))
    assert found == {"SECURE_SSL_REDIRECT": False, "SESSION_COOKIE_SECURE": True}
