"""IPI's other layout of the contributor x mission x month file: read, checked, and equal to the first."""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.importers.peacekeeping_gender import import_file
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.parity.models import Observation
from tests.importers.helpers import PEACEKEEPING, edited, snapshot

GOOD = PEACEKEEPING / "good.csv"
OTHER = PEACEKEEPING / "other_layout.csv"


def figures(until: str | None = None, source: str | None = None) -> list[tuple[object, ...]]:
    """Every observation's numbers, without the line it came from (the layouts differ in lines)."""
    qs = Observation.objects.all() if source is None else Observation.objects.filter(source__slug=source)
    if until is not None:
        qs = qs.filter(date__lte=until)
    return sorted(qs.values_list("process__slug", "date", "role", "contributing_country_id",
                                 "women", "men", "unknown", "total"))


def test_it_gives_the_same_figures_for_the_months_both_layouts_describe(db):
    import_file(GOOD)
    first = figures()
    import_file(OTHER)
    assert figures(until="2013-02-28") == first


def test_it_adds_the_months_only_the_other_layout_has(db):
    import_file(GOOD)
    import_file(OTHER)
    march = Observation.objects.filter(date=dt.date(2013, 3, 31))
    assert sorted(march.values_list("role", flat=True)) == [
        "experts_on_mission", "individual_police", "total", "troops",
    ]


def test_it_reads_na_as_unknown_never_zero(db, observation):
    import_file(OTHER)
    police = observation("unmiss", "2013-03-31", "individual_police", "GHA")
    assert (police.women, police.men, police.total) == (None, 12, 12)
    total = observation("unmiss", "2013-03-31", "total", "GHA")
    assert (total.women, total.men, total.total) == (None, 810, 864)


def test_it_warns_about_each_flaw_of_the_other_layout_with_its_line(db):
    summary = import_file(OTHER)
    assert summary.warnings == [
        (4, "Contributor ISO-3 \"NPL'\" has a stray apostrophe; read as 'NPL' (on 1 line, this the first)"),
        (7, "aggregate row (all missions, 2013-01-31) says Troops Female 61 where the detail rows add up "
            "to 60; aggregate rows are not stored"),
        (8, "Mission \"UNMISS'\" has a stray apostrophe; read as 'UNMISS' (on 1 line, this the first)"),
        (9, "this row is repeated exactly on 2 more lines (10, 12); the copies are left out"),
        (13, "this row is repeated exactly on 1 more line (14); the copies are left out"),
    ]


def test_it_stores_no_aggregate_row(db):
    import_file(OTHER)
    assert set(Observation.objects.values_list("contributing_country_id", flat=True)) == {"GHA", "NPL", "ALB"}
    assert set(Observation.objects.values_list("process__slug", flat=True)) == {"unmiss", "unmil"}


def test_it_checks_a_mission_aggregate_against_its_detail_rows(db, tmp_path):
    path = edited(OTHER, tmp_path / "aggregate.csv", 6, "Formed_Police_Units_Male", "99")
    summary = import_file(path)
    assert (6, "aggregate row (mission UNMIL, 2013-01-31) says Formed Police Units Male 99 where the detail "
               "rows add up to 100; aggregate rows are not stored") in summary.warnings


def test_it_counts_the_rows_read_including_copies_and_aggregates(db):
    summary = import_file(OTHER)
    assert summary.rows_read == 13


def test_it_is_idempotent_on_the_other_layout(db):
    import_file(OTHER)
    before = snapshot()
    summary = import_file(OTHER)
    assert (summary.created, summary.updated, summary.removed) == (0, 0, 0)
    assert snapshot()["observations"] == before["observations"]


def test_it_names_the_files_own_column_for_a_bad_cell_and_changes_nothing(db, tmp_path):
    import_file(GOOD)
    before = snapshot()
    path = edited(OTHER, tmp_path / "bad.csv", 9, "Troops_Female", "x")
    with pytest.raises(RowError) as error:
        import_file(path)
    assert str(error.value) == "bad.csv, line 9, column 'Troops_Female': 'x' is not a whole number"
    assert snapshot() == before


def test_it_refuses_an_empty_count_that_is_not_na(db, tmp_path):
    path = edited(OTHER, tmp_path / "empty.csv", 2, "Troops_Male", "")
    with pytest.raises(RowError, match="line 2, column 'Troops_Male': is empty"):
        import_file(path)
    assert not Observation.objects.exists()


def test_it_refuses_a_code_that_is_not_iso3_even_without_its_apostrophe(db, tmp_path):
    path = edited(OTHER, tmp_path / "code.csv", 4, "Contributor_ISO-3", "NP'")
    with pytest.raises(RowError, match="line 4, column 'Contributor_ISO-3': 'NP' is not a three-letter"):
        import_file(path)


def test_it_names_missing_columns_of_the_other_layout(db, tmp_path):
    path = tmp_path / "columns.csv"
    path.write_text(OTHER.read_text().replace("Troops_Male,", "Troops_Men,", 1))
    with pytest.raises(FormatError) as error:
        import_file(path)
    assert str(error.value) == ("columns.csv is not in the expected format; missing columns: 'Troops Male'; "
                                "unexpected columns: 'Troops Men'")


def test_it_warns_when_a_total_is_na_but_men_or_women_are_given(db, tmp_path):
    path = edited(OTHER, tmp_path / "total.csv", 11, "Individual_Police_Total", "NA")
    summary = import_file(path)
    assert (11, "Individual Police: Total is NA but Male is 1 and Female 0; no observation is stored "
                "for it") in summary.warnings
    assert not Observation.objects.filter(contributing_country="ALB", role="individual_police").exists()
