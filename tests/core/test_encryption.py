"""core.encryption: sensitive fields are Fernet tokens in the database, readable in Python, re-encrypted
by `criticalmass rotate-encryption-key`; no key outside development and tests stops their use."""

from __future__ import annotations

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection

from criticalmass.core import encryption
from criticalmass.doors.models import MeetingRequest
from tests.doors.world import SECRET, build_doors

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def stored(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT safety_needs FROM doors_meetingrequest WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def dump() -> str:
    """The whole database as text: SQLite's own dump, or every text column of every PostgreSQL table."""
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    lines = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
                       "'public' AND data_type IN ('text', 'character varying', 'jsonb')")
        for table, column in cursor.fetchall():
            cursor.execute(f'SELECT "{column}"::text FROM "{table}"')  # noqa: S608 - names from the catalogue
            lines += [value for (value,) in cursor.fetchall() if value]
    return "\n".join(lines)


def test_it_stores_sensitive_text_only_as_a_token_and_reads_it_back(personas):
    ids = build_doors(personas["advocate"], personas["partner"])
    token = stored(ids["door_request"])
    assert SECRET not in token and token.startswith("gAAAA")
    assert MeetingRequest.objects.get(pk=ids["door_request"]).safety_needs == SECRET


def test_it_leaves_no_sensitive_plaintext_in_a_dump_of_the_database(personas, client_as):
    ids = build_doors(personas["advocate"], personas["partner"])
    assert client_as("secretariat").get(f"/doors/requests/{ids['door_request']}/").status_code == 200
    assert client_as("advocate").get(f"/doors/records/{ids['reprisal']}/").status_code == 200
    text = dump()
    assert "Mission UNMISS" in text  # the dump holds the data...
    for secret in [SECRET, "amina@example.org", "Patrol safety", "Notes in confidence", "Militia commander X",
                   "Threatening call", "Monthly patrol consultations"]:
        assert secret not in text, secret  # ...but none of the sensitive fields in clear


def test_it_rotates_every_value_to_the_new_key(personas, settings):
    settings.ENCRYPTION_KEYS = [OLD]
    ids = build_doors(personas["advocate"], personas["partner"])
    before = stored(ids["door_request"])
    settings.ENCRYPTION_KEYS = [NEW, OLD]
    out = StringIO()
    call_command("rotate_encryption_key", stdout=out)
    assert "Re-encrypted" in out.getvalue()
    after = stored(ids["door_request"])
    assert after != before and Fernet(NEW.encode()).decrypt(after.encode()).decode() == SECRET
    settings.ENCRYPTION_KEYS = [NEW]  # the old key removed: everything still reads
    assert MeetingRequest.objects.get(pk=ids["door_request"]).safety_needs == SECRET


def test_it_refuses_to_read_a_value_whose_key_was_removed(personas, settings):
    settings.ENCRYPTION_KEYS = [OLD]
    ids = build_doors(personas["advocate"], personas["partner"])
    settings.ENCRYPTION_KEYS = [NEW]
    with pytest.raises(ImproperlyConfigured, match="key it was written with is missing"):
        MeetingRequest.objects.get(pk=ids["door_request"])
    with pytest.raises(CommandError, match="key it was written with is missing"):
        call_command("rotate_encryption_key", stdout=StringIO())


def test_it_fails_loudly_without_keys_outside_development_and_tests(settings, monkeypatch):
    settings.ENCRYPTION_KEYS, settings.DEBUG = [], False
    monkeypatch.delitem(__import__("sys").modules, "pytest")
    with pytest.raises(ImproperlyConfigured, match="CRITICALMASS_ENCRYPTION_KEYS is not set"):
        encryption.encrypt("anything")
    assert [error.id for error in encryption.keys_configured()] == ["criticalmass.E001"]


def test_it_derives_a_development_key_from_the_secret_key_only_in_development(settings):
    settings.ENCRYPTION_KEYS, settings.DEBUG = [], True
    assert encryption.configured_keys() == [encryption.derived_key(settings.SECRET_KEY)]
    settings.ENCRYPTION_KEYS = [NEW]
    assert encryption.configured_keys() == [NEW]


def test_it_refuses_a_key_that_is_not_a_fernet_key(settings):
    settings.ENCRYPTION_KEYS = ["not-a-key"]
    with pytest.raises(ImproperlyConfigured, match="not a Fernet key"):
        encryption.encrypt("anything")
