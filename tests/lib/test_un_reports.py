"""The UN monthly reports' reader on small PDFs written here, in the layout of 2021-02..2025-06.

Each PDF is rendered by WeasyPrint from a table whose rows pdfium gives back as the text lines of a
real report ("Benin Individual Police 2 0 2", "Total BINUH 9 9 18"); the first test checks that.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from criticalmass.lib.un_reports.reader import fingerprint, month_in_file_name, read_report
from criticalmass.lib.un_reports.types import ReportError, Where

TITLE = ["Contribution of Uniformed Personnel to UN", "by Mission, Country, and Personnel Type",
         "Experts on Mission, Formed Police Units, Individual Police, Staff Officer, and Troops"]
HEADER = ["Mission", "Country", "Personnel Type", "Male", "Female", "Total"]
BINUH = [["BINUH"],
         ["", "Benin", "Individual Police", "2", "0", "2"],
         ["", "Ghana", "Experts on Mission", "3", "6", "9"],
         ["", "", "Staff Officer", "4", "3", "7"],
         ["Total BINUH", "", "", "9", "9", "18"]]
GRAND_TOTAL = [["Grand Total", "", "", "9", "9", "18"]]


def render(path: Path, title: list[str], rows: list[list[str]]) -> Path:
    from weasyprint import HTML  # loads Pango: only these tests need it

    lines = "".join(f"<p>{line}</p>" for line in title)
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    HTML(string=f"<html><head><style>@page {{ size: A4; margin: 1cm }} body {{ font: 9pt sans-serif }} "
                f"p {{ margin: 0 }} td {{ padding: 1px 8px }}</style></head><body>{lines}"
                f"<table>{cells}</table></body></html>").write_pdf(path)
    return path


def report_pdf(tmp_path: Path, rows: list[list[str]], as_of: str | None = "As of: 30/06/2025",
               name: str = "UN_country_contributions_2025_06.pdf") -> Path:
    title = TITLE + ([as_of] if as_of else [])
    return render(tmp_path / name, title, [HEADER, *rows])


def test_it_renders_rows_that_pdfium_reads_back_as_the_reports_lines(tmp_path):
    path = report_pdf(tmp_path, BINUH + GRAND_TOTAL)
    text = pdfium.PdfDocument(path)[0].get_textpage().get_text_range().splitlines()
    assert text[3:] == ["As of: 30/06/2025", "Mission Country Personnel Type Male Female Total", "BINUH",
                        "Benin Individual Police 2 0 2", "Ghana Experts on Mission 3 6 9",
                        "Staff Officer 4 3 7", "Total BINUH 9 9 18", "Grand Total 9 9 18"]


def test_it_reads_rows_checks_totals_and_takes_the_printed_month(tmp_path):
    report = read_report(report_pdf(tmp_path, BINUH + GRAND_TOTAL))
    assert (report.month, report.layout, report.has_missions) == (dt.date(2025, 6, 30), "by-mission-2021",
                                                                   True)
    read = [(row.mission, row.country_iso3, row.personnel, row.male, row.female, row.total)
            for row in report.rows]
    assert read == [("BINUH", "BEN", "individual_police", 2, 0, 2),
                    ("BINUH", "GHA", "experts_on_mission", 3, 6, 9),
                    ("BINUH", "GHA", "staff_officers", 4, 3, 7)]
    assert report.rows[2].where == Where(1, 9)
    assert report.totals_checked == 3 + 2  # male + female = total in three rows; two printed totals
    assert report.has_staff_officers and report.notes == ()
    assert report.fingerprint == fingerprint(list(reversed(report.rows)))


def test_it_refuses_a_wrong_printed_total_naming_page_and_line(tmp_path):
    rows = BINUH[:-1] + [["Total BINUH", "", "", "9", "9", "19"]] + GRAND_TOTAL
    with pytest.raises(ReportError) as refused:
        read_report(report_pdf(tmp_path, rows))
    assert refused.value.where == Where(1, 10)
    assert refused.value.message == ("the printed total of BINUH (male 9, female 9, total 19) differs from "
                                     "the sum of its rows (male 9, female 9, total 18)")


def test_it_refuses_a_row_whose_male_and_female_do_not_make_its_total(tmp_path):
    rows = [BINUH[0], ["", "Benin", "Individual Police", "2", "1", "2"], *BINUH[2:]] + GRAND_TOTAL
    with pytest.raises(ReportError, match=r"male 2 \+ female 1 = 3, but the row prints total 2") as refused:
        read_report(report_pdf(tmp_path, rows))
    assert refused.value.where == Where(1, 7)


def test_it_refuses_an_unknown_country_naming_it_and_its_line(tmp_path):
    rows = [BINUH[0], ["", "Atlantis", "Individual Police", "2", "0", "2"], *BINUH[2:]] + GRAND_TOTAL
    with pytest.raises(ReportError, match="unknown country 'Atlantis'") as refused:
        read_report(report_pdf(tmp_path, rows))
    assert refused.value.where == Where(1, 7)


def test_it_refuses_an_unknown_personnel_type(tmp_path):
    rows = [BINUH[0], ["", "Benin", "Police Advisers", "2", "0", "2"], *BINUH[2:]] + GRAND_TOTAL
    with pytest.raises(ReportError, match="unknown personnel type in 'Benin Police Advisers'") as refused:
        read_report(report_pdf(tmp_path, rows))
    assert refused.value.where == Where(1, 7)


def test_it_refuses_a_report_without_a_printed_date(tmp_path):
    with pytest.raises(ReportError, match="no printed date"):
        read_report(report_pdf(tmp_path, BINUH + GRAND_TOTAL, as_of=None))


def test_it_refuses_a_report_without_gender_columns(tmp_path):
    title = ["Contribution of Uniformed Personnel to UN", "by Country and Personnel Type",
             "As of : 30/09/2023"]
    rows = [["Country", "Experts on Mission", "Formed Police Units", "Individual Police", "Staff Officer",
             "Troops", "Total", "End Date"],
            ["Bangladesh", "56", "333", "37", "152", "6378", "6956", "30/09/2023"]]
    with pytest.raises(ReportError, match="this report has no gender split"):
        read_report(render(tmp_path / "summary.pdf", title, rows))


def test_it_reads_labels_wrapped_after_their_figures(tmp_path):
    rows = [BINUH[0], ["", "Benin", "", "2", "0", "2"], ["", "", "Individual Police"],
            ["", "Ghana", "Experts on", "3", "6", "9"], ["", "", "Mission"], BINUH[3], BINUH[4], *GRAND_TOTAL]
    report = read_report(report_pdf(tmp_path, rows))
    assert [(row.country_iso3, row.personnel, row.total) for row in report.rows] == [
        ("BEN", "individual_police", 2), ("GHA", "experts_on_mission", 9), ("GHA", "staff_officers", 7)]


def test_it_notes_a_file_name_that_claims_another_month(tmp_path):
    path = report_pdf(tmp_path, BINUH + GRAND_TOTAL, name="UN_country_contributions_2020_06.pdf")
    report = read_report(path)
    assert report.month == dt.date(2025, 6, 30)
    assert [(note.kind, note.message) for note in report.notes] == [
        ("file-name-month-differs", "the file name says 2020-06, the report itself 2025-06")]


def test_it_keeps_all_women_troops_as_printed_with_a_note(tmp_path):
    rows = [["UNMISS"], ["", "Rwanda", "Troops", "0", "150", "150"],
            ["Total UNMISS", "", "", "0", "150", "150"], ["Grand Total", "", "", "0", "150", "150"]]
    report = read_report(report_pdf(tmp_path, rows))
    assert (report.rows[0].male, report.rows[0].female) == (0, 150)
    assert [note.kind for note in report.notes] == ["gender-split-suspect"]


def test_it_reads_the_month_a_file_name_claims():
    assert month_in_file_name(Path("UN_country_contributions_2020_02.pdf")) == dt.date(2020, 2, 29)
    assert month_in_file_name(Path("UN_country_contributions_2020_13.pdf")) is None
    assert month_in_file_name(Path("report.pdf")) is None
