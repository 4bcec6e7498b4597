"""The SQLite database, its WAL and -shm files and every backup are readable by their owner only (0600),
even when the process's umask would make them world-readable."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.utils import ConnectionHandler

from criticalmass.core import filemodes

WAL = {"init_command": "PRAGMA journal_mode=WAL;"}


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask(django_db_blocker) -> Iterator[None]:
    """A umask under which new files are world-readable (0644), as on many servers; connections to
    databases of the test's own are allowed."""
    before = os.umask(0o022)
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        os.umask(before)


def sqlite_connection(path: Path):  # type: ignore[no-untyped-def]
    handler = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path),
                                           "OPTIONS": WAL}})
    return handler["default"]


def write_something(files) -> None:  # type: ignore[no-untyped-def]
    with files.cursor() as cursor:
        cursor.execute("CREATE TABLE t (x integer)")
        cursor.execute("INSERT INTO t VALUES (1)")


def test_it_creates_a_new_database_and_its_wal_and_shm_owner_only(tmp_path, open_umask):
    path = tmp_path / "new.sqlite3"
    filemodes.prepare_sqlite({"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)})
    files = sqlite_connection(path)
    try:
        write_something(files)
        found = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm")]
        assert all(p.exists() for p in found)
        assert {p.name: mode_of(p) for p in found} == {p.name: 0o600 for p in found}
    finally:
        files.close()


def test_it_puts_right_a_world_readable_database_when_it_connects(tmp_path, open_umask):
    path = tmp_path / "old.sqlite3"
    files = sqlite_connection(path)
    write_something(files)
    files.close()
    for suffix in ("", "-wal", "-shm"):
        if path.with_name(path.name + suffix).exists():
            os.chmod(path.with_name(path.name + suffix), 0o644)
    assert mode_of(path) == 0o644
    files = sqlite_connection(path)
    try:
        files.ensure_connection()
        assert mode_of(path) == 0o600
        assert all(mode_of(p) == 0o600 for p in tmp_path.glob("old.sqlite3-*"))
    finally:
        files.close()


def test_it_leaves_other_engines_and_memory_databases_alone():
    assert filemodes.sqlite_path({"ENGINE": "django.db.backends.postgresql", "NAME": "x"}) is None
    assert filemodes.sqlite_path({"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}) is None
    assert filemodes.sqlite_path({"ENGINE": "django.db.backends.sqlite3",
                                  "NAME": "file:memorydb_default?mode=memory&cache=shared"}) is None


def test_it_writes_a_backup_readable_by_its_owner_only(live_db, tmp_path):
    if connection.vendor == "postgresql":
        import shutil

        if shutil.which("pg_dump") is None:
            pytest.skip("pg_dump is not installed")
    before = os.umask(0o022)
    try:
        call_command("backup", str(tmp_path / "site.backup"))
    finally:
        os.umask(before)
    assert mode_of(tmp_path / "site.backup") == 0o600
