"""The IPU's women in national parliaments: the history 1945–2018 (.xlsx) and the ranking of 1 September
2021 (.csv), by country and chamber; what the files cannot say is a stored note."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.core.models import DataNote
from criticalmass.importers import ipu_parliaments
from criticalmass.importers.base import ImportFailed
from criticalmass.importers.registry import DATASETS
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.parliaments.models import ChamberElection, ChamberStanding
from tests.conftest import FIXTURES
from tests.parliaments.history_sheet import ROWS, write

FOLDER = FIXTURES / "ipu_parliaments"
HISTORY = FOLDER / "women_in_parliament-historical_database-1945_to_2018.xlsx"
RANKING = FOLDER / "women_percent_as_of2021.csv"

pytestmark = pytest.mark.django_db


def elections() -> list[tuple[object, ...]]:
    return sorted(
        ChamberElection.objects.values_list(
            "country_id", "year", "chamber", "continuous", "seats", "women", "share", "source_row"
        )
    )


def standings() -> list[tuple[object, ...]]:
    return sorted(
        ChamberStanding.objects.values_list(
            "country_id", "chamber", "rank", "last_election", "seats", "women", "share", "as_of", "source_row"
        )
    )


def notes(source: str) -> list[tuple[object, ...]]:
    return sorted(DataNote.objects.filter(source__slug=source).values_list("source_row", "kind", "subject"))


def test_it_stores_each_election_by_country_chamber_and_year_with_the_share_in_percent():
    summary = ipu_parliaments.import_file(HISTORY)
    assert (summary.rows_read, summary.created, summary.unit) == (9, 8, "figures")
    assert elections() == [
        ("AFG", 1965, "lower", False, 210, 4, Decimal("1.9"), 2),
        ("BEN", 1960, "single", False, None, None, None, 3),
        ("GBR", 2017, "upper", True, 805, 207, Decimal("25.7"), 9),
        ("GRD", 2018, "lower", False, 15, 7, Decimal("46.7"), 5),  # written '46.7%'
        ("HTI", 1997, "upper", False, 27, None, None, 10),
        ("KWT", 2013, "single", False, 50, 4, Decimal("1.2"), 6),
        ("RWA", 2013, "lower", False, 80, 45, Decimal("56.3"), 7),  # 0.5625: halves up, as the IPU rounds
        ("RWA", 2018, "lower", False, 80, 49, Decimal("61.3"), 8),
    ]


def test_it_notes_former_states_unreadable_counts_and_inconsistent_shares():
    summary = ipu_parliaments.import_file(HISTORY)
    assert notes("ipu-parliament-history") == [
        (3, "count-unreadable", "parliament:BEN"),
        (3, "count-unreadable", "parliament:BEN"),
        (3, "count-unreadable", "parliament:BEN"),
        (4, "former-state", ""),
        (6, "share-inconsistent", "parliament:KWT"),
        (10, "count-unreadable", "parliament:HTI"),
        (10, "count-unreadable", "parliament:HTI"),
    ]
    assert (
        4,
        "Czechoslovakia (1986): a state that no longer exists; no country code stands for it, so the "
        "row is not stored",
    ) in summary.warnings
    assert (
        6,
        "KWT 2013 Single: the share given, 1.2%, is not 4 of 50 seats (8.0%); both are stored as given",
    ) in summary.warnings


def test_it_refuses_an_unknown_country_naming_its_row_and_writes_nothing(tmp_path):
    bad = write(
        tmp_path / HISTORY.name,
        [*ROWS[:3], ["Atlantis", "EUR", "Yes", 1990, None, "Lower", 10, 1, 0.1, None]],
    )
    with pytest.raises(RowError) as raised:
        ipu_parliaments.import_file(bad)
    assert (raised.value.line, raised.value.column) == (5, "Country")
    assert "'Atlantis' is not a country name the importer knows" in raised.value.problem
    assert not ChamberElection.objects.exists() and not DataNote.objects.exists()


def test_it_refuses_a_row_whose_chamber_is_not_one(tmp_path):
    bad = write(
        tmp_path / HISTORY.name, [["Rwanda", "SUB-SAHARAN", "Yes", 2018, None, "Kitchen", 80, 49, 0.6, None]]
    )
    with pytest.raises(RowError, match="'Kitchen' is not a chamber"):
        ipu_parliaments.import_file(bad)


def test_it_reads_the_ranking_with_its_ties_and_its_shortened_years():
    summary = ipu_parliaments.import_file(RANKING)
    assert (summary.rows_read, summary.created) == (7, 9)
    september = dt.date(2021, 9, 1)
    assert standings() == [
        (
            "ARE",
            "lower",
            4,
            dt.date(2019, 10, 1),
            40,
            20,
            Decimal("50.0"),
            september,
            9,
        ),  # '“': Mexico's rank
        ("BOL", "lower", 11, dt.date(2020, 10, 1), 130, 60, Decimal("46.2"), september, 11),
        ("BOL", "upper", None, dt.date(2020, 10, 1), 36, 20, Decimal("55.6"), september, 11),
        ("HTI", "upper", None, dt.date(2016, 11, 1), 10, 0, Decimal("0.0"), september, 12),
        ("MEX", "lower", 4, dt.date(2021, 6, 1), 500, 250, Decimal("50.0"), september, 8),
        ("MEX", "upper", None, dt.date(2018, 7, 1), 128, 63, Decimal("49.2"), september, 8),
        ("NZL", "lower", 6, dt.date(2020, 10, 1), 120, 59, Decimal("49.2"), september, 10),
        ("RWA", "lower", 1, dt.date(2018, 9, 1), 80, 49, Decimal("61.3"), september, 7),
        ("RWA", "upper", None, dt.date(2019, 9, 1), 26, 10, Decimal("38.5"), september, 7),
    ]
    assert notes("ipu-parliament-ranking") == [
        (10, "year-trailing-zero", ""),
        (12, "no-figure", "parliament:HTI"),
        (13, "no-figure", "parliament:SDN"),
    ]
    assert (
        10,
        "3 election months are written 'm.202' (a number format that dropped 2020's last zero) and are "
        "read as 2020; the first is on line 10",
    ) in summary.warnings


@pytest.mark.parametrize(
    ("line", "column", "cell", "problem"),
    [
        (7, "Elections", "13.2018", "'13.2018': 13 is not a month"),
        (8, "Women", "many", "'many' is not a whole number"),
        (9, "%W", "150", "'150' is not a percentage"),
        (10, "Country", "Atlantis", "'Atlantis' is not a country name the importer knows"),
    ],
)
def test_it_refuses_a_bad_ranking_cell_naming_line_and_column(tmp_path, line, column, cell, problem):
    lines = RANKING.read_text(encoding="utf-8").splitlines()
    cells = lines[line - 1].split(",")
    cells[{"Elections": 2, "Women": 4, "%W": 5, "Country": 1}[column]] = cell
    lines[line - 1] = ",".join(cells)
    bad = tmp_path / RANKING.name
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RowError) as raised:
        ipu_parliaments.import_file(bad)
    assert (raised.value.line, raised.value.column) == (line, column) and problem in raised.value.problem
    assert not ChamberStanding.objects.exists()


def test_it_refuses_a_csv_that_is_not_the_ipu_ranking():
    with pytest.raises(FormatError, match="is not an IPU ranking"):
        ipu_parliaments.import_file(FIXTURES / "un_mandates" / "all_mandates.csv")


def test_it_imports_the_folder_in_one_transaction_and_nothing_the_second_time():
    first = ipu_parliaments.import_file(FOLDER)
    assert (first.rows_read, first.created) == (16, 17)
    before = (elections(), standings(), notes("ipu-parliament-history"), notes("ipu-parliament-ranking"))
    again = ipu_parliaments.import_file(FOLDER)
    assert (again.created, again.updated, again.removed, again.unchanged) == (0, 0, 0, 17)
    assert (
        elections(),
        standings(),
        notes("ipu-parliament-history"),
        notes("ipu-parliament-ranking"),
    ) == before


def test_it_imports_nothing_of_the_folder_when_one_file_is_bad(tmp_path):
    shutil.copy(HISTORY, tmp_path / HISTORY.name)
    (tmp_path / RANKING.name).write_text(
        RANKING.read_text(encoding="utf-8").replace("Rwanda", "Atlantis"), encoding="utf-8"
    )
    with pytest.raises(RowError):
        ipu_parliaments.import_file(tmp_path)
    assert not ChamberElection.objects.exists() and not ChamberStanding.objects.exists()


def test_it_refuses_a_folder_without_either_file(tmp_path):
    with pytest.raises(ImportFailed, match="holds neither"):
        ipu_parliaments.import_file(tmp_path)


def test_the_command_takes_the_folder_and_import_all_finds_it(settings, tmp_path):
    out = io.StringIO()
    call_command("import", "ipu-parliaments", str(FOLDER), "--quiet", stdout=out)
    assert "ipu-parliaments: imported ipu_parliaments/ (" in out.getvalue()
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("import", "ipu-parliaments", str(tmp_path / "absent"), "--quiet", stdout=io.StringIO())
    settings.DATA_DIR = tmp_path
    assert DATASETS["ipu-parliaments"].path == "ipu_women_parliament"
    shutil.copytree(FOLDER, tmp_path / "ipu_women_parliament")
    out = io.StringIO()
    call_command("import_all", "--quiet", stdout=out, stderr=io.StringIO())
    assert "ipu-parliaments: imported ipu_women_parliament/ (" in out.getvalue()
    assert "figures: 0 created, 0 updated, 17 unchanged" in out.getvalue()


@pytest.mark.realdata
def test_it_imports_the_real_files(data_dir: Path):
    folder = data_dir / "ipu_women_parliament"
    if not (folder / HISTORY.name).is_file() or not (folder / RANKING.name).is_file():
        pytest.skip(f"{folder} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    summary = ipu_parliaments.import_file(folder)
    assert (summary.rows_read, summary.created) == (3815 + 193, 3688 + 271)
    assert ChamberElection.objects.values("country").distinct().count() == 185
    assert ChamberStanding.objects.values("country").distinct().count() == 191
    assert ChamberStanding.objects.filter(country="RWA", chamber="lower").values_list(
        "rank", "seats", "women", "share", "source_row"
    ).get() == (1, 80, 49, Decimal("61.3"), 7)
    assert ChamberElection.objects.filter(country="SWE", year=2018).values_list(
        "chamber", "seats", "women", "share"
    ).get() == ("single", 349, 161, Decimal("46.1"))
    kinds = [kind for _, kind, _ in notes("ipu-parliament-history")]
    assert (
        kinds.count("count-unreadable"),
        kinds.count("former-state"),
        kinds.count("share-inconsistent"),
    ) == (158, 127, 2)
    assert [row for row, kind, _ in notes("ipu-parliament-history") if kind == "share-inconsistent"] == [
        1856,
        2484,
    ]
    assert notes("ipu-parliament-ranking") == [
        (12, "year-trailing-zero", ""),
        (197, "no-figure", "parliament:ERI"),
        (198, "no-figure", "parliament:HTI"),
        (199, "no-figure", "parliament:SDN"),
    ]
