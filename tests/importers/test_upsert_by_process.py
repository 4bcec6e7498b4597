"""The upsert compares stored observations one process at a time: missions added, dropped or changed
in a re-import all come out right."""

from __future__ import annotations

from criticalmass.importers.peacekeeping_gender import import_file
from criticalmass.parity.models import Observation
from tests.importers.helpers import PEACEKEEPING

GOOD = PEACEKEEPING / "good.csv"


def without_mission(tmp_path, mission: str):
    lines = GOOD.read_text().splitlines(keepends=True)
    path = tmp_path / "fewer.csv"
    path.write_text("".join(line for line in lines if f'"{mission}"' not in line))
    return path


def test_it_removes_every_observation_of_a_mission_the_file_no_longer_has(db, tmp_path):
    import_file(GOOD)
    unmil = Observation.objects.filter(process__slug="unmil").count()
    summary = import_file(without_mission(tmp_path, "UNMIL"))
    assert unmil and summary.removed == unmil and summary.created == 0  # the lines after it moved up
    assert not Observation.objects.filter(process__slug="unmil").exists()


def test_it_adds_back_a_mission_a_re_import_brings_again(db, tmp_path):
    import_file(without_mission(tmp_path, "UNMIL"))
    before = Observation.objects.count()
    summary = import_file(GOOD)
    assert summary.created == Observation.objects.filter(process__slug="unmil").count() > 0
    assert Observation.objects.count() == before + summary.created and summary.removed == 0
