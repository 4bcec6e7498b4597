"""Importing pax_all_agreements_v10.csv: agreements, their processes and countries."""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.agreements.models import Agreement
from criticalmass.core.models import AuditEvent, Source
from criticalmass.importers.pax import import_file
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.parity.models import Process
from tests.importers.pax_helpers import PAX, edit_cell, snapshot

GOOD = PAX / "good.csv"


def test_it_imports_every_agreement(db):
    summary = import_file(GOOD)
    assert (summary.rows_read, summary.created, summary.updated, summary.unchanged) == (6, 6, 0, 0)
    assert summary.warnings == [] and summary.unit == "agreements"
    assert sorted(Agreement.objects.values_list("pax_id", flat=True)) == [101, 102, 103, 104, 105, 106]


def test_it_keeps_what_pax_says_about_an_agreement(db):
    import_file(GOOD)
    agreement = Agreement.objects.get(pax_id=102)
    assert agreement.name == "Testland Implementation Protocol"
    assert agreement.date == dt.date(2003, 7, 15)
    assert (agreement.region, agreement.stage, agreement.substage, agreement.agreement_type) == (
        "Africa (excl MENA)", "Imp", "ImpMod", "Intra")
    assert agreement.gender_provisions is True
    assert (agreement.source, agreement.source_row) == (Source.objects.get(slug="pax"), 3)


def test_it_numbers_rows_by_the_line_they_start_on_when_a_cell_spans_lines(db):
    import_file(GOOD)  # AgtId 105's parties span lines 6 and 7
    parties = Agreement.objects.get(pax_id=105).parties
    assert parties == "Government of Otherland,\nOtherland People's Movement"
    assert Agreement.objects.get(pax_id=106).source_row == 8


def test_it_makes_one_negotiation_process_per_pax_process(db):
    import_file(GOOD)
    testland = Process.objects.get(slug="pax-7")
    assert (testland.name, testland.kind, testland.host_country_id) == (
        "Testland peace process", "negotiation", "SSD")
    assert sorted(testland.agreements.values_list("pax_id", flat=True)) == [101, 102]
    assert Process.objects.filter(slug__startswith="pax-").count() == 3


def test_it_gives_a_process_no_host_when_its_agreements_name_different_countries(db, tmp_path):
    import_file(edit_cell(GOOD, tmp_path / "hosts.csv", "102", "Loc1ISO", "NPL"))
    assert Process.objects.get(slug="pax-7").host_country_id is None
    assert Process.objects.get(slug="pax-20").host_country_id == "ARG"


def test_it_links_each_agreement_to_its_countries(db):
    import_file(GOOD)
    assert set(Agreement.objects.get(pax_id=103).countries.values_list("iso3", flat=True)) == {"NPL", "IND"}
    assert set(Agreement.objects.get(pax_id=106).countries.values_list("iso3", flat=True)) == {"ARG", "GBR"}


def test_it_adds_nothing_when_the_same_file_is_imported_twice(db):
    import_file(GOOD)
    before = snapshot()
    summary = import_file(GOOD)
    assert (summary.created, summary.updated, summary.unchanged, summary.removed) == (0, 0, 6, 0)
    after = snapshot()
    assert after["agreements"] == before["agreements"] and after["countries"] == before["countries"]
    assert after["processes"] == before["processes"]


def test_it_updates_changed_agreements_and_removes_withdrawn_ones(db):
    import_file(GOOD)
    summary = import_file(PAX / "updated.csv")
    assert (summary.created, summary.updated, summary.unchanged, summary.removed) == (0, 3, 2, 1)
    assert Agreement.objects.get(pax_id=102).name == "Testland Implementation Protocol (revised)"
    assert Agreement.objects.get(pax_id=104).gender_provisions is True
    assert list(Agreement.objects.get(pax_id=103).countries.values_list("iso3", flat=True)) == ["NPL"]
    assert not Agreement.objects.filter(pax_id=106).exists()


def test_it_warns_about_a_country_code_it_does_not_know_and_keeps_the_agreement(db, tmp_path):
    path = edit_cell(GOOD, tmp_path / "country.csv", "103", "Loc2ISO", "XQZ")
    summary = import_file(path)
    assert summary.warnings == [(4, "AgtId 103: 'XQZ' is not a known ISO 3166-1 alpha-3 country code; "
                                    "the agreement is kept without it")]
    assert list(Agreement.objects.get(pax_id=103).countries.values_list("iso3", flat=True)) == ["NPL"]


def test_it_warns_about_a_repeated_agreement_and_keeps_the_first(db, tmp_path):
    lines = GOOD.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "twice.csv"
    path.write_text("\n".join([*lines, lines[1].replace("Testland Framework Agreement", "Copy")]) + "\n",
                    encoding="utf-8")
    summary = import_file(path)
    assert summary.warnings == [(9, "AgtId 101 is also on line 2; line 2 is kept, this line is left out")]
    assert Agreement.objects.get(pax_id=101).name == "Testland Framework Agreement"


def test_it_warns_when_a_process_has_two_names(db, tmp_path):
    path = edit_cell(GOOD, tmp_path / "names.csv", "102", "PPName", "Testland talks")
    summary = import_file(path)
    assert summary.warnings == [(3, "PP 7 is named 'Testland talks' here but 'Testland peace process' on "
                                    "line 2; the first name is kept")]


def test_it_names_the_missing_columns_of_a_file_in_another_format(db):
    with pytest.raises(FormatError) as error:
        import_file(PAX / "wrong_columns.csv")
    assert str(error.value) == ("wrong_columns.csv is not in the expected format; "
                                "missing columns: 'GeWom', 'PPName'")
    assert not Agreement.objects.exists() and not Source.objects.filter(slug="pax").exists()


@pytest.mark.parametrize(("column", "value", "problem"), [
    ("GeWom", "yes", "'yes' is not a PA-X code; 0 or 1 is needed"),
    ("Dat", "15/07/2003", "'15/07/2003' is not a date (YYYY-MM-DD)"),
    ("AgtId", "x", "'x' is not a whole number"),
    ("Agt", "", "is empty"),
])
def test_it_refuses_a_bad_cell_naming_line_and_column_and_changes_nothing(db, tmp_path, column, value,
                                                                          problem):
    import_file(GOOD)
    before = snapshot()
    path = edit_cell(GOOD, tmp_path / "bad.csv", "102", column, value)
    with pytest.raises(RowError) as error:
        import_file(path)
    assert str(error.value) == f"bad.csv, line 3, column {column!r}: {problem}"
    assert snapshot() == before


def test_it_records_the_import_in_the_audit_log(db):
    import_file(GOOD)
    event = AuditEvent.objects.get(action="import", target="pax")
    assert event.detail["created"] == 6 and event.detail["file"] == "good.csv"
