"""The data version cached figures are keyed by: an import that changes something makes a new one, an
import that changes nothing (or fails) does not, and edits outside an import make one too."""

from __future__ import annotations

import io

import pytest
from django.core import checks
from django.core.management import call_command, load_command_class
from django.core.management.base import SystemCheckError
from django.dispatch import receiver

from criticalmass.core import data_version
from criticalmass.core.models import DataNote
from criticalmass.core.signals import imports_finished
from criticalmass.importers.peacekeeping_gender import import_file
from criticalmass.lib.csvread import RowError
from criticalmass.parity import queries, ranking_figures
from criticalmass.parity.models import Category, Observation, Process, TargetAnchor, TargetPolicy
from tests.importers.helpers import PEACEKEEPING, edited

GOOD = PEACEKEEPING / "good.csv"


def test_it_makes_a_new_data_version_when_an_import_changes_something(db):
    before = data_version.current()
    import_file(GOOD)
    after_first = data_version.current()
    import_file(PEACEKEEPING / "updated.csv")
    assert len({before, after_first, data_version.current()}) == 3


def test_it_keeps_the_data_version_when_an_import_changes_nothing(db):
    import_file(GOOD)
    before = data_version.current()
    summary = import_file(GOOD)
    assert summary.unchanged and data_version.current() == before


def test_it_keeps_the_data_version_when_an_import_fails(db, tmp_path):
    import_file(GOOD)
    before = data_version.current()
    with pytest.raises(RowError):
        import_file(edited(GOOD, tmp_path / "edited.csv", 2, "Troops Female", "many"))
    assert data_version.current() == before


def test_it_makes_a_new_data_version_when_an_import_only_renames_a_mission(db):
    import_file(GOOD)
    Process.objects.filter(slug="unmiss").update(name="renamed by hand")  # no signal: as a bulk write would
    before = data_version.current()
    summary = import_file(GOOD)  # the registry's name comes back; no observation changes
    assert (summary.created, summary.updated, summary.removed) == (0, 0, 0)
    assert Process.objects.get(slug="unmiss").name != "renamed by hand"
    assert data_version.current() != before


def test_it_keeps_the_notes_of_a_file_imported_twice_as_they_are(db, tmp_path):
    flawed = edited(GOOD, tmp_path / "flawed.csv", 2, "Troops Male", "801")  # male + female != total
    import_file(flawed)
    notes = list(DataNote.objects.order_by("pk").values_list("pk", "message"))
    before = data_version.current()
    import_file(flawed)
    assert data_version.current() == before
    assert notes and list(DataNote.objects.order_by("pk").values_list("pk", "message")) == notes


def test_it_makes_a_new_data_version_when_a_policy_or_an_anchor_is_edited(db):
    policy = TargetPolicy.objects.filter(anchors__isnull=False).first()
    first = data_version.current()
    policy.name = "edited"
    policy.save()
    second = data_version.current()
    anchor = TargetAnchor.objects.filter(policy=policy).first()
    anchor.value += 1
    anchor.save()
    assert len({first, second, data_version.current()}) == 3


def test_it_forgets_the_cached_dashboard_figures_when_an_import_changes_the_data(db):
    import_file(GOOD)
    policy = queries.policy()
    before = ranking_figures.dashboard_tables(policy, Category.TOTAL)["overall"].rows
    import_file(PEACEKEEPING / "updated.csv")  # troops in UNMISS from Nepal, February: 13 women, not 12
    after = ranking_figures.dashboard_tables(policy, Category.TOTAL)["overall"].rows
    troops = [(r["date"].isoformat(), r["women"]) for r in after if r["role"] == Category.TROOPS]
    assert troops != [(r["date"].isoformat(), r["women"]) for r in before if r["role"] == Category.TROOPS]
    last = Observation.objects.filter(role=Category.TROOPS, date=troops[-1][0], process__kind="operation")
    assert troops[-1][1] == sum(last.values_list("women", flat=True))


def test_it_forgets_the_cached_api_series_when_an_import_changes_the_data(client, db):
    import_file(GOOD)
    url = "/api/parity/series?process=unmiss&role=troops"
    before = client.get(url).json()["points"]
    import_file(PEACEKEEPING / "updated.csv")
    after = client.get(url).json()["points"]
    assert before[-1]["women"] + 1 == after[-1]["women"]


def test_it_imports_without_running_the_system_checks(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path  # import-all finds nothing there
    @checks.register("criticalmass-test-failing")
    def failing(**kwargs):
        return [checks.Error("a check that always fails", id="tests.E001")]

    try:
        with pytest.raises(SystemCheckError):
            call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
        for name, arguments in [("import", ["peacekeeping-gender", str(GOOD)]), ("import_all", [])]:
            command = load_command_class("criticalmass.importers", name)
            options = vars(command.create_parser("criticalmass", name).parse_args([*arguments, "--quiet"]))
            # As the command line runs it (without closing the test's connection afterwards as it would)
            command.stdout, command.stderr = io.StringIO(), io.StringIO()
            command.execute(**{**options, "skip_checks": False, "stdout": io.StringIO()})
    finally:
        checks.registry.registry.registered_checks.discard(failing)
    assert Observation.objects.exists()


def test_it_announces_once_per_command_whether_the_imports_changed_anything(db):
    heard: list[bool] = []

    @receiver(imports_finished, weak=False)
    def listen(sender, changed, **kwargs):
        heard.append(changed)

    try:
        for _ in range(2):
            call_command("import", "peacekeeping-gender", str(GOOD), "--quiet", stdout=io.StringIO())
    finally:
        imports_finished.disconnect(listen)
    assert heard == [True, False]
