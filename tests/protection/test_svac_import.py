"""SVAC 1989–2015: read cell by cell, written by conflict country and year, flaws kept as notes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from criticalmass.core.models import DataNote, Source
from criticalmass.importers import svac
from criticalmass.importers.registry import DATASETS
from criticalmass.importers.svac.countries import TABLE, iso3_by_gw_code
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.protection.models import SexualViolenceReport
from tests.importers.helpers import FIXTURES, PEACEKEEPING, edited

SVAC = FIXTURES / "svac" / "svac.csv"
NO_STATE_REPORT = 331  # actor-years by country of the real file whose State Department code is NA

pytestmark = pytest.mark.django_db


def reports() -> list[tuple[object, ...]]:
    return sorted(SexualViolenceReport.objects.values_list(
        "source_row", "country_id", "year", "actor", "actor_type", "state_prev", "ai_prev", "hrw_prev",
        "forms"))


def test_it_stores_each_actor_year_under_each_country_of_its_conflict_with_the_three_codes():
    summary = svac.import_file(SVAC)
    assert (summary.rows_read, summary.created, summary.unit) == (9, 8, "actor-years by country")
    assert reports() == [
        (2, "IRN", 1989, "Iran", 1, 0, 0, 0, ""),
        (3, "COD", 1998, "Democratic Republic of Congo (Zaire)", 1, 2, 1, 2, "1"),
        (4, "COD", 1998, "RCD", 3, 2, 2, 2, "1,6,7"),
        (5, "COD", 1999, "Rwanda", 4, 1, None, 0, "1"),
        (6, "IRQ", 1990, "Iraq", 1, 3, 2, None, "1"),
        (6, "KWT", 1990, "Iraq", 1, 3, 2, None, "1"),
        (8, "COD", 2000, "Rwanda", 4, 0, 0, 0, "1"),
        (10, "SDN", 1993, "Sudan People's Liberation Movement/Army - United (SPLM/A-United)", 6, 0, 0, 0, ""),
    ]
    source = Source.objects.get(slug="svac")
    assert (source.coverage, source.file, source.dataset) == (
        "1989 to 2000", "svac.csv", "SVAC: Sexual Violence in Armed Conflict, 1989–2015")


def test_it_keeps_an_unmapped_country_a_repeated_row_and_an_inconsistency_as_notes():
    summary = svac.import_file(SVAC)
    assert summary.warnings == [
        (7, "KLA 1999: country code 347 (Kosovo) has no ISO3 code in the Gleditsch-Ward table; the row is "
            "not shown under that country"),
        (8, "Rwanda 2000: forms of sexual violence are coded though no source reports any (prevalence codes "
            "0/0/0)"),
        (9, "Rwanda in conflict 283 in 2000 is listed again (first on line 8); this row is left out"),
        (10, "Sudan People's Liberation Movement/Army - United (SPLM/A-United) 1993: no UCDP actor ID "
             "(actorid_new is NA)"),
    ]
    assert sorted(DataNote.objects.values_list("source_row", "kind", "subject")) == [
        (7, "unmapped-country", "gw:347"), (8, "inconsistency", "svac-row:8"), (9, "duplicate", "svac-row:9"),
        (10, "missing-code", "svac-row:10")]


def test_it_changes_nothing_the_second_time_and_follows_a_changed_file(tmp_path):
    svac.import_file(SVAC)
    before = reports()
    again = svac.import_file(SVAC)
    assert (again.created, again.updated, again.unchanged, again.removed) == (0, 0, 8, 0)
    assert reports() == before and DataNote.objects.count() == 4
    changed = edited(SVAC, tmp_path / "svac.csv", 3, "state_prev", "3")
    summary = svac.import_file(changed)
    assert (summary.created, summary.updated, summary.unchanged, summary.removed) == (0, 1, 7, 0)
    assert SexualViolenceReport.objects.get(source_row=3).state_prev == 3


def test_it_reads_the_workbook_layout_where_minus_99_means_no_report(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "SVAC 1989-2015"
    with SVAC.open(newline="") as handle:
        for cells in csv.reader(handle):
            sheet.append([-99 if cell == "NA" else int(cell) if cell.isdigit() else cell for cell in cells])
    path = tmp_path / "RSVAC_1989_2015.xlsx"
    workbook.save(path)
    svac.import_file(path)
    assert reports()[3] == (5, "COD", 1999, "Rwanda", 4, 1, None, 0, "1")


@pytest.mark.parametrize(("column", "value", "problem"), [
    ("state_prev", "4", "4 is not a prevalence code (0 to 3, or NA)"),
    ("actor_type", "7", "7 is not an SVAC actor type (1 to 6)"),
    ("year", "19999", "19999 is not a year between 1946 and 2100"),
    ("gwnoloc", "0", "names no country (0)"),
    ("form", "8", "'8' in '8' is not a form of sexual violence (1 to 7)"),
    ("conflictyear", "2", "2 is not 0 or 1"),
    ("actor", "", "is empty"),
])
def test_it_refuses_a_bad_cell_naming_its_line_and_column_and_writes_nothing(tmp_path, column, value,
                                                                             problem):
    svac.import_file(SVAC)
    before, notes = reports(), DataNote.objects.count()
    bad = edited(SVAC, tmp_path / "svac.csv", 2, column, value)
    with pytest.raises(RowError) as raised:
        svac.import_file(bad)
    assert (raised.value.line, raised.value.column, raised.value.problem) == (2, column, problem)
    assert reports() == before and DataNote.objects.count() == notes


def test_it_refuses_a_file_of_other_columns(tmp_path):
    other = tmp_path / "svac.csv"
    shutil.copy(PEACEKEEPING / "good.csv", other)
    with pytest.raises(FormatError):
        svac.import_file(other)
    assert not SexualViolenceReport.objects.exists()


def test_it_ships_a_table_with_each_code_once_and_an_iso3_for_each():
    table = iso3_by_gw_code(TABLE)
    assert (table[345], table[365], table[490], table[484], table[678]) == ("SRB", "RUS", "COD", "COG", "YEM")
    assert 347 not in table  # Kosovo: not guessed


def test_it_is_a_dataset_the_import_command_knows():
    assert DATASETS["svac"].path == "svac_rsvac/svac.csv"


def real_file(data_dir: Path, name: str) -> Path:
    path = data_dir / "svac_rsvac" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    return path


@pytest.mark.realdata
def test_it_imports_the_real_file_mapping_every_country(data_dir: Path):
    summary = svac.import_file(real_file(data_dir, "svac.csv"))
    assert (summary.rows_read, summary.created) == (9282, 9656)
    kinds = sorted(set(DataNote.objects.values_list("kind", flat=True)))
    assert kinds == ["duplicate", "missing-code"]  # every country code of the file is in the table
    assert DataNote.objects.filter(kind="duplicate").count() == 2
    assert SexualViolenceReport.objects.values("country").distinct().count() == 84
    drc_1998 = SexualViolenceReport.objects.get(source_row=1785)
    assert (drc_1998.country_id, drc_1998.year, drc_1998.actor, drc_1998.state_prev, drc_1998.ai_prev,
            drc_1998.hrw_prev, drc_1998.forms) == (
        "COD", 1998, "Democratic Republic of Congo (Zaire)", 2, 1, 2, "1")
    version = Source.objects.get(slug="svac").version
    assert version.startswith("svac.csv of the RSVAC package") and len(version) <= 100


@pytest.mark.realdata
def test_it_reads_the_same_codes_from_the_real_workbook(data_dir: Path):
    svac.import_file(real_file(data_dir, "RSVAC_1989_2015_03_29_20.xlsx"))
    assert SexualViolenceReport.objects.count() == 9656
    drc_1998 = SexualViolenceReport.objects.get(source_row=1785)
    assert (drc_1998.state_prev, drc_1998.ai_prev, drc_1998.hrw_prev) == (2, 1, 2)
    assert SexualViolenceReport.objects.filter(state_prev=None).count() == NO_STATE_REPORT
