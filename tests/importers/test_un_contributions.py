"""`un-contributions`: the UN's monthly reports (as lib.un_reports reads them) in the peacekeeping series."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.core.models import DataNote, Source
from criticalmass.importers import peacekeeping_gender
from criticalmass.lib.un_reports.types import ReportError, ReportNote, Where
from criticalmass.parity import queries
from criticalmass.parity.models import Category, Observation, Process
from criticalmass.parity.report_months import SERIES_SUBJECT
from tests.importers.helpers import PEACEKEEPING, snapshot
from tests.importers.un_reports_helpers import Reports, at, file_name, june_2016, report, row


@pytest.fixture
def reports(db, tmp_path) -> Reports:
    return Reports(tmp_path)


def notes() -> list[tuple[str, str, str, str]]:
    return sorted(DataNote.objects.values_list("source__slug", "kind", "subject", "message"))


def test_it_stores_each_row_as_an_observation_of_its_personnel_type(reports, observation):
    reports.add(file_name(2016, 6), june_2016())
    summary = reports.import_()
    troops = observation("unmiss", "2016-06-30", "troops", "GHA")
    assert (troops.women, troops.men, troops.unknown, troops.total) == (50, 800, None, 850)
    assert troops.source.slug == "un-dpo-contributions-2016-06"
    assert troops.source_row == 1010  # page 1, line 10
    assert summary.created == 4 + 3  # four rows, and a total for each of three mission x country
    assert summary.refused_files == [] and summary.left_out_files == []


def test_it_stores_the_sum_of_a_mission_and_countrys_types_as_all_uniformed_personnel(reports, observation):
    reports.add(file_name(2016, 6), june_2016())
    reports.import_()
    total = observation("unmiss", "2016-06-30", "total", "GHA")
    assert (total.women, total.men, total.total) == (55, 810, 865)


def test_it_makes_one_default_source_per_report_month(reports):
    reports.add(file_name(2016, 6), june_2016())
    reports.add(file_name(2016, 7), report(2016, 7, [row("UNMISS", "GHA", "troops", 700, 40)]))
    reports.import_()
    found = Source.objects.filter(slug__startswith="un-dpo-").order_by("slug")
    assert [(s.slug, s.is_default, s.coverage) for s in found] == [
        ("un-dpo-contributions-2016-06", True, "Jun 2016 to Jun 2016"),
        ("un-dpo-contributions-2016-07", True, "Jul 2016 to Jul 2016"),
    ]
    assert "monthly report, July 2016." in found[1].citation


def test_it_names_a_mission_the_registry_lacks_after_its_code_with_a_warning(reports):
    reports.add(file_name(2016, 6), report(2016, 6, [row("UNXYZ", "GHA", "troops", 10, 1, line=4)]))
    summary = reports.import_()
    assert Process.objects.get(slug="unxyz").name == "UNXYZ"
    assert [w.kind for w in summary.warnings] == ["unknown-mission"]
    assert summary.warnings[0].line == 1004


def test_it_names_a_new_mission_from_the_registry_and_keeps_a_start_date_stored_before(reports):
    Process.objects.create(slug="minusca", code="MINUSCA", name="MINUSCA", kind=Process.Kind.OPERATION,
                           start_date=at("2014-04-01"))
    reports.add(file_name(2016, 6), june_2016())
    reports.import_()
    minusca = Process.objects.get(slug="minusca")
    assert minusca.name.startswith("United Nations Multidimensional Integrated Stabilization Mission")
    assert (minusca.host_country_id, minusca.start_date) == ("CAF", at("2014-04-01"))


def test_it_notes_the_first_month_staff_officers_are_their_own_category(reports):
    reports.add(file_name(2016, 10), report(2016, 10, [row("UNMISS", "GHA", "troops", 800, 50)]))
    reports.add(file_name(2016, 11), report(2016, 11, [row("UNMISS", "GHA", "troops", 780, 48),
                                                       row("UNMISS", "GHA", "staff_officers", 20, 2, 11)]))
    reports.add(file_name(2016, 12), report(2016, 12, [row("UNMISS", "GHA", "staff_officers", 20, 3)]))
    reports.import_()
    found = [note for note in notes() if note[1] == "staff-officers-category"]
    assert found == [("un-dpo-contributions-2016-11", "staff-officers-category", SERIES_SUBJECT,
                      "From November 2016 the UN counts staff officers as their own category; before, they "
                      "are inside troops or experts on mission")]


def test_it_shows_staff_officers_in_the_operations_series(reports):
    reports.add(file_name(2016, 11), report(2016, 11, [row("UNMISS", "GHA", "staff_officers", 20, 5)]))
    reports.import_()
    series = queries.cited_series()
    assert [(p.date, p.women, p.total) for p in series.by_key[Category.STAFF_OFFICERS]] == [
        (at("2016-11-30"), 5, 25)]


def test_it_counts_a_month_without_missions_in_one_all_operations_process(reports):
    reports.add(file_name(2018, 6), report(2018, 6, [row(None, "GHA", "troops", 700, 60),
                                                     row(None, "NPL", "troops", 300, 10, line=11)]))
    reports.import_()
    aggregate = Process.objects.get(slug="un-all-operations")
    assert aggregate.kind == Process.Kind.ALL_OPERATIONS
    assert Observation.objects.filter(process=aggregate, role="total").count() == 2
    overall = queries.cited_series().by_key[Category.TOTAL]
    assert [(p.women, p.total) for p in overall] == [(70, 1070)]
    ghana = queries.cited_series(country="GHA").by_key[Category.TOTAL]
    assert [(p.women, p.total) for p in ghana] == [(60, 760)]
    assert list(queries.operations_with_data()) == []  # never a mission in lists and rankings


def test_it_notes_a_printed_month_that_contradicts_the_files_name(reports):
    reports.add(file_name(2016, 3), june_2016())
    summary = reports.import_()
    assert Source.objects.get(slug="un-dpo-contributions-2016-06").file == file_name(2016, 3)
    name = file_name(2016, 3)
    assert [(w.kind, w.message) for w in summary.warnings] == [(
        "file-name-month-differs",
        f"{name}: {name} is named for March 2016 but the report prints June 2016; "
        "imported as the printed month")]


def test_it_leaves_out_a_file_whose_content_duplicates_another_and_imports_the_well_named_one(reports):
    june = june_2016()
    reports.add(file_name(2016, 5), june)  # a copy of June named May: read first, imported second
    reports.add(file_name(2016, 6), june)
    summary = reports.import_()
    assert Source.objects.get(slug="un-dpo-contributions-2016-06").file == file_name(2016, 6)
    assert summary.left_out_files == [
        f"{file_name(2016, 5)}: its content is the same as {file_name(2016, 6)} (June 2016), already "
        "imported; nothing imported from this file"]
    assert summary.refused_files == []


def test_it_leaves_out_a_duplicate_of_a_file_imported_in_an_earlier_run(reports):
    reports.add(file_name(2016, 6), june_2016())
    reports.import_()
    before = snapshot()
    copy = reports.add("copy_of_june.pdf", june_2016())
    summary = reports.import_(copy)
    assert len(summary.left_out_files) == 1 and summary.created == 0
    assert snapshot() == before


def test_it_refuses_a_second_file_printing_a_month_already_imported_with_other_content(reports):
    reports.add(file_name(2016, 6), june_2016())
    reports.import_()
    before = snapshot()
    other = reports.add(file_name(2020, 6), report(2016, 6, [row("UNMISS", "GHA", "troops", 1, 1)]))
    summary = reports.import_(other)
    assert summary.refused_files == [
        f"{file_name(2020, 6)}: it prints June 2016, already imported from {file_name(2016, 6)} with other "
        "content; nothing imported from this file"]
    assert snapshot() == before


def test_it_refuses_a_file_the_reader_cannot_read_naming_page_and_line_and_imports_the_others(reports):
    reports.add(file_name(2016, 6), june_2016())
    reports.add(file_name(2016, 7), ReportError("the mission total 1,234 is not the sum of its rows 1,233",
                                                Where(3, 41)))
    summary = reports.import_()
    assert summary.refused_files == [
        f"{file_name(2016, 7)}: the mission total 1,234 is not the sum of its rows 1,233 (page 3, line 41); "
        "nothing imported from this file"]
    assert Source.objects.filter(slug__startswith="un-dpo-").count() == 1


def test_a_refused_file_changes_nothing(reports):
    reports.add(file_name(2016, 6), june_2016())
    reports.import_()
    before, notes_before = snapshot(), notes()
    broken = reports.add(file_name(2016, 7), ReportError("no table found", Where(1, 1)))
    summary = reports.import_(broken)
    assert len(summary.refused_files) == 1
    assert (snapshot(), notes()) == (before, notes_before)


def test_a_second_run_changes_nothing(reports):
    reports.add(file_name(2016, 6), june_2016())
    reports.add(file_name(2016, 11), report(2016, 11, [row("UNMISS", "GHA", "staff_officers", 20, 2)]))
    reports.add(file_name(2018, 6), report(2018, 6, [row(None, "GHA", "troops", 700, 60)]))
    reports.import_()
    observations = snapshot()["observations"]
    notes_before = notes()
    summary = reports.import_()
    assert (summary.created, summary.updated, summary.removed) == (0, 0, 0)
    assert summary.unchanged == 7 + 2 + 2
    assert snapshot()["observations"] == observations
    assert notes() == notes_before


def test_it_keeps_a_suspect_gender_split_as_published_with_a_note_on_its_observation(reports, observation):
    suspect = ReportNote("gender-split-suspect", "718 Moroccan troops in UNOCI listed as female",
                         Where(2, 7))
    reports.add(file_name(2016, 1), report(2016, 1, [row("UNOCI", "MAR", "troops", 0, 718, line=7, page=2)],
                                           notes=[suspect]))
    reports.import_()
    assert observation("unoci", "2016-01-31", "troops", "MAR").women == 718
    assert notes() == [("un-dpo-contributions-2016-01", "gender-split-suspect",
                        "observation:unoci/2016-01-31/troops/MAR",
                        "January 2016: 718 Moroccan troops in UNOCI listed as female (page 2, line 7)")]


def test_a_suspect_gender_split_of_a_whole_month_is_a_note_on_the_series(reports):
    suspect = ReportNote("gender-split-suspect", "troops shown as female with male = 0 in several missions")
    rows = [row("UNMISS", "GHA", "troops", 0, 800)]
    reports.add(file_name(2020, 8), report(2020, 8, rows, notes=[suspect]))
    reports.import_()
    assert [(n[1], n[2]) for n in notes()] == [("gender-split-suspect", SERIES_SUBJECT)]


# ---- The UN's report and IPI's copy of a month ---------------------------------------------

def ipi_january_2013() -> None:
    """IPI's Gender.Full.csv fixture: January and February 2013 (UNMISS, UNMIL)."""
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")


def test_it_counts_the_uns_report_and_not_ipis_for_a_month_both_have(reports):
    ipi_january_2013()
    ipi_months = {p.date for p in queries.cited_series().by_key[Category.TOTAL]}
    reports.add(file_name(2013, 1), report(2013, 1, [row("UNMISS", "GHA", "troops", 900, 90)]))
    summary = reports.import_()
    assert summary.refused_files == []  # the overlap is not a clash: the rule decides
    overall = {p.date: (p.women, p.total) for p in queries.cited_series().by_key[Category.TOTAL]}
    assert overall[at("2013-01-31")] == (90, 990)  # the UN's, IPI's January left out
    assert set(overall) == ipi_months  # IPI's other months still counted
    january = queries.counted().filter(date=at("2013-01-31"))
    counted_sources = set(january.values_list("source__slug", flat=True))
    assert counted_sources == {"un-dpo-contributions-2013-01"}


def test_ipi_re_imported_after_the_uns_report_of_a_month_is_not_refused(reports):
    reports.add(file_name(2013, 1), report(2013, 1, [row("UNMISS", "GHA", "troops", 900, 90)]))
    reports.import_()
    summary = peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")
    assert summary.created > 0
    assert queries.cited_series().by_key[Category.TOTAL][0].total == 990


# ---- Where the notes are shown ---------------------------------------------------------------

def test_a_suspect_gender_split_is_shown_on_its_missions_page(client, reports):
    suspect = ReportNote("gender-split-suspect", "718 Moroccan troops in UNOCI listed as female", Where(2, 7))
    reports.add(file_name(2016, 1), report(2016, 1, [row("UNOCI", "MAR", "troops", 0, 718, line=7, page=2)],
                                           notes=[suspect]))
    reports.import_()
    body = client.get("/missions/unoci/").content.decode()
    assert "January 2016: 718 Moroccan troops in UNOCI listed as female (page 2, line 7)" in body


def test_the_staff_officers_note_is_shown_on_the_dashboard_and_country_pages(client, reports):
    reports.add(file_name(2016, 11), report(2016, 11, [row("UNMISS", "GHA", "staff_officers", 20, 5)]))
    reports.import_()
    said = "From November 2016 the UN counts staff officers as their own category"
    assert said in client.get("/").content.decode()
    assert said in client.get("/countries/GHA/").content.decode()
    assert said in client.get("/missions/unmiss/").content.decode()


# ---- The commands ------------------------------------------------------------------------------

def test_import_all_imports_the_folder_and_lists_a_file_that_is_no_report(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    folder = tmp_path / "un_pko_contributions_2015_2025"
    folder.mkdir()
    (folder / "not_a_report.pdf").write_bytes(b"this is not a PDF")
    out = io.StringIO()
    call_command("import_all", "--quiet", stdout=out, stderr=io.StringIO())  # the other datasets go on
    assert "un-contributions: imported un_pko_contributions_2015_2025/ (1 PDF files)" in out.getvalue()
    assert "  refused: 1" in out.getvalue()
    assert "not_a_report.pdf: " in out.getvalue() and "nothing imported from this file" in out.getvalue()
    assert not Source.objects.filter(slug__startswith="un-dpo-").exists()


def test_import_of_the_folder_alone_fails_naming_the_refused_file(db, tmp_path):
    (tmp_path / "not_a_report.pdf").write_bytes(b"this is not a PDF")
    with pytest.raises(CommandError) as error:
        call_command("import", "un-contributions", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    assert "un-contributions: 1 file(s) refused" in str(error.value)
    assert "not_a_report.pdf: " in str(error.value)


def test_import_takes_several_files_only_for_a_dataset_that_takes_them(db, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(b"x")
    second.write_bytes(b"y")
    with pytest.raises(CommandError) as error:
        call_command("import", "padd", str(first), str(second), stdout=io.StringIO(), stderr=io.StringIO())
    assert str(error.value) == "padd imports one file at a time"
    with pytest.raises(CommandError) as error:
        call_command("import", "un-contributions", str(tmp_path / "absent"), stdout=io.StringIO())
    assert str(error.value) == f"{tmp_path / 'absent'}: no such file or folder"


def test_the_age_banner_names_the_uns_monthly_reports_once_with_their_span(client, reports):
    reports.add(file_name(2016, 6), june_2016())
    reports.add(file_name(2016, 7), report(2016, 7, [row("UNMISS", "GHA", "troops", 700, 40)]))
    reports.import_()
    body = client.get("/").content.decode()
    assert "UN DPO monthly reports of uniformed personnel, Jun 2016 – Jul 2016" in body
    assert "June 2016, Jun 2016 – Jun 2016" not in body  # not a source a month
