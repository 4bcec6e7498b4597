"""The UN's own PDFs under ../shared/data/un_pko_contributions_2015_2025, read by lib.un_reports.reader.

Skipped, with the reason, while the reader is not in the package or the files are absent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from criticalmass.core.models import DataNote, Source
from criticalmass.importers import un_contributions
from criticalmass.parity import queries, ranking_figures
from criticalmass.parity.models import Category, Process
from tests.importers.helpers import snapshot

pytestmark = pytest.mark.realdata
pytest.importorskip("criticalmass.lib.un_reports.reader",
                    reason="criticalmass.lib.un_reports.reader (the PDF reader) is not merged yet")

FOLDER = "un_pko_contributions_2015_2025"


def report_file(data_dir: Path, year: int, month: int) -> Path:
    path = data_dir / FOLDER / f"UN_country_contributions_{year}_{month:02d}.pdf"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the UN's reports are not in CRITICALMASS_DATA_DIR")
    return path


def test_june_2025_makes_the_dashboards_latest_month_june_2025_with_10_1_percent_women(db, data_dir):
    summary = un_contributions.import_file(report_file(data_dir, 2025, 6))
    assert summary.refused == [] and summary.created > 0
    status = ranking_figures.dashboard_tables(queries.policy(), Category.TOTAL, only="status")["status"]
    everyone = next(row for row in status.rows if row["role"] == Category.TOTAL)
    assert everyone["latest"] == dt.date(2025, 6, 30)
    assert everyone["share"] == 10.1


def test_a_copy_of_april_named_march_is_left_out_and_a_month_without_missions_counted_in_all(db, data_dir):
    files = [report_file(data_dir, 2016, 3), report_file(data_dir, 2016, 4), report_file(data_dir, 2018, 6)]
    summary = un_contributions.import_files(files)
    assert summary.refused == []
    assert [line.split(":")[0] for line in summary.left_out] == [files[0].name]
    assert Source.objects.get(slug="un-dpo-contributions-2016-04").file == files[1].name
    assert Process.objects.get(slug="un-all-operations").observations.filter(date="2018-06-30").exists()


def test_a_second_import_of_the_same_files_changes_nothing(db, data_dir):
    files = [report_file(data_dir, 2016, 11), report_file(data_dir, 2020, 8)]
    un_contributions.import_files(files)
    before = snapshot()["observations"], sorted(DataNote.objects.values_list("source_id", "kind", "message"))
    summary = un_contributions.import_files(files)
    assert (summary.created, summary.updated, summary.removed) == (0, 0, 0)
    after = snapshot()["observations"], sorted(DataNote.objects.values_list("source_id", "kind", "message"))
    assert after == before
