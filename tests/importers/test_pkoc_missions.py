"""PKOC's mission start dates: read cell by cell, written to the missions, shown on their pages."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from criticalmass.importers import peacekeeping_gender, pkoc_missions
from criticalmass.importers.registry import DATASETS
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.parity.models import Process
from tests.importers.helpers import FIXTURES, PEACEKEEPING, edited, snapshot

PKOC = FIXTURES / "pkoc_missions" / "mission_start.csv"

pytestmark = pytest.mark.django_db


def start_of(slug: str) -> dt.date | None:
    return Process.objects.get(slug=slug).start_date


def test_it_gives_each_mission_the_first_day_of_its_start_month():
    summary = pkoc_missions.import_file(PKOC)
    assert (summary.rows_read, summary.created, summary.unit) == (9, 9, "missions")
    assert start_of("minusma") == dt.date(2013, 4, 1)
    assert start_of("unavem-iii") == dt.date(1995, 2, 1)
    untac = Process.objects.get(slug="untac")
    assert (untac.kind, untac.sponsor, untac.host_country_id, untac.source.slug) == (
        Process.Kind.OPERATION, Process.Sponsor.UN, "KHM", "pkoc-mission-start")


def test_it_keeps_a_stored_date_of_the_same_month_and_warns_when_it_replaces_another():
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")
    pkoc_missions.import_file(PKOC)
    assert start_of("unmiss") == dt.date(2011, 7, 9)  # the registry's day, in PKOC's month
    Process.objects.filter(slug="unmiss").update(start_date=dt.date(2011, 5, 1))
    summary = pkoc_missions.import_file(PKOC)
    assert start_of("unmiss") == dt.date(2011, 7, 1)
    assert summary.warnings == [
        (8, "UNMISS: the start date stored was 2011-05-01; PKOC gives July 2011, which replaces it")]


def test_it_adds_nothing_the_second_time():
    pkoc_missions.import_file(PKOC)
    before = snapshot()
    summary = pkoc_missions.import_file(PKOC)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 9)
    assert {k: v for k, v in snapshot().items() if k not in ("sources", "audit")} == \
        {k: v for k, v in before.items() if k not in ("sources", "audit")}


@pytest.mark.parametrize(("column", "value", "problem"), [
    ("month", "13", "13 is not a month (1 to 12)"),
    ("year", "1899", "1899 is not a year between 1945 and 2100"),
    ("year", "twenty", "'twenty' is not a whole number"),
    ("iso3c", "Mali", "'Mali' is not an ISO 3166-1 alpha-3 code"),
    ("mission", "", "is empty"),
])
def test_it_refuses_a_bad_cell_naming_its_line_and_column_and_writes_nothing(tmp_path, column, value,
                                                                             problem):
    bad = edited(PKOC, tmp_path / "mission_start.csv", 3, column, value)
    before = snapshot()
    with pytest.raises(RowError) as raised:
        pkoc_missions.import_file(bad)
    assert (raised.value.line, raised.value.column, raised.value.problem) == (3, column, problem)
    assert snapshot() == before


def test_it_refuses_a_file_of_other_columns(tmp_path):
    other = tmp_path / "mission_start.csv"
    shutil.copy(PEACEKEEPING / "good.csv", other)
    with pytest.raises(FormatError):
        pkoc_missions.import_file(other)


def test_it_keeps_a_mission_listed_twice_once_with_a_warning(tmp_path):
    twice = tmp_path / "mission_start.csv"
    twice.write_text(PKOC.read_text() + "UNTAC,1993,1,Cambodia,KHM,116\n")
    summary = pkoc_missions.import_file(twice)
    assert start_of("untac") == dt.date(1992, 3, 1)
    assert summary.warnings == [
        (11, "mission 'UNTAC' is listed again (first on line 9); this row is left out")]


def test_it_is_a_dataset_the_import_command_knows():
    assert DATASETS["pkoc-missions"].path == "pko_missions_pkoc/mission_start.csv"


def test_it_shows_the_start_date_and_where_the_end_date_comes_from_on_the_mission_page(client):
    pkoc_missions.import_file(PKOC)
    Process.objects.filter(slug="monuc").update(end_date=dt.date(2010, 6, 30))
    body = client.get("/missions/monuc/").content.decode()
    assert ("Deployed since November 1999. End date: not in PKOC, which gives start months only; the "
            "project's mission registry (<code>parity/data/missions.csv</code>, which cites no source) gives "
            "30 June 2010.") in body
    body = client.get("/missions/unmiss/").content.decode()
    assert "End date: not in PKOC, which gives start months only; none in the project's mission" in body


@pytest.mark.realdata
def test_it_imports_the_start_month_of_every_mission_of_the_real_file(data_dir: Path):
    path = data_dir / "pko_missions_pkoc" / "mission_start.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    peacekeeping_gender.import_file(data_dir / "un_pko_gender_ipi" / "Gender.Full.csv")
    summary = pkoc_missions.import_file(path)
    assert summary.rows_read == 77 and summary.created + summary.updated + summary.unchanged == 77
    assert (start_of("binub"), start_of("unmiss"), start_of("untso")) == (
        dt.date(2007, 1, 1), dt.date(2011, 7, 9), dt.date(1948, 5, 29))
    assert start_of("unamid") == dt.date(2006, 8, 1)  # PKOC's month, not the registry's 2007-07-31
    assert sorted(line for line, _ in summary.warnings) == [30, 36, 37]  # UNAMID, UNDOF, UNFICYP


def test_it_keeps_pkocs_date_when_the_registry_importers_run_again():
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")
    Process.objects.filter(slug="unmiss").update(start_date=dt.date(2011, 5, 1))  # another month
    pkoc_missions.import_file(PKOC)
    assert start_of("unmiss") == dt.date(2011, 7, 1)
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")  # import-all's next run, in its order
    assert start_of("unmiss") == dt.date(2011, 7, 1)  # the registry's uncited day fills no known date
    summary = pkoc_missions.import_file(PKOC)
    assert (summary.created, summary.updated) == (0, 0)
