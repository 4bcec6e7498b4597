"""Every import warning is a stored DataNote (kind, subject, severity, line); re-imports replace them."""

from __future__ import annotations

import pytest

from criticalmass.core.models import AuditEvent, DataNote
from criticalmass.importers import padd, peacekeeping_gender
from criticalmass.lib.csvread import RowError
from tests.importers.helpers import PADD, PEACEKEEPING, edited


def stored(slug: str = "padd") -> list[tuple[int | None, str, str, str]]:
    return list(DataNote.objects.filter(source__slug=slug).order_by("source_row", "pk")
                .values_list("source_row", "kind", "severity", "subject"))


def test_it_stores_each_warning_as_a_note_about_its_record(db):
    summary = padd.import_file(PADD / "inconsistent.csv")
    assert stored() == [
        (2, "sum-mismatch", "warning", "agreement:101"),
        (3, "sum-mismatch", "warning", "agreement:102"),
        (4, "dropped-cell", "warning", "agreement:103"),
        (4, "total-not-coded", "warning", "agreement:103"),
        (5, "not-coded", "info", "agreement:104"),
    ]
    messages = list(DataNote.objects.order_by("source_row", "pk").values_list("message", flat=True))
    assert messages == [message for _, message in summary.warnings]


def test_it_counts_the_notes_in_the_summary_and_the_audit(db):
    summary = padd.import_file(PADD / "inconsistent.csv")
    assert summary.counts()["notes"] == 5
    assert AuditEvent.objects.get(action="import").detail["notes"] == 5


def test_it_gives_the_same_notes_for_the_same_file_twice(db):
    padd.import_file(PADD / "inconsistent.csv")
    first = stored()
    padd.import_file(PADD / "inconsistent.csv")
    assert stored() == first and DataNote.objects.count() == 5


def test_it_replaces_a_sources_notes_on_re_import(db):
    padd.import_file(PADD / "inconsistent.csv")
    padd.import_file(PADD / "duplicated_agreement.csv")
    assert ("agreement:102", "sum-mismatch") not in {(s, k) for _, k, _, s in stored()}
    assert (6, "duplicate-row", "warning", "agreement:101") in stored()


def test_it_keeps_the_notes_when_an_import_is_refused(db, tmp_path):
    padd.import_file(PADD / "inconsistent.csv")
    bad = edited(PADD / "good.csv", tmp_path / "bad.csv", 2, "FemSig_N", "7")
    with pytest.raises(RowError):
        padd.import_file(bad)
    assert len(stored()) == 5


def test_it_notes_the_observation_a_peacekeeping_warning_concerns(db):
    peacekeeping_gender.import_file(PEACEKEEPING / "male_female_total.csv")
    assert stored("ipi-peacekeeping-gender") == [
        (3, "sum-mismatch", "warning", "observation:unmil/2013-01-31/total/GHA"),
    ]


def test_it_leaves_other_sources_notes_alone(db):
    peacekeeping_gender.import_file(PEACEKEEPING / "male_female_total.csv")
    padd.import_file(PADD / "inconsistent.csv")
    assert len(stored("ipi-peacekeeping-gender")) == 1 and len(stored()) == 5
