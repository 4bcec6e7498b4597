"""Importing Gender.Full.csv: missions, observations, warnings, errors, idempotence."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from criticalmass.core.models import AuditEvent, Country, Source
from criticalmass.importers import base
from criticalmass.importers.base import ImportFailed
from criticalmass.importers.peacekeeping_gender import import_file
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.parity.models import Observation, Process
from tests.importers.helpers import PEACEKEEPING, edited, snapshot

GOOD = PEACEKEEPING / "good.csv"
GOOD_OBSERVATIONS = 19  # the fixture's nonzero categories


def test_it_imports_every_row_and_nonzero_category(db):
    summary = import_file(GOOD)
    assert (summary.rows_read, summary.created, summary.updated, summary.unchanged) == (6, 19, 0, 0)
    assert summary.warnings == []
    assert Observation.objects.count() == GOOD_OBSERVATIONS


def test_it_maps_female_male_and_total_and_keeps_the_line(db, observation):
    import_file(GOOD)
    troops = observation("unmiss", "2013-01-31", "troops", "GHA")
    assert (troops.women, troops.men, troops.unknown, troops.total) == (50, 800, None, 850)
    assert (troops.source_row, troops.document, troops.source.slug) == (2, "", "ipi-peacekeeping-gender")


def test_it_keeps_the_total_columns_as_all_uniformed_personnel(db, observation):
    import_file(GOOD)
    total = observation("unmil", "2013-01-31", "total", "GHA")
    assert (total.women, total.men, total.total, total.source_row) == (30, 120, 150, 3)


@pytest.mark.parametrize("role, category", [
    ("individual_police", "Individual Police"), ("formed_police", "Formed Police Units"),
    ("experts_on_mission", "Experts on Mission"), ("troops", "Troops"),
])
def test_it_maps_each_category_to_its_role(db, observation, role, category):
    import_file(GOOD)
    # Line 3 (Ghana, UNMIL, January) has police only; line 2 (Ghana, UNMISS) the other two.
    mission = "unmil" if "Police" in category else "unmiss"
    assert observation(mission, "2013-01-31", role, "GHA").total > 0


def test_it_stores_no_observation_for_a_category_with_nobody(db):
    import_file(GOOD)
    stored = Observation.objects.filter(process__slug="unmiss", date="2013-01-31", contributing_country="GHA")
    assert sorted(stored.values_list("role", flat=True)) == [
        "experts_on_mission", "individual_police", "total", "troops",
    ]


def test_it_creates_missions_from_the_registry(db):
    import_file(GOOD)
    unmiss = Process.objects.get(slug="unmiss")
    assert (unmiss.code, unmiss.name) == ("UNMISS", "United Nations Mission in the Republic of South Sudan")
    assert (unmiss.kind, unmiss.sponsor, unmiss.host_country_id) == ("operation", "UN", "SSD")
    assert (unmiss.start_date, unmiss.end_date) == (dt.date(2011, 7, 9), None)
    assert unmiss.source == Source.objects.get(slug="ipi-peacekeeping-gender")
    assert sorted(Process.objects.values_list("code", flat=True)) == ["UNMIL", "UNMISS"]


def test_it_updates_an_existing_mission_from_the_registry(make_mission):
    make_mission("UNMISS", host=None)
    import_file(GOOD)
    unmiss = Process.objects.get(slug="unmiss")
    assert unmiss.name == "United Nations Mission in the Republic of South Sudan"
    assert unmiss.host_country_id == "SSD"
    assert unmiss.source.slug == "test-source"  # where the process first came from is kept


def test_it_records_the_source_with_the_file_name_and_checksum(db):
    import_file(GOOD)
    source = Source.objects.get(slug="ipi-peacekeeping-gender")
    assert source.file == "good.csv"
    assert source.sha256 == hashlib.sha256(GOOD.read_bytes()).hexdigest()
    assert source.imported_at is not None
    assert "International Peace Institute" in source.citation and source.publisher and source.version
    assert source.url.startswith("https://") and source.licence


def test_it_records_an_audit_event_per_import(db):
    import_file(GOOD)
    import_file(GOOD)
    events = AuditEvent.objects.filter(action="import", target="ipi-peacekeeping-gender")
    assert [event.detail["created"] for event in events] == [0, GOOD_OBSERVATIONS]
    assert events[0].detail["file"] == "good.csv" and events[0].detail["rows_read"] == 6


def test_it_changes_nothing_when_the_same_file_is_imported_twice(db):
    import_file(GOOD)
    before = snapshot()
    summary = import_file(GOOD)
    assert (summary.created, summary.updated, summary.unchanged, summary.removed) == (0, 0, 19, 0)
    after = snapshot()
    assert after["observations"] == before["observations"] and after["processes"] == before["processes"]


def test_it_updates_a_changed_number(db, observation):
    import_file(GOOD)
    summary = import_file(PEACEKEEPING / "updated.csv")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 18)
    troops = observation("unmiss", "2013-02-28", "troops", "NPL")
    assert (troops.women, troops.men, troops.total) == (13, 404, 417)


def test_it_removes_observations_the_file_no_longer_has(db, tmp_path):
    import_file(GOOD)
    shorter = tmp_path / "shorter.csv"
    shorter.write_text("".join(GOOD.read_text().splitlines(keepends=True)[:-1]))  # without Albania
    summary = import_file(shorter)
    assert (summary.created, summary.updated, summary.removed) == (0, 0, 2)
    assert not Observation.objects.filter(contributing_country="ALB").exists()


def test_it_changes_nothing_when_a_cell_is_bad(db):
    import_file(GOOD)
    before = snapshot()
    with pytest.raises(RowError) as error:
        import_file(PEACEKEEPING / "bad_cell.csv")
    assert str(error.value) == "bad_cell.csv, line 4, column 'Troops Female': 'x' is not a whole number"
    assert snapshot() == before


@pytest.mark.parametrize("line, column, value, problem", [
    (3, "Formed Police Units Male", "-4", "'-4' is negative; a count cannot be"),
    (5, "Date", "2013-02-29", "'2013-02-29' is not a date (YYYY-MM-DD)"),
    (2, "Mission", '""', "is empty"),
    (7, "Contributor ISO-3", '"AL"', "'AL' is not a three-letter ISO 3166-1 code"),
    (6, "Total Total", "4.2", "'4.2' is not a whole number"),
])
def test_it_names_file_line_column_and_problem_of_a_bad_cell(db, tmp_path, line, column, value, problem):
    path = edited(GOOD, tmp_path / "edited.csv", line, column, value)
    with pytest.raises(RowError) as error:
        import_file(path)
    assert str(error.value) == f"edited.csv, line {line}, column '{column}': {problem}"
    assert not Observation.objects.exists() and not Process.objects.exists()
    assert not Source.objects.filter(slug="ipi-peacekeeping-gender").exists()


def test_it_names_missing_and_unexpected_columns(db):
    with pytest.raises(FormatError) as error:
        import_file(PEACEKEEPING / "wrong_columns.csv")
    assert str(error.value) == (
        "wrong_columns.csv is not in the expected format; missing columns: 'Total Total', 'Troops Male'; "
        "unexpected columns: 'Staff Officers Total', 'Troops Men'"
    )
    assert not Source.objects.filter(slug="ipi-peacekeeping-gender").exists()


def test_it_warns_when_male_and_female_do_not_add_up_and_keeps_the_numbers(db, observation):
    summary = import_file(PEACEKEEPING / "male_female_total.csv")
    assert summary.warnings == [
        (3, "Individual Police: Male 21 + Female 10 = 31, but Total is 30; numbers kept as given"),
    ]
    police = observation("unmil", "2013-01-31", "individual_police", "GHA")
    assert (police.men, police.women, police.total) == (21, 10, 30)


def test_it_warns_about_a_mission_not_in_the_registry_and_imports_it(db):
    summary = import_file(PEACEKEEPING / "unknown_mission.csv")
    assert summary.warnings == [(8, "mission 'UNXYZ' is not in the mission registry "
                                    "(parity/data/missions.csv); its process is named after its code")]
    process = Process.objects.get(slug="unxyz")
    assert (process.code, process.name) == ("UNXYZ", "UNXYZ")
    assert (process.kind, process.sponsor) == ("operation", "UN")
    assert process.observations.count() == 2  # experts on mission and total


def test_it_keeps_the_first_of_two_rows_with_the_same_key(db, observation):
    summary = import_file(PEACEKEEPING / "duplicated_key.csv")
    assert summary.warnings == [(8, "same date, mission and contributor as line 2 (2013-01-31, UNMISS, GHA); "
                                    "line 2 is kept, this line is left out")]
    police = observation("unmiss", "2013-01-31", "individual_police", "GHA")
    assert (police.women, police.total, police.source_row) == (5, 15, 2)
    assert summary.created == GOOD_OBSERVATIONS


def test_it_adds_an_unknown_contributor_code_with_a_warning_and_keeps_its_numbers(db, observation):
    assert not Country.objects.filter(iso3="XKX").exists()
    summary = import_file(PEACEKEEPING / "unknown_country.csv")
    assert summary.warnings == [(8, "contributor code 'XKX' is not an ISO 3166-1 country; added as 'Kosovo' "
                                    "so the source's numbers are kept")]
    assert Country.objects.get(iso3="XKX").name == "Kosovo"
    assert observation("unmik", "2013-02-28", "formed_police", "XKX").women == 2


def test_it_warns_about_a_row_that_counts_nobody(db, tmp_path):
    path = tmp_path / "zeros.csv"
    path.write_text(GOOD.read_text() + '"7",2013-02-28,"Nepal","NPL","UNMIL"' + ",0" * 15 + "\n")
    summary = import_file(path)
    assert summary.warnings == [(8, "the row counts nobody in any category; no observation is stored for it")]
    assert summary.created == GOOD_OBSERVATIONS


def test_it_warns_when_the_categories_do_not_add_up_to_the_total(db, tmp_path):
    path = edited(GOOD, tmp_path / "total.csv", 2, "Total Total", "870")
    summary = import_file(path)
    assert summary.warnings == [
        (2, "Total: Male 813 + Female 56 = 869, but Total is 870; numbers kept as given"),
        (2, "the categories' totals add up to 869, but Total Total is 870; numbers kept as given"),
    ]


def test_it_sorts_warnings_by_line(db, tmp_path):
    path = edited(PEACEKEEPING / "unknown_mission.csv", tmp_path / "two.csv", 3, "Individual Police Male",
                  "21")
    assert [line for line, _ in import_file(path).warnings] == [3, 8]


def test_it_rolls_everything_back_when_saving_fails_half_way(db, monkeypatch):
    def fail(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(base, "insert", fail)  # after the source, missions and countries are saved
    with pytest.raises(RuntimeError):
        import_file(PEACEKEEPING / "unknown_country.csv")
    assert not Source.objects.filter(slug="ipi-peacekeeping-gender").exists()
    assert not Process.objects.exists() and not AuditEvent.objects.exists()
    assert not Country.objects.filter(iso3="XKX").exists()


def test_it_refuses_to_overwrite_another_sources_observation(make_mission, observe):
    observe(make_mission("UNMISS"), "2013-01-31", "troops", women=1, total=2, country="GHA")
    before = snapshot()
    with pytest.raises(ImportFailed, match="clash with ones already imported from another source"):
        import_file(GOOD)
    assert snapshot() == before


def test_it_reports_progress_for_every_row(db):
    seen = []
    import_file(GOOD, seen.append)
    assert sum(seen) == 6
