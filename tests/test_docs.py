"""Undocumented settings, commands and API routes fail the build (after datasette's habit)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import criticalmass
from criticalmass.api import api
from criticalmass.cli import command_name

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(criticalmass.__file__).parent
DOCS = ROOT / "docs"


def docs_text() -> str:
    return "\n".join(p.read_text() for p in sorted(DOCS.glob("*.md"))) + (ROOT / "README.md").read_text()


def environment_settings() -> list[str]:
    source = (SRC / "settings.py").read_text()
    names = re.findall(r"""(?:environ\.get|env_bool|env_int|env_list)\(\s*["']([A-Z_]+)["']""", source)
    return sorted(set(names))


def management_commands() -> list[str]:
    """The verbs people type: module `import_all.py` is `criticalmass import-all` (see cli.py)."""
    modules = [p.stem for p in SRC.glob("**/management/commands/*.py") if not p.stem.startswith("_")]
    return sorted(name.replace("_", "-") for name in modules)


def api_routes() -> list[str]:
    return sorted(api.get_openapi_schema()["paths"])


def test_it_finds_settings_commands_and_routes_to_check():
    assert "DATABASE_URL" in environment_settings()
    assert "import" in management_commands() and "import-all" in management_commands()
    assert any(route.startswith("/api/parity/") for route in api_routes())


@pytest.mark.parametrize("name", environment_settings())
def test_it_documents_every_setting(name):
    assert f"`{name}`" in (DOCS / "operators.md").read_text(), f"{name} is not in docs/operators.md"


@pytest.mark.parametrize("name", management_commands())
def test_it_documents_every_command(name):
    assert f"criticalmass {name}" in docs_text(), f"`criticalmass {name}` is not documented in docs/"


def test_it_names_command_modules_without_hyphens():
    hyphenated = [str(p.relative_to(SRC)) for p in SRC.glob("**/management/commands/*-*.py")]
    assert not hyphenated, f"command modules must be Python names (cli.py adds the hyphens): {hyphenated}"


def test_it_runs_the_hyphenated_verbs_people_type():
    assert command_name(["import-all", "--quiet"]) == ["import_all", "--quiet"]
    dataset_names_keep_theirs = ["import", "peacekeeping-gender", "f.csv"]
    assert command_name(dataset_names_keep_theirs) == dataset_names_keep_theirs
    assert command_name(["help", "send-reminders"]) == ["help", "send_reminders"]
    assert command_name(["--version"]) == ["--version"] and command_name([]) == []


@pytest.mark.parametrize("route", api_routes())
def test_it_documents_every_api_route(route):
    assert f"`{route}`" in (DOCS / "api.md").read_text(), f"{route} is not in docs/api.md"


def test_it_starts_the_readme_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


def test_it_runs_exactly_the_readme_test_command_in_ci():
    assert (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1] == "make test"


def test_it_keeps_a_changelog_entry_for_the_current_version():
    assert f"## {criticalmass.__version__}" in (ROOT / "CHANGELOG.md").read_text()



def import_options() -> list[str]:
    """The options `criticalmass import` adds to Django's own (--verbosity, --settings...)."""
    from django.core.management import load_command_class
    from django.core.management.base import CommandParser

    parser = CommandParser()
    load_command_class("criticalmass.importers", "import").add_arguments(parser)
    own = {option for action in parser._actions for option in action.option_strings}
    return sorted(option for option in own if option.startswith("--") and option != "--help")


def test_it_finds_the_import_options_to_check():
    assert {"--version", "--label", "--default"} <= set(import_options())


@pytest.mark.parametrize("option", import_options())
def test_it_documents_every_option_of_import(option):
    assert f"`{option}`" in (DOCS / "operators.md").read_text(), f"{option} is not in docs/operators.md"
