"""The layering of docs/developers.md, checked on the imports themselves (an AST walk over src/).

Each package (or top-level module) of `criticalmass` is a unit; LAYERS puts every unit on a layer, the
lowest first. A module may import its own unit and the units of lower layers, never a unit of its own
layer or above; `lib` imports no framework and nothing of criticalmass but itself; no module imports
another unit's `views`; and the units' import graph has no cycle. Imports anywhere count (inside
functions too, relative ones resolved); migrations do not, since they are frozen history.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import criticalmass

SRC = Path(criticalmass.__file__).parent
ROOT = "criticalmass"  # the package itself: `__init__.py` holds the version and imports nothing

# The layers, lowest first. docs/developers.md draws the same stack.
LAYERS: list[set[str]] = [
    {ROOT, "lib"},  # lib: plain Python, typed; no Django, nothing of criticalmass but lib
    {"core", "api_common"},  # the foundation: accounts, countries, sources, audit, panels; API errors
    {"figures"},  # the neutral figure kit: tables, citations, CSV, charts
    {"parity", "events", "protection", "parliaments", "grants"},  # domain apps needing only the foundation
    {"agreements"},  # agreements and mandates, read against parity's processes
    {"watchdog"},  # plans and laws, with the agreements' mandate figures
    {"charter", "hub", "reviews"},  # commitments on processes, plans and events; evidence and search over
    # all; the gender review of documents linked to plans and processes
    {"trainings"},  # trainings in cycles and dialogues, whose agreed actions link to charter commitments
    {"doors"},  # decision-makers, meeting requests and reprisals; promises may become commitments
    {"briefings", "awards"},  # briefings from every domain and the hub; awards from charter and events
    {"importers"},  # write the public datasets into the domain apps' models; no app imports them
    {"api", "urls", "settings", "cli", "wsgi"},  # the project level: may import anything
]
PROJECT = LAYERS[-1]
FOUNDATION = {"lib", "core", "api_common"}
FRAMEWORKS = {"django", "ninja"}
# Imports of another app's views that the figure kit (criticalmass/figures/: Table, cite, csv_response)
# replaces. Each must still exist: once it is gone, remove it here too.


@dataclass(frozen=True)
class Import:
    file: str  # relative to the package root, e.g. "events/views.py"
    line: int
    unit: str  # the importing module's unit
    target: str  # what it imports, dotted: "criticalmass.charter.queries.concerning", "django.db"

    @property
    def target_unit(self) -> str | None:
        parts = self.target.split(".")
        if parts[0] != ROOT:
            return None
        return parts[1] if len(parts) > 1 else ROOT

    def imports_views(self) -> bool:
        parts = self.target.split(".")
        return parts[0] == ROOT and len(parts) > 2 and parts[2] == "views"

    def __str__(self) -> str:
        return f"src/criticalmass/{self.file}:{self.line} imports {self.target}"


def unit_of(relative: Path) -> str:
    return ROOT if relative.parts == ("__init__.py",) else relative.parts[0].removesuffix(".py")


def module_name(relative: Path) -> str:
    parts = [ROOT, *relative.with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(root: Path) -> Iterator[Import]:
    """Every import in every module under `root` (the `criticalmass` package), migrations left out."""
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if "migrations" in relative.parts:
            continue
        name = module_name(relative)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"] or [base]
            else:
                continue
            for target in targets:
                yield Import(relative.as_posix(), node.lineno, unit_of(relative), target)


def layer_of(unit: str) -> int | None:
    return next((number for number, units in enumerate(LAYERS) if unit in units), None)


def unplaced_units(root: Path) -> list[str]:
    units = {unit_of(p.relative_to(root)) for p in root.rglob("*.py") if "migrations" not in p.parts}
    return sorted(unit for unit in units if layer_of(unit) is None)


def lib_violations(imports: list[Import]) -> list[str]:
    return [f"{found}: lib is plain Python, without a framework or the rest of criticalmass"
            for found in imports if found.unit == "lib" and (
                found.target.split(".")[0] in FRAMEWORKS or found.target_unit not in (None, "lib"))]


def order_violations(imports: list[Import]) -> list[str]:
    found = []
    for item in imports:
        target = item.target_unit
        if target is None or target == item.unit or item.unit in PROJECT:
            continue
        mine, theirs = layer_of(item.unit), layer_of(target)
        if mine is None or theirs is None or theirs >= mine:
            found.append(f"{item}: `{item.unit}` (layer {mine}) may import only lower layers, "
                         f"and `{target}` is on layer {theirs} (see LAYERS in tests/test_layers.py)")
    return found


def views_violations(imports: list[Import]) -> list[str]:
    found = set()
    for item in imports:
        if item.imports_views() and item.target_unit != item.unit:
            views = ".".join(item.target.split(".")[:3])
            found.add(f"src/criticalmass/{item.file}:{item.line} imports {views}: another app's views "
                      "are its own; share a query, a figure or a panel instead")
    return sorted(found)


def cycles(imports: list[Import]) -> list[list[str]]:
    """The cycles of the units' import graph (the project level left out), each once, from its least unit."""
    graph: dict[str, set[str]] = {}
    for item in imports:
        target = item.target_unit
        if target is not None and target != item.unit and item.unit not in PROJECT and target not in PROJECT:
            graph.setdefault(item.unit, set()).add(target)
    found: list[list[str]] = []

    def walk(unit: str, path: list[str]) -> None:
        for following in sorted(graph.get(unit, ())):
            if following == path[0]:
                found.append([*path, following])
            elif following not in path and following > path[0]:
                walk(following, [*path, following])

    for start in sorted(graph):
        walk(start, [start])
    return found


def where(unit_a: str, unit_b: str, imports: list[Import]) -> str:
    return next(str(item) for item in imports if item.unit == unit_a and item.target_unit == unit_b)


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return list(imports_of(SRC))


def test_it_places_every_package_on_a_layer():
    assert not unplaced_units(SRC), f"put these in LAYERS (tests/test_layers.py) and the docs' diagram: " \
                                    f"{unplaced_units(SRC)}"


def test_it_keeps_lib_free_of_django_and_of_the_rest_of_criticalmass(imports):
    assert not lib_violations(imports), "\n".join(lib_violations(imports))


def test_it_keeps_the_foundation_free_of_the_apps_built_on_it(imports):
    found = order_violations([item for item in imports if item.unit in FOUNDATION])
    assert not found, "\n".join(found)


def test_it_imports_only_lower_layers(imports):
    assert not order_violations(imports), "\n".join(order_violations(imports))


def test_it_imports_no_other_apps_views(imports):
    found = views_violations(imports)
    assert not found, "\n".join(found)


def test_it_has_no_import_cycle_between_apps(imports):
    found = cycles(imports)
    assert not found, "\n".join(" -> ".join(cycle) + f" (first: {where(cycle[0], cycle[1], imports)})"
                                for cycle in found)


def test_it_finds_the_imports_it_checks(imports):
    targets = {(item.file, item.target) for item in imports}
    assert ("importers/base.py", "criticalmass.core.models.audit") in targets
    assert ("charter/apps.py", "criticalmass.core.sections.register_section") in targets  # inside a function


@pytest.fixture
def bad_tree(tmp_path: Path) -> Path:
    """A small `criticalmass` package that breaks every rule once."""
    root = tmp_path / "criticalmass"
    files = {
        "__init__.py": "",
        "lib/__init__.py": "",
        "lib/plain.py": "import django.db\nfrom criticalmass.core import models\n",
        "core/__init__.py": "",
        "core/models.py": "def late():\n    from criticalmass.events.queries import tally\n",
        "events/__init__.py": "",
        "events/queries.py": "from ..charter import queries\n",
        "events/views.py": "from . import queries\n",
        "charter/__init__.py": "",
        "charter/queries.py": "import criticalmass.events.queries\n",
        "charter/views.py": "from criticalmass.events.views import event\nfrom .queries import x\n",
        "newapp/__init__.py": "",
        "events/migrations/0001_initial.py": "from criticalmass.importers import anything\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_it_reports_each_broken_rule_with_its_file_and_line(bad_tree):
    imports = list(imports_of(bad_tree))
    assert unplaced_units(bad_tree) == ["newapp"]
    assert [v.split(" imports ")[0] for v in lib_violations(imports)] == [
        "src/criticalmass/lib/plain.py:1", "src/criticalmass/lib/plain.py:2"]
    order = order_violations(imports)
    assert any(v.startswith("src/criticalmass/core/models.py:2 imports criticalmass.events.queries.tally")
               for v in order)
    assert any(v.startswith("src/criticalmass/events/queries.py:1 imports criticalmass.charter.queries")
               for v in order)
    assert views_violations(imports)[0].startswith(
        "src/criticalmass/charter/views.py:1 imports criticalmass.events.views")
    assert cycles(imports) == [["charter", "events", "charter"]]
    assert not [item for item in imports if "migrations" in item.file]


def test_it_resolves_relative_imports(bad_tree):
    targets = {(item.file, item.target) for item in imports_of(bad_tree)}
    assert ("events/views.py", "criticalmass.events.queries") in targets
    assert ("charter/views.py", "criticalmass.charter.queries.x") in targets
    assert ("events/queries.py", "criticalmass.charter.queries") in targets
