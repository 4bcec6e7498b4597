"""lib.csvread: headers checked, rows with their physical lines, cells parsed with clear errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.csvread import CsvFile, FormatError, Row, RowError, check_header, read_rows


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def row(**cells: str) -> Row:
    return Row("data.csv", 12, {column: i for i, column in enumerate(cells)}, list(cells.values()))


def test_it_accepts_a_header_with_exactly_the_expected_columns():
    check_header("data.csv", ["a", "b"], ["b", "a"])


def test_it_names_missing_and_unexpected_columns():
    with pytest.raises(FormatError) as error:
        check_header("data.csv", ["a", "x", "y"], ["a", "b", "c"])
    assert str(error.value) == (
        "data.csv is not in the expected format; missing columns: 'b', 'c'; unexpected columns: 'x', 'y'"
    )


def test_it_ignores_extra_columns_when_allowed():
    check_header("data.csv", ["a", "b", "extra"], ["a", "b"], allow_extra=True)
    with pytest.raises(FormatError, match="missing columns: 'b'$"):
        check_header("data.csv", ["a", "extra"], ["a", "b"], allow_extra=True)


def test_it_shows_an_unnamed_column_as_unnamed():
    with pytest.raises(FormatError, match=r"missing columns: \(unnamed\)"):
        check_header("data.csv", ["Date"], ["", "Date"])


def test_it_rejects_a_column_that_appears_twice():
    with pytest.raises(FormatError, match="columns appear more than once: 'a'"):
        check_header("data.csv", ["a", "a", "b"], ["a", "b"])


def test_it_skips_a_byte_order_mark(tmp_path):
    path = write(tmp_path / "bom.csv", "\ufeffCon,AgtId\nGabon,8\n")
    rows = list(read_rows(path, ["Con", "AgtId"]))
    assert rows[0]["Con"] == "Gabon"


def test_it_numbers_rows_by_physical_line_with_the_header_as_line_one(tmp_path):
    path = write(tmp_path / "lines.csv", 'a,b\n1,"two\nlines"\n\n3,x\n')
    assert [(r.line, r["a"]) for r in read_rows(path, ["a", "b"])] == [(2, "1"), (5, "3")]


def test_it_names_the_file_line_and_column_of_a_short_row(tmp_path):
    path = write(tmp_path / "short.csv", "a,b,c\n1,2,3\n4,5\n")
    with pytest.raises(RowError) as error:
        list(read_rows(path, ["a", "b", "c"]))
    assert str(error.value) == "short.csv, line 3, column 'c': the line has 2 cells but the header has 3"


def test_it_rejects_a_file_that_is_not_utf8(tmp_path):
    path = write(tmp_path / "latin1.csv", "name\nCôte d'Ivoire\n", encoding="latin-1")
    with pytest.raises(FormatError, match="^latin1.csv, line 2: not UTF-8 text; save the file as UTF-8$"):
        list(read_rows(path, ["name"]))


def test_it_finds_the_line_of_bad_text_far_into_a_file(tmp_path):
    text = "name\n" + "Ghana\n" * 20_000
    path = write(tmp_path / "late.csv", text)
    path.write_bytes(path.read_bytes() + "Côte d'Ivoire\n".encode("latin-1"))
    with pytest.raises(FormatError, match="^late.csv, line 20002: not UTF-8 text"):
        list(read_rows(path, ["name"]))


def test_it_rejects_an_empty_file(tmp_path):
    with pytest.raises(FormatError, match="empty.csv is empty"):
        read_rows(write(tmp_path / "empty.csv", ""), ["a"])


def test_it_checks_the_header_before_reading_any_row(tmp_path):
    path = write(tmp_path / "wrong.csv", "a,z\nnot,read\n")
    with pytest.raises(FormatError, match="missing columns: 'b'"):
        read_rows(path, ["a", "b"])


def test_it_uses_the_name_it_is_given_in_messages(tmp_path):
    csv_file = CsvFile(write(tmp_path / "x.csv", "a\n"), name="parity/data/x.csv")
    assert csv_file.name == "parity/data/x.csv"


@pytest.mark.parametrize("text, value", [("0", 0), ("12", 12), (" 7 ", 7), ("+3", 3)])
def test_it_reads_a_count(text, value):
    assert row(n=text).count("n") == value


@pytest.mark.parametrize("text, problem", [
    ("x", "'x' is not a whole number"),
    ("1.5", "'1.5' is not a whole number"),
    ("-2", "'-2' is negative; a count cannot be"),
    ("", "is empty; a whole number is needed"),
    ("١٢", "'١٢' is not a whole number"),
])
def test_it_names_file_line_column_and_problem_of_a_bad_count(text, problem):
    with pytest.raises(RowError) as error:
        row(**{"Troops Female": text}).count("Troops Female")
    assert str(error.value) == f"data.csv, line 12, column 'Troops Female': {problem}"
    assert (error.value.file, error.value.line, error.value.column) == ("data.csv", 12, "Troops Female")


def test_it_reads_several_counts_at_once_and_checks_each():
    assert row(a="1", b="22", c="0").counts(["a", "b", "c"]) == [1, 22, 0]
    with pytest.raises(RowError, match="column 'b': 'x' is not a whole number"):
        row(a="1", b="x", c="0").counts(["a", "b", "c"])
    with pytest.raises(RowError, match="column 'b': is empty"):
        row(a="1", b="", c="0").counts(["a", "b", "c"])


@pytest.mark.parametrize("text", ["NA", "", " NA "])
def test_it_reads_not_coded_as_none_never_zero(text):
    assert row(n=text).optional_count("n") is None


def test_it_still_rejects_a_bad_optional_count():
    with pytest.raises(RowError, match="'n/a' is not a whole number"):
        row(n="n/a").optional_count("n")


def test_it_reads_an_iso_date():
    assert row(d="2013-06-30").date("d") == dt.date(2013, 6, 30)


@pytest.mark.parametrize("text", ["2013-02-30", "30/06/2013", "20130630", "", "2013-6-30"])
def test_it_names_the_cell_of_a_bad_date(text):
    with pytest.raises(RowError) as error:
        row(Date=text).date("Date")
    assert str(error.value) == f"data.csv, line 12, column 'Date': {text!r} is not a date (YYYY-MM-DD)"


def test_it_rejects_an_empty_required_text_cell():
    with pytest.raises(RowError, match="column 'Mission': is empty"):
        row(Mission="  ").text("Mission")
    assert row(Mission="  ").text("Mission", required=False) == ""


@given(records=st.lists(
    st.tuples(st.text(min_size=1).filter(lambda s: s.strip() == s and "\x00" not in s),
              st.integers(min_value=0, max_value=10**9)),
    max_size=20,
))
def test_it_reads_back_what_the_csv_module_writes(tmp_path_factory, records):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["name", "count"])
    writer.writerows(records)
    path = tmp_path_factory.getbasetemp() / "round_trip.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    assert [(r.text("name"), r.count("count")) for r in read_rows(path, ["name", "count"])] == records
