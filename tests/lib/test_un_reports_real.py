"""The UN's monthly reports of uniformed personnel under ../shared/data, one layout at a time.

The figures asserted were read off the PDFs by eye (page and line given beside each).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from criticalmass.lib.un_reports.reader import month_in_file_name, read_report
from criticalmass.lib.un_reports.types import Report, ReportError

pytestmark = pytest.mark.realdata

FOLDER = "un_pko_contributions_2015_2025"


def report_path(data_dir: Path, month: str) -> Path:
    path = data_dir / FOLDER / f"UN_country_contributions_{month}.pdf"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the UN reports are not in CRITICALMASS_DATA_DIR")
    return path


def read(data_dir: Path, month: str) -> Report:
    path = report_path(data_dir, month)
    return read_report(path, assume_month=month_in_file_name(path) if month == "2019_10" else None)


def figures(report: Report, mission: str | None, iso3: str, personnel: str) -> tuple[int, int, int]:
    [row] = [row for row in report.rows
             if (row.mission, row.country_iso3, row.personnel) == (mission, iso3, personnel)]
    return row.male, row.female, row.total


def totals(report: Report) -> tuple[int, int, int]:
    return (sum(row.male for row in report.rows), sum(row.female for row in report.rows),
            sum(row.total for row in report.rows))


def kinds(report: Report) -> list[str]:
    return [note.kind for note in report.notes]


def test_it_reads_the_2015_summary_layout(data_dir):
    report = read(data_dir, "2015_01")
    assert (report.month, report.layout, report.has_missions) == (dt.date(2015, 1, 31), "summary-2015", True)
    assert figures(report, "MINUSTAH", "ARG", "troops") == (529, 37, 566)  # page 1 line 19
    assert figures(report, "MINURSO", "ARG", "individual_police") == (0, 1, 1)  # page 1 line 14
    assert sum(row.total for row in report.rows if row.country_iso3 == "BGD") == 9436  # "Bangladesh 9,436"
    assert not report.has_staff_officers


def test_it_reads_the_2016_11_layout_whose_figures_pdfium_gives_out_of_order(data_dir):
    report = read(data_dir, "2016_11")
    assert (report.month, report.layout) == (dt.date(2016, 11, 30), "mission-detail-2016")
    assert figures(report, "MINUSTAH", "ARG", "troops") == (48, 25, 73)
    assert figures(report, "MINUSTAH", "ARG", "individual_police") == (15, 0, 15)
    assert totals(report)[2] == 100_851  # "Grand Total 100,851"


def test_it_reads_the_2017_country_mission_and_post_layout(data_dir):
    report = read(data_dir, "2017_05")
    assert (report.month, report.layout, report.has_staff_officers) == (dt.date(2017, 5, 31),
                                                                       "mission-post-2017", True)
    assert figures(report, "UNFICYP", "ARG", "staff_officers") == (11, 1, 12)  # page 1 line 17
    assert totals(report) == (92_520, 4_097, 96_617)  # "Grand Total 92,520 4097 96,617"


def test_it_reads_the_2018_layout_without_missions(data_dir):
    report = read(data_dir, "2018_03")
    assert (report.month, report.layout, report.has_missions) == (dt.date(2018, 3, 31), "country-post-2018",
                                                                   False)
    assert figures(report, None, "ARG", "staff_officers") == (10, 4, 14)  # "10 4 14 Staff Officer"
    assert totals(report) == (86_723, 4_335, 91_058)  # "Total 86,723 4,335 91,058"


def test_it_reads_the_flat_dump_and_completes_its_cut_names(data_dir):
    report = read(data_dir, "2019_09")
    assert (report.month, report.layout) == (dt.date(2019, 9, 30), "flat")
    assert figures(report, "MINUSMA", "CIV", "individual_police") == (15, 13, 28)
    assert figures(report, "UNIFIL", "KOR", "troops") == (308, 19, 327)  # printed "Republic of"
    completed = [note.message for note in report.notes if note.kind == "name-completed"]
    assert "the country printed 'Republic of' is 'Republic of Korea'" in completed
    assert read(data_dir, "2024_10").month == dt.date(2024, 10, 31)


def test_it_reads_the_wide_2019_10_layout_only_with_a_month_given(data_dir):
    report = read(data_dir, "2019_10")
    assert (report.month, report.layout) == (dt.date(2019, 10, 31), "wide-2019")
    assert figures(report, "UNFICYP", "ARG", "troops") == (211, 23, 234)  # page 1 line 13
    assert figures(report, "UNFICYP", "ARG", "staff_officers") == (6, 3, 9)
    assert sum(row.female for row in report.rows if row.personnel == "experts_on_mission") == 216
    assert kinds(report) == ["month-from-file-name"]
    with pytest.raises(ReportError, match="prints no date"):
        read_report(report_path(data_dir, "2019_10"))


def test_it_reads_the_2019_11_to_2020_12_layouts(data_dir):
    report = read(data_dir, "2019_11")
    assert (report.month, report.layout) == (dt.date(2019, 11, 30), "by-mission-2019")
    assert figures(report, "BINUH", "CAN", "individual_police") == (0, 4, 4)  # labels after the figures
    assert figures(report, "MINUSCA", "TZA", "troops") == (431, 19, 450)  # name wrapped over two lines
    assert totals(read(data_dir, "2019_12")) == (78_021, 5_310, 83_331)  # "1017 78021 5310 83331"


def test_it_keeps_the_2020_08_women_troops_as_printed_with_a_note(data_dir):
    report = read(data_dir, "2020_08")
    assert totals(report) == (40_637, 41_183, 81_820)
    [note] = [note for note in report.notes if note.kind == "gender-split-suspect"]
    assert note.message.startswith("43 rows of troops or staff officers (37429 people)")
    moroccans = read(data_dir, "2016_01")
    assert figures(moroccans, "UNOCI", "MAR", "troops") == (0, 718, 718)
    assert "gender-split-suspect" in kinds(moroccans)


def test_it_reads_the_2021_to_2025_layout(data_dir):
    report = read(data_dir, "2025_06")
    assert (report.month, report.layout) == (dt.date(2025, 6, 30), "by-mission-2021")
    assert totals(report) == (55_118, 6_181, 61_299)  # "Grand Total 55118 6181 61299"
    assert report.notes == ()


def test_it_reads_the_2022_09_report_from_text_positions(data_dir):
    report = read(data_dir, "2022_09")
    assert report.month == dt.date(2022, 9, 30)
    assert figures(report, "MINUSCA", "BGD", "troops") == (1259, 107, 1366)  # a merged country cell
    assert figures(report, "BINUH", "USA", "individual_police") == (1, 0, 1)
    assert report.notes == ()


def test_it_reads_the_whole_folder_with_months_as_printed(data_dir):
    folder = data_dir / FOLDER
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the UN reports are not in CRITICALMASS_DATA_DIR")
    started = time.perf_counter()
    reports: dict[str, Report] = {}
    refused: dict[str, str] = {}
    for path in sorted(folder.glob("*.pdf")):
        try:
            reports[path.stem[-7:]] = read_report(path, assume_month=month_in_file_name(path)
                                                  if path.stem.endswith("2019_10") else None)
        except ReportError as error:
            refused[path.stem[-7:]] = error.message
    seconds = time.perf_counter() - started
    print(f"\n{len(reports)} UN reports read in {seconds:.1f} s, "
          f"{sum(report.totals_checked for report in reports.values())} totals checked")
    assert len(reports) + len(refused) == 123
    assert list(refused) == ["2023_09"] and refused["2023_09"].startswith("this report has no gender split")
    assert reports["2015_03"].month == dt.date(2015, 4, 30)
    assert reports["2015_03"].fingerprint == reports["2015_04"].fingerprint
    assert reports["2016_03"].fingerprint == reports["2016_04"].fingerprint
    assert reports["2017_03"].fingerprint == reports["2017_04"].fingerprint
    assert reports["2020_06"].month == dt.date(2022, 6, 30)
    assert reports["2020_06"].fingerprint == reports["2022_06"].fingerprint
    assert "file-name-month-differs" in kinds(reports["2020_06"])
    months = {report.month for report in reports.values()}
    assert dt.date(2022, 7, 31) not in months and len(months) == 118
    june = reports["2025_06"]
    assert round(100 * sum(row.female for row in june.rows) / sum(row.total for row in june.rows), 1) == 10.1
