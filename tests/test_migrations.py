"""The migrations: one initial per app, then seeds that stand on their own and ship their data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.db.migrations.loader import MigrationLoader

SRC = Path(__file__).resolve().parent.parent / "src" / "criticalmass"
APPS = ["core", "parity", "agreements", "charter", "events", "watchdog", "hub", "briefings", "parliaments"]


def migration_files() -> list[Path]:
    return sorted(SRC.glob("*/migrations/0*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", migration_files(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_it_never_imports_the_application_in_a_migration(path):
    """A migration keeps working when the code it would import changes or goes away."""
    offending = {m for m in imported_modules(path) if m == "criticalmass" or m.startswith("criticalmass.")}
    assert not offending, f"{path.name} imports {', '.join(sorted(offending))}"


def test_it_has_one_initial_migration_per_app_and_seeds_after_it():
    """Squashed before the first release: one initial per app; what comes after it are its seeds and
    the schema changes made since (never a second initial)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for app in APPS:
        found = {name: migration for (label, name), migration in loader.disk_migrations.items()
                 if label == app}
        initials = sorted(name for name, migration in found.items() if migration.initial)
        assert initials == ["0001_initial"], (app, initials)
        assert min(found) == "0001_initial", app


def test_it_reads_every_data_file_beside_the_migrations_from_one_of_them():
    data_files = sorted(SRC.glob("*/migrations/*.json"))
    assert {p.parent.parent.name for p in data_files} == {"core", "hub", "watchdog"}
    for path in data_files:
        readers = [m for m in path.parent.glob("0*.py") if path.name in m.read_text(encoding="utf-8")]
        assert readers, f"no migration reads {path.name}"
