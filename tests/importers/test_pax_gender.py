"""Importing pax_gender_v9.csv: the agreements' provisions on women, girls and gender, by code."""

from __future__ import annotations

import pytest

from criticalmass.agreements.models import GenderCode, Provision
from criticalmass.importers import pax, pax_gender
from criticalmass.importers.base import ImportFailed
from criticalmass.importers.pax_gender.reader import CODES
from criticalmass.lib.csvread import FormatError, RowError
from tests.importers.pax_helpers import PAX, PAX_GENDER, edit_cell, snapshot

GOOD = PAX_GENDER / "good.csv"


@pytest.fixture
def agreements(db):
    pax.import_file(PAX / "good.csv")


def codes_of(pax_id: int) -> set[str]:
    return set(Provision.objects.filter(agreement__pax_id=pax_id).values_list("code__code", flat=True))


def test_it_imports_each_coded_provision(agreements):
    summary = pax_gender.import_file(GOOD)
    assert (summary.rows_read, summary.created, summary.unit, summary.warnings) == (3, 9, "provisions", [])
    assert codes_of(102) == {"WggPar", "WggGenQuot", "WggVio", "WggVioSex"}
    assert codes_of(103) == {"WggDev", "WggEdu", "WggImpl"}
    assert codes_of(101) == set()


def test_it_cites_the_line_of_each_provision(agreements):
    pax_gender.import_file(GOOD)
    provision = Provision.objects.get(agreement__pax_id=105, code__code="WggUnsc")
    assert (provision.source.slug, provision.source_row) == ("pax-gender", 4)


def test_it_knows_every_code_of_the_file_with_its_pillar(db):
    assert sorted(GenderCode.objects.values_list("code", flat=True)) == sorted(CODES)
    pillars = dict(GenderCode.objects.values_list("code", "pillar__slug"))
    assert (pillars["WggGenQuot"], pillars["WggVioSex"], pillars["WggEdu"]) == (
        "participation", "protection", "empowerment")
    assert (pillars["WggConst"], pillars["WggImplSign"], pillars["WggOth"]) == (
        "institutions-and-law", "implementation", None)


def test_it_adds_nothing_when_the_same_file_is_imported_twice(agreements):
    pax_gender.import_file(GOOD)
    before = snapshot()["provisions"]
    summary = pax_gender.import_file(GOOD)
    assert (summary.created, summary.updated, summary.unchanged, summary.removed) == (0, 0, 9, 0)
    assert snapshot()["provisions"] == before


def test_it_adds_new_provisions_and_removes_withdrawn_ones(agreements):
    pax_gender.import_file(GOOD)
    summary = pax_gender.import_file(PAX_GENDER / "updated.csv")
    assert (summary.created, summary.removed, summary.unchanged) == (1, 1, 8)
    assert codes_of(102) == {"WggPar", "WggGenQuot", "WggVioSex"}
    assert codes_of(104) == {"WggEffPart"}


def test_it_warns_about_unknown_agreements_and_gender_codes_pax_does_not_flag(agreements):
    summary = pax_gender.import_file(PAX_GENDER / "inconsistent.csv")
    assert summary.warnings == [
        (6, "AgtId 101: PA-X codes no provisions on women, girls and gender (GeWom 0) but PA-X Gender "
            "codes 1; both kept as given"),
        (7, "AgtId 999 is not among the imported PA-X agreements; its provisions are left out"),
    ]
    assert codes_of(101) == {"WggPar"} and Provision.objects.count() == 10


def test_it_refuses_to_run_before_pax_has_been_imported(db):
    with pytest.raises(ImportFailed) as error:
        pax_gender.import_file(GOOD)
    assert "run `criticalmass import pax FILE` first; nothing was imported" in str(error.value)
    assert not Provision.objects.exists()


def test_it_names_missing_and_unexpected_code_columns(agreements):
    with pytest.raises(FormatError) as error:
        pax_gender.import_file(PAX_GENDER / "wrong_columns.csv")
    assert str(error.value) == ("wrong_columns.csv is not in the expected format; missing columns: 'WggPar'; "
                                "unexpected columns: 'WggNewCode'")
    assert not Provision.objects.exists()


def test_it_refuses_the_pax_file_given_as_pax_gender(agreements):
    with pytest.raises(FormatError) as error:
        pax_gender.import_file(PAX / "good.csv")
    assert "missing columns: 'WggCitizen'" in str(error.value)
    assert not Provision.objects.exists()


def test_it_refuses_a_bad_cell_and_changes_nothing(agreements, tmp_path):
    pax_gender.import_file(GOOD)
    before = snapshot()
    path = edit_cell(GOOD, tmp_path / "bad.csv", "103", "WggEdu", "2")
    with pytest.raises(RowError) as error:
        pax_gender.import_file(path)
    assert str(error.value) == "bad.csv, line 3, column 'WggEdu': '2' is not a PA-X code; 0 or 1 is needed"
    assert snapshot() == before


def test_it_puts_back_a_code_the_secretariat_deleted_in_no_pillar(agreements):
    GenderCode.objects.filter(code="WggOth").delete()
    summary = pax_gender.import_file(GOOD)
    assert summary.warnings == [(1, "code WggOth was not in the pillar mapping; it was added in no pillar")]
    assert GenderCode.objects.get(code="WggOth").pillar is None
