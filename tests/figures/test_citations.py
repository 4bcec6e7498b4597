"""One way to cite a figure: each source down to its rows, and a long run of one publisher's files as
one series."""

from __future__ import annotations

from criticalmass.core.models import Source
from criticalmass.figures.citations import SERIES_AT, RowSpan, cite


def source(pk: int, publisher: str, file: str, dataset: str = "Monthly report") -> Source:
    return Source(pk=pk, slug=f"s{pk}", dataset=dataset, publisher=publisher, file=file)


def test_it_cites_each_source_down_to_its_rows():
    sources = {1: source(1, "IPI", "Gender.Full.csv", "IPI database"), 2: source(2, "UN", "2015_01.pdf")}
    spans = [RowSpan(1, 2, 10, 5), RowSpan(2, 1006, 1010, 3), RowSpan(1, 20, 20, 1)]
    assert cite(spans, sources) == ("IPI database, Gender.Full.csv, rows 2–20 (6 rows); "
                                    "Monthly report, 2015_01.pdf, rows 1006–1010 (3 rows)")


def test_it_cites_many_files_of_one_publisher_as_one_series_beside_the_others():
    sources = {1: source(1, "IPI", "Gender.Full.csv", "IPI database")}
    sources |= {i: source(i, "UN DPO", f"UN_{2014 + i}.pdf") for i in range(2, 2 + SERIES_AT)}
    spans = [RowSpan(1, 2, 3, 2)] + [RowSpan(i, 1000, 1009, 10) for i in range(2, 2 + SERIES_AT)]
    assert cite(spans, sources) == (
        "IPI database, Gender.Full.csv, rows 2–3; "
        f"UN DPO, {SERIES_AT} files from UN_2016.pdf to UN_{2015 + SERIES_AT}.pdf, {10 * SERIES_AT} rows")


def test_it_names_each_file_below_the_series_threshold():
    sources = {i: source(i, "UN DPO", f"UN_{i}.pdf") for i in range(1, SERIES_AT)}
    cited = cite([RowSpan(i, 5, 5, 1) for i in sources], sources)
    assert cited.count("Monthly report, UN_") == SERIES_AT - 1
