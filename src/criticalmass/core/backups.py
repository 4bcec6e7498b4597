"""Backing up and restoring the whole database: SQLite with its online backup API (a consistent copy
while the site serves), PostgreSQL with pg_dump / pg_restore in their custom format.

A backup holds every table, accounts included; it does not hold CRITICALMASS_SECRET_KEY (sessions,
signed cursors and password-reset links depend on it): keep the key apart, as docs/operators.md says.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from criticalmass.core.filemodes import OWNER_ONLY, create_owner_only

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and changes nothing."""


def engine_of(settings_dict: dict[str, Any]) -> str:
    engine = str(settings_dict["ENGINE"])
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"backups support SQLite and PostgreSQL, not {engine}")


def kind_of_file(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is not a backup made by `criticalmass backup` (neither a SQLite file nor a "
                      "pg_dump custom-format archive)")


def backup(connection: Any, path: Path) -> None:
    """Write the database `connection` uses to `path` (overwritten only once the copy is complete),
    readable by its owner only (0600), as the database is (core.filemodes)."""
    partial = path.with_name(path.name + ".partial")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent}: no such folder")
    partial.unlink(missing_ok=True)
    create_owner_only(partial)
    if engine_of(connection.settings_dict) == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        run_pg(["pg_dump", "--format=custom", "--no-owner", f"--file={partial}"], connection.settings_dict)
    os.chmod(partial, OWNER_ONLY)
    partial.replace(path)


def restore(path: Path, connection: Any, replace: bool) -> None:
    """Load `path` into the database of `connection`. Refused when that database holds data, unless
    `replace`; refused when the backup is of the other engine."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    engine, kind = engine_of(connection.settings_dict), kind_of_file(path)
    if engine != kind:
        raise BackupError(f"{path} is a {kind} backup; the configured database is {engine}. Restore it into "
                          f"a {kind} database (DATABASE_URL), then move the data with dumpdata/loaddata")
    if not replace and holds_data(connection):
        raise BackupError("the database is not empty; restoring would replace everything in it. Run again "
                          "with --replace to do so (after a backup of it)")
    if engine == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        run_pg(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                "--exit-on-error", str(path)], connection.settings_dict, database_flag=True)


def holds_data(connection: Any) -> bool:
    """True when any table but Django's bookkeeping has a row."""
    tables = set(connection.introspection.table_names())
    bookkeeping = {"django_migrations", "django_content_type", "auth_permission", "criticalmass_cache"}
    with connection.cursor() as cursor:
        for table in sorted(tables - bookkeeping):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                return True
    return False


def run_pg(command: list[str], settings_dict: dict[str, Any], database_flag: bool = False) -> None:
    """Run pg_dump or pg_restore against the database of `settings_dict`; the password goes through
    the environment, never the command line."""
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt install postgresql-client)")
    connect = [f"--host={settings_dict.get('HOST') or 'localhost'}",
               f"--port={settings_dict.get('PORT') or 5432}",
               f"--username={settings_dict.get('USER') or 'postgres'}"]
    name = str(settings_dict["NAME"])
    arguments = [command[0], *connect, *command[1:]]
    arguments += [f"--dbname={name}"] if database_flag else [name]
    env = dict(os.environ) | ({"PGPASSWORD": str(settings_dict["PASSWORD"])}
                              if settings_dict.get("PASSWORD") else {})
    done = subprocess.run(arguments, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["no message"])[0]
        raise BackupError(f"{command[0]} failed: {first}")
