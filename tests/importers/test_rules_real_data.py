"""docs/data.md's PADD and PA-X rules, one test each, on the real files (skipped when they are absent)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from django.utils.text import slugify

from criticalmass.agreements.models import Agreement
from criticalmass.core.models import Country, DataNote
from criticalmass.importers import padd, pax
from criticalmass.parity.models import Observation, Process
from tests.importers.test_pax_real_data import PAX_FILE
from tests.importers.test_real_data import csv_rows, real_file

pytestmark = pytest.mark.realdata
PADD_FILE = "padd/PADD_Agreement_Level.csv"


def test_it_makes_each_padd_conflict_label_a_peace_negotiation(db, data_dir):
    path = real_file(data_dir, PADD_FILE)
    padd.import_file(path)
    labels = {row["Con"].strip() for row in csv_rows(path)}
    processes = Process.objects.filter(slug__startswith="padd-")
    assert {p.slug for p in processes} == {f"padd-{slugify(label)}" for label in labels}
    assert {p.kind for p in processes} == {Process.Kind.NEGOTIATION}


def test_it_dates_each_padd_observation_by_its_agreement_and_names_it_by_its_pax_id(db, data_dir):
    path = real_file(data_dir, PADD_FILE)
    padd.import_file(path)
    dates = {f"PA-X {row['AgtId']}": dt.date.fromisoformat(row["Dat"]) for row in csv_rows(path)}
    stored = set(Observation.objects.values_list("document", "date"))
    assert stored and all(dates[document] == date for document, date in stored)


def test_it_names_the_conflict_of_each_padd_agreement_it_does_not_code(db, data_dir):
    path = real_file(data_dir, PADD_FILE)
    padd.import_file(path)
    conflicts = {f"agreement:{row['AgtId']}": row["Con"].strip() for row in csv_rows(path)}
    notes = DataNote.objects.filter(source__slug="padd", kind="not-coded")
    assert notes.count() == 8
    assert all(note.message.endswith(f" (conflict: {conflicts[note.subject]})") for note in notes)


def test_it_gives_a_pax_process_its_host_country_only_when_its_agreements_share_one(db, data_dir):
    path = real_file(data_dir, PAX_FILE)
    pax.import_file(path)
    known = set(Country.objects.values_list("iso3", flat=True))
    firsts: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for row in csv_rows(path):
        firsts[f"pax-{row['PP']}"].add(row["Loc1ISO"].strip().upper())
        names.setdefault(f"pax-{row['PP']}", row["PPName"].strip())
    for process in Process.objects.filter(slug__startswith="pax-"):
        shared = firsts[process.slug]
        expected = next(iter(shared)) if len(shared) == 1 and next(iter(shared)) in known else None
        assert (process.host_country_id, process.name) == (expected, names[process.slug]), process.slug


def test_it_links_each_pax_agreement_to_its_known_countries_and_notes_the_others(db, data_dir):
    path = real_file(data_dir, PAX_FILE)
    summary = pax.import_file(path)
    known = set(Country.objects.values_list("iso3", flat=True))
    wanted, unknown = {}, 0
    for row in csv_rows(path):
        codes = [code for column in ("Loc1ISO", "Loc2ISO") if (code := row[column].strip().upper())]
        wanted[int(row["AgtId"])] = {code for code in codes if code in known}
        unknown += sum(1 for code in codes if code not in known)
    stored: dict[int, set[str]] = defaultdict(set)
    for pax_id, iso3 in Agreement.countries.through.objects.values_list("agreement__pax_id", "country_id"):
        stored[pax_id].add(iso3)
    assert {k: v for k, v in wanted.items() if v} == dict(stored)
    assert unknown == sum(1 for _, message in summary.warnings if "is not a known ISO 3166-1" in message)
    assert DataNote.objects.filter(source__slug="pax", kind="unknown-country").count() == unknown


def test_it_keeps_each_pax_agreements_name_date_conflict_and_gender_flag_as_given(db, data_dir):
    path = real_file(data_dir, PAX_FILE)
    pax.import_file(path)
    stored = {a.pax_id: a for a in Agreement.objects.all()}
    for row in csv_rows(path):
        found = stored[int(row["AgtId"])]
        kept = (found.name, found.date.isoformat(), found.conflict, found.region, found.gender_provisions)
        given = (row["Agt"].strip(), row["Dat"], row["Con"].strip(), row["Reg"].strip(), row["GeWom"] == "1")
        assert kept == given, row["AgtId"]
