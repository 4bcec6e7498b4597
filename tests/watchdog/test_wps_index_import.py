"""`criticalmass import wps-index FILE`: the Georgetown WPS Index workbook, on workbooks written here in
its layout (title row, two header rows, quintile sections, unranked countries, aggregates, notes)."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from criticalmass.importers.wps_index import import_file
from criticalmass.importers.wps_index.reader import INDICATORS
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.watchdog.models import WpsIndexScore

REAL = "giwps_wps_index_2025/WPS-Index-2025-Data.xlsx"


def country_row(rank, name, code, score, region, first=13.16, note=None):
    values = [rank, name, code, None, score, None, region, None]
    for i, _ in enumerate(INDICATORS):
        values += [first + i, note if i == 0 else None]
    return values


def workbook(path: Path, rows=None, title="2025 WPS Index Table 1", drop: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "TABLE 1"
    header5 = ["WPS Index Rank", None, None, None, "Women, Peace, and Security Index", None, None, None]
    for label in INDICATORS:
        header5 += [label if label != "Intimate partner violence" else label + " ", None]
    header6 = [2025, "Country", "Code", None, 2025, None, "Region", None]
    header5 = [None if v == drop else v for v in header5]
    for row in [[None, title], [], [], [None] * 8 + ["Inclusion"], header5, header6, [None, "TOP QUINTILE"]]:
        sheet.append(row)
    for row in rows if rows is not None else [
        country_row(1, "Denmark", "DNK", 0.939, "DC", note="ad"),
        country_row(2, "Norway", "NOR", 0.924, "DC"),
        country_row(3, "Kosovo", "XKX", 0.8, "CEE&CA"),
        [None, "OTHER COUNTRIES AND ECONOMIES NOT RANKED IN THE WPS INDEX"],
        country_row(None, "Andorra", "AND", None, "DC"),
        [], [None, "World", None, None, 0.65], [None, "Notes"],
        [None, "a Data refer to the most recent year."],
    ]:
        sheet.append(row)
    book.save(path)
    return path


def test_it_imports_ranked_and_unranked_countries_with_their_indicators(db, tmp_path):
    summary = import_file(workbook(tmp_path / "index.xlsx"))
    assert (summary.rows_read, summary.created) == (4, 3)
    dnk = WpsIndexScore.objects.get(country="DNK", edition=2025)
    assert (dnk.rank, dnk.score, dnk.region, dnk.source_row) == (1, Decimal("0.939"), "DC", 8)
    assert dnk.indicators["Education"] == {"value": 13.16, "note": "ad"}
    assert dnk.indicators["Proximity to Conflict"]["value"] == pytest.approx(25.16)
    andorra = WpsIndexScore.objects.get(country="AND")
    assert (andorra.rank, andorra.score) == (None, None)
    assert dnk.source.slug == "giwps-wps-index-2025" and "Georgetown" in dnk.source.citation


def test_it_leaves_out_a_code_that_is_no_iso_country_with_a_warning(db, tmp_path):
    summary = import_file(workbook(tmp_path / "index.xlsx"))
    assert summary.warnings == [(10, "XKX (Kosovo) is not an ISO 3166-1 country code; left out")]
    assert not WpsIndexScore.objects.filter(country="XKX").exists()


def test_it_adds_nothing_the_second_time_and_removes_what_the_file_dropped(db, tmp_path):
    import_file(workbook(tmp_path / "index.xlsx"))
    again = import_file(workbook(tmp_path / "index.xlsx"))
    assert (again.created, again.updated, again.unchanged, again.removed) == (0, 0, 3, 0)
    one = [country_row(1, "Denmark", "DNK", 0.94, "DC")]
    fewer = import_file(workbook(tmp_path / "index.xlsx", rows=one))
    assert (fewer.updated, fewer.removed) == (1, 2)
    assert list(WpsIndexScore.objects.values_list("country_id", flat=True)) == ["DNK"]


def test_it_names_the_missing_header_columns(db, tmp_path):
    with pytest.raises(FormatError) as caught:
        import_file(workbook(tmp_path / "index.xlsx", drop="Son Bias"))
    assert str(caught.value) == ("index.xlsx is not in the expected format; "
                                 "missing columns in rows 5-6: 'Son Bias'")


def test_it_refuses_a_workbook_without_the_title(db, tmp_path):
    with pytest.raises(FormatError, match="row 1 should hold the title"):
        import_file(workbook(tmp_path / "index.xlsx", title="Something else"))


def test_it_names_line_and_column_of_a_bad_cell_and_imports_nothing(db, tmp_path):
    rows = [country_row(1, "Denmark", "DNK", 0.939, "DC"), country_row(2, "Norway", "NOR", "high", "DC")]
    with pytest.raises(RowError) as caught:
        import_file(workbook(tmp_path / "index.xlsx", rows=rows))
    assert str(caught.value) == ("index.xlsx, line 9, column 'Women, Peace, and Security Index': "
                                 "'high' is not a number")
    assert not WpsIndexScore.objects.exists()


def test_it_refuses_a_ranked_country_without_a_score(db, tmp_path):
    with pytest.raises(RowError, match="line 8, column 'Women, Peace, and Security Index': is empty, but"):
        import_file(workbook(tmp_path / "index.xlsx", rows=[country_row(1, "Denmark", "DNK", None, "DC")]))


def test_it_refuses_a_score_outside_zero_to_one(db, tmp_path):
    with pytest.raises(RowError, match="93.9 is not an index score between 0 and 1"):
        import_file(workbook(tmp_path / "index.xlsx", rows=[country_row(1, "Denmark", "DNK", 93.9, "DC")]))


def test_it_refuses_a_file_without_the_sheet_through_the_command(db, tmp_path):
    book = Workbook()
    book.active.title = "Other"
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(CommandError, match=r"other.xlsx has no sheet 'TABLE 1'"):
        call_command("import", "wps-index", str(tmp_path / "other.xlsx"), stdout=io.StringIO(),
                     stderr=io.StringIO())


@pytest.mark.realdata
def test_it_imports_the_published_2025_workbook(db, data_dir):
    path = data_dir / REAL
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    summary = import_file(path)
    assert (summary.rows_read, summary.created, len(summary.warnings)) == (199, 198, 1)
    assert WpsIndexScore.objects.filter(rank__isnull=False).count() == 180  # 181 ranked, less Kosovo
    denmark, afghanistan = (WpsIndexScore.objects.get(country=c) for c in ("DNK", "AFG"))
    assert (denmark.rank, denmark.score, afghanistan.rank, afghanistan.score) == (1, Decimal("0.939"), 181,
                                                                                  Decimal("0.279"))
