"""A share above 100% or a count below zero refuses the file, naming line and column; nothing is saved."""

from __future__ import annotations

import pytest

from criticalmass.core.models import DataNote, Source
from criticalmass.importers import padd, peacekeeping_gender
from criticalmass.lib.csvread import RowError
from criticalmass.parity.models import Observation
from tests.importers.helpers import PADD, PEACEKEEPING, edited, snapshot


def fifty_women_of_36(tmp_path):
    """AgtId 101 with 36 delegates of whom 50 women (roles kept within 36)."""
    path = edited(PADD / "good.csv", tmp_path / "fifty.csv", 2, "Del_N", "36")
    return edited(path, path, 2, "FemDel_N", "50")


def test_it_refuses_a_padd_file_with_50_women_out_of_36(db, tmp_path):
    with pytest.raises(RowError) as error:
        padd.import_file(fifty_women_of_36(tmp_path))
    assert (error.value.file, error.value.line, error.value.column) == ("fifty.csv", 2, "FemDel_N")
    assert str(error.value) == ("fifty.csv, line 2, column 'FemDel_N': 50 women out of 36 (Del_N): more "
                                "women than delegates cannot be; nothing was imported")


def test_it_leaves_the_database_unchanged_when_it_refuses(db, tmp_path):
    padd.import_file(PADD / "good.csv")
    before, notes = snapshot(), DataNote.objects.count()
    with pytest.raises(RowError):
        padd.import_file(fifty_women_of_36(tmp_path))
    assert snapshot() == before and DataNote.objects.count() == notes


def test_it_refuses_a_role_with_more_delegates_than_all(db, tmp_path):
    path = edited(PADD / "good.csv", tmp_path / "role.csv", 3, "Sig_N", "11")
    with pytest.raises(RowError) as error:
        padd.import_file(path)
    assert (error.value.line, error.value.column) == (3, "Sig_N")
    assert "11 is more than Del_N (10)" in str(error.value)
    assert not Source.objects.filter(slug="padd").exists()


def test_it_refuses_a_negative_padd_count(db, tmp_path):
    path = edited(PADD / "good.csv", tmp_path / "negative.csv", 2, "FemNeg_N", "-1")
    with pytest.raises(RowError) as error:
        padd.import_file(path)
    assert (error.value.column, error.value.problem) == ("FemNeg_N", "'-1' is negative; a count cannot be")
    assert Observation.objects.count() == 0


def test_it_refuses_a_peacekeeping_row_with_more_women_than_its_total(db, tmp_path):
    path = edited(PEACEKEEPING / "good.csv", tmp_path / "women.csv", 2, "Individual Police Female", "50")
    with pytest.raises(RowError) as error:
        peacekeeping_gender.import_file(path)
    assert (error.value.line, error.value.column) == (2, "Individual Police Female")
    assert "50 out of a Total of 15" in error.value.problem
    assert Observation.objects.count() == 0


def test_it_refuses_a_peacekeeping_category_above_the_rows_total(db, tmp_path):
    path = edited(PEACEKEEPING / "good.csv", tmp_path / "category.csv", 2, "Troops Male", "900")
    path = edited(path, path, 2, "Troops Total", "950")
    with pytest.raises(RowError) as error:
        peacekeeping_gender.import_file(path)
    assert (error.value.column, error.value.problem) == (
        "Troops Total", "950 is more than Total Total (869): a category cannot count more than all; "
                        "nothing was imported")


def test_it_refuses_a_negative_peacekeeping_count(db, tmp_path):
    path = edited(PEACEKEEPING / "good.csv", tmp_path / "negative.csv", 3, "Troops Female", "-2")
    with pytest.raises(RowError, match="negative"):
        peacekeeping_gender.import_file(path)
    assert not Source.objects.exists()
