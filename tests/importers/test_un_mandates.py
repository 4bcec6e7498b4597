"""The UN Mandate Source Registry: each mission's latest renewal and expiry, read from the budget reports'
sentences; what cannot be read is a stored note."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from criticalmass.agreements.models import Mandate
from criticalmass.core.models import DataNote
from criticalmass.importers import peacekeeping_gender, un_mandates
from criticalmass.importers.registry import DATASETS
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.parity.models import Process
from tests.importers.helpers import FIXTURES, PEACEKEEPING, edited, snapshot

REGISTRY = FIXTURES / "un_mandates" / "all_mandates.csv"

pytestmark = pytest.mark.django_db


def mandates() -> list[tuple[object, ...]]:
    return sorted(Mandate.objects.values_list("process__code", "resolution", "expires", "url", "source_row",
                                              "cited_in", "as_of", "final"))


def notes() -> list[tuple[object, ...]]:
    return sorted(DataNote.objects.filter(source__slug="un-mandate-registry")
                  .values_list("source_row", "kind", "subject"))


def test_it_records_each_missions_latest_renewal_with_its_expiry_link_and_report():
    summary = un_mandates.import_file(REGISTRY)
    assert (summary.rows_read, summary.created, summary.unit) == (10, 4, "mandates")
    assert mandates() == [
        ("UNABC", "S/RES/2898 (2026)", dt.date(2027, 3, 1), "https://undocs.org/S/RES/2898(2026)", 11,
         "A/80/604/Add.1", None, False),
        ("UNDOF", "S/RES/2811 (2025)", dt.date(2026, 6, 30), "https://docs.un.org/en/S/RES/2811(2025)", 3,
         "A/80/604/Add.1", None, False),
        ("UNIFIL", "S/RES/2790 (2025)", dt.date(2026, 12, 31), "https://docs.un.org/en/S/RES/2790(2025)", 9,
         "A/80/604/Add.12", None, True),
        ("UNMISS", "S/RES/2779 (2025)", dt.date(2026, 4, 30), "https://docs.un.org/en/S/RES/2779(2025)", 6,
         "A/80/604/Add.13", None, False),
    ]


def test_it_stores_a_note_for_every_mission_whose_renewal_it_cannot_read():
    summary = un_mandates.import_file(REGISTRY)
    assert notes() == [(1, "unknown-date", ""), (4, "no-renewal", "mandate:unmik"),
                       (10, "unread-renewal", "mandate:unxyz"), (11, "link-not-un", "mandate:unabc")]
    assert (10, "UNXYZ: the renewal cannot be read ('31 February 2027' is not a date): “The mandate of UNXYZ "
                "was most recently extended until 31 February 2027 in its resolution 2899 (2026).”; no "
                "mandate is recorded from it") in summary.warnings
    assert not Mandate.objects.filter(process__code="UNXYZ").exists()


def test_it_makes_a_peace_operation_of_a_mission_no_registry_knows_and_uses_one_that_exists():
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")
    unmiss = Process.objects.get(code="UNMISS")
    un_mandates.import_file(REGISTRY)
    assert Mandate.objects.get(resolution="S/RES/2779 (2025)").process == unmiss
    undof = Process.objects.get(code="UNDOF")
    assert (undof.slug, undof.name, undof.kind, undof.sponsor) == (
        "undof", "United Nations Disengagement Observer Force", Process.Kind.OPERATION, Process.Sponsor.UN)


def test_it_changes_nothing_the_second_time():
    un_mandates.import_file(REGISTRY)
    before = (snapshot()["processes"], mandates(), notes())
    summary = un_mandates.import_file(REGISTRY)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 4)
    assert (snapshot()["processes"], mandates(), notes()) == before


def test_it_fills_a_mandate_entered_before_and_warns_that_its_expiry_is_replaced():
    process = Process.objects.create(slug="unmiss", code="UNMISS", name="UNMISS", kind=Process.Kind.OPERATION)
    entered = Mandate.objects.create(process=process, resolution="S/RES/2779 (2025)",
                                     adopted=dt.date(2025, 4, 30), expires=dt.date(2026, 5, 1))
    summary = un_mandates.import_file(REGISTRY)
    entered.refresh_from_db()
    assert (entered.adopted, entered.expires, entered.source.slug) == (
        dt.date(2025, 4, 30), dt.date(2026, 4, 30), "un-mandate-registry")
    assert (summary.created, summary.updated) == (3, 1)
    assert (6, "UNMISS: S/RES/2779 (2025) was recorded as expiring on 2026-05-01; the registry says 30 April "
               "2026, which replaces it") in summary.warnings


def test_it_keeps_an_older_renewal_when_a_newer_registry_brings_the_next(tmp_path):
    un_mandates.import_file(REGISTRY)
    newer = tmp_path / "all_mandates.csv"
    text = REGISTRY.read_text(encoding="utf-8").replace("2811 (2025)", "2830 (2026)").replace(
        "2811(2025)", "2830(2026)").replace("30 June 2026", "30 June 2027")
    newer.write_text(text, encoding="utf-8")
    summary = un_mandates.import_file(newer)
    assert summary.created == 1
    assert sorted(Mandate.objects.filter(process__code="UNDOF").values_list("resolution", "expires")) == [
        ("S/RES/2811 (2025)", dt.date(2026, 6, 30)), ("S/RES/2830 (2026)", dt.date(2027, 6, 30))]


def test_it_refuses_a_row_without_a_mission_naming_its_line_and_writes_nothing(tmp_path):
    bad = edited(REGISTRY, tmp_path / "all_mandates.csv", 4, "Entity", "")
    before = (snapshot(), mandates())
    with pytest.raises(RowError) as raised:
        un_mandates.import_file(bad)
    assert (raised.value.line, raised.value.column, raised.value.problem) == (4, "Entity", "is empty")
    assert (snapshot(), mandates()) == before


def test_it_refuses_a_file_of_other_columns(tmp_path):
    other = tmp_path / "all_mandates.csv"
    shutil.copy(PEACEKEEPING / "good.csv", other)
    with pytest.raises(FormatError, match="missing columns: 'Description'"):
        un_mandates.import_file(other)
    assert not Mandate.objects.exists()


def test_it_is_imported_by_import_all_when_its_file_is_there(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    assert DATASETS["un-mandates"].path == "un_mandates_2026/pkm2026_all_mandates.csv"
    (tmp_path / "un_mandates_2026").mkdir()
    shutil.copy(REGISTRY, tmp_path / "un_mandates_2026" / "pkm2026_all_mandates.csv")
    out = io.StringIO()
    call_command("import_all", "--quiet", stdout=out, stderr=io.StringIO())
    expected = "un-mandates: imported pkm2026_all_mandates.csv\n  rows read: 10\n  mandates: 4 created"
    assert expected in out.getvalue()


@pytest.mark.realdata
def test_it_imports_the_nine_renewals_of_the_real_registry(data_dir: Path):
    path = data_dir / "un_mandates_2026" / "pkm2026_all_mandates.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    summary = un_mandates.import_file(path)
    assert (summary.rows_read, summary.created) == (48, 9)
    found = {code: (resolution, expires) for code, resolution, expires, *_ in mandates()}
    assert found == {
        "MINURSO": ("S/RES/2797 (2025)", dt.date(2026, 10, 31)),
        "MINUSCA": ("S/RES/2800 (2025)", dt.date(2026, 11, 15)),
        "MONUSCO": ("S/RES/2808 (2025)", dt.date(2026, 12, 20)),
        "UNDOF": ("S/RES/2811 (2025)", dt.date(2026, 6, 30)),
        "UNFICYP": ("S/RES/2815 (2026)", dt.date(2027, 1, 31)),
        "UNIFIL": ("S/RES/2790 (2025)", dt.date(2026, 12, 31)),
        "UNISFA": ("S/RES/2802 (2025)", dt.date(2026, 11, 15)),
        "UNMISS": ("S/RES/2779 (2025)", dt.date(2026, 4, 30)),
        "UNSOS": ("S/RES/2809 (2025)", dt.date(2026, 12, 31)),
    }
    assert set(Mandate.objects.values_list("as_of", flat=True)) == {dt.date(2026, 6, 23)}
    assert Mandate.objects.get(resolution="S/RES/2808 (2025)").url == "https://docs.un.org/en/S/RES/2808(2025)"
    assert notes() == [(8, "no-renewal", "mandate:rsce"), (10, "no-renewal", "mandate:unmik"),
                       (21, "no-renewal", "mandate:unsoh"), (46, "no-renewal", "mandate:ungsc-brindisi")]
