"""The database files are the members' data: a SQLite database, its WAL and shared-memory files and
every backup are readable by their owner only (0600), whatever the umask of the process that made them.

SQLite gives a new WAL or -shm file the mode of the database file, so the database is made 0600 before
SQLite opens it, and all three are set again at each new connection (files made by an older version,
or copied in by hand, are put right)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

OWNER_ONLY = 0o600
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def sqlite_path(settings_dict: dict[str, Any]) -> Path | None:
    """The database's file, or None for another engine or an in-memory database."""
    if not str(settings_dict.get("ENGINE", "")).endswith("sqlite3"):
        return None
    name = str(settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return None
    return Path(name)


def create_owner_only(path: Path) -> None:
    """Make `path` empty and 0600 if it does not exist (SQLite then writes into it)."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY)
    os.close(descriptor)
    os.chmod(path, OWNER_ONLY)


def restrict(path: Path) -> None:
    """Owner-only mode on the file and on its SQLite companions that exist."""
    for suffix in SQLITE_COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            os.chmod(companion, OWNER_ONLY)
        except FileNotFoundError:
            continue


def prepare_sqlite(settings_dict: dict[str, Any]) -> None:
    """Before Django connects: a database file that does not exist yet is made 0600."""
    path = sqlite_path(settings_dict)
    if path is not None and path.parent.is_dir() and not path.exists():
        create_owner_only(path)


def connection_created(sender: Any, connection: Any, **kwargs: Any) -> None:
    """On each new connection: the database, its WAL and -shm are 0600."""
    path = sqlite_path(connection.settings_dict)
    if path is not None:
        restrict(path)
