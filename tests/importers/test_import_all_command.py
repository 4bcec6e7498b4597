"""`criticalmass import-all`: every known dataset found under CRITICALMASS_DATA_DIR."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.importers.registry import DATASETS
from criticalmass.parity.models import Observation
from tests.importers.helpers import PADD, PEACEKEEPING
from tests.importers.pax_helpers import PAX, PAX_GENDER


def place(data_root: Path, fixture: Path, relative: str) -> None:
    target = data_root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixture, target)


@pytest.fixture
def data_root(settings, tmp_path):
    """An empty CRITICALMASS_DATA_DIR that each test fills with fixture files."""
    settings.DATA_DIR = tmp_path
    return tmp_path


def import_all() -> str:
    out = io.StringIO()
    call_command("import_all", "--quiet", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_imports_every_dataset_it_finds(db, data_root):
    place(data_root, PEACEKEEPING / "good.csv", "un_pko_gender_ipi/Gender.Full.csv")
    place(data_root, PADD / "good.csv", "padd/PADD_Agreement_Level.csv")
    out = import_all()
    assert "peacekeeping-gender: imported Gender.Full.csv" in out
    assert "padd: imported PADD_Agreement_Level.csv" in out
    assert Observation.objects.count() == 19 + 25


def test_it_skips_an_absent_dataset_and_says_so(db, data_root):
    place(data_root, PADD / "good.csv", "padd/PADD_Agreement_Level.csv")
    out = import_all()
    missing = data_root / "un_pko_gender_ipi" / "Gender.Full.csv"
    assert f"peacekeeping-gender: skipped, {missing} not found" in out
    assert "padd: imported PADD_Agreement_Level.csv" in out


def test_it_imports_the_others_and_fails_when_one_file_is_bad(db, data_root):
    place(data_root, PEACEKEEPING / "bad_cell.csv", "un_pko_gender_ipi/Gender.Full.csv")
    place(data_root, PADD / "good.csv", "padd/PADD_Agreement_Level.csv")
    with pytest.raises(CommandError) as error:
        import_all()
    assert str(error.value) == (
        f"1 of {len(DATASETS)} imports failed, the others were imported: "
        "peacekeeping-gender: Gender.Full.csv, line 4, column 'Troops Female': 'x' is not a whole number"
    )
    assert Observation.objects.filter(source__slug="padd").count() == 25
    assert not Observation.objects.filter(source__slug="ipi-peacekeeping-gender").exists()


def test_it_imports_pax_and_then_its_gender_provisions(db, data_root):
    from criticalmass.agreements.models import Agreement, Provision

    place(data_root, PAX / "good.csv", "pax_v10/pax_all_agreements_v10.csv")
    place(data_root, PAX_GENDER / "good.csv", "pax_gender_v9/pax_gender_v9.csv")
    out = import_all()
    assert "pax: imported pax_all_agreements_v10.csv\n  rows read: 6\n  agreements: 6 created" in out
    assert "pax-gender: imported pax_gender_v9.csv\n  rows read: 3\n  provisions: 9 created" in out
    assert (Agreement.objects.count(), Provision.objects.count()) == (6, 9)
