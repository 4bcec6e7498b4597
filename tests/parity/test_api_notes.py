"""/api/parity/notes: the sources' notes, by source, subject (or subject prefix) and kind."""

from __future__ import annotations

import pytest

from criticalmass.importers import padd, peacekeeping_gender
from tests.importers.helpers import PADD, PEACEKEEPING

API = "/api/parity/notes"


@pytest.fixture
def noted(db):
    padd.import_file(PADD / "inconsistent.csv")
    peacekeeping_gender.import_file(PEACEKEEPING / "male_female_total.csv")


def test_it_lists_every_note_with_its_source_and_record(client, noted):
    body = client.get(API).json()
    assert body["count"] == 6
    assert body["items"][0] == {
        "source": "padd", "source_row": 2, "kind": "sum-mismatch", "severity": "warning",
        "subject": "agreement:101",
        "message": "AgtId 101: the delegates by role (Sig_N ... Unkn_N) add up to 20, but Del_N is 22; "
                   "numbers kept as given"}


def test_it_filters_by_source_subject_and_kind(client, noted):
    assert client.get(f"{API}?source=ipi-peacekeeping-gender").json()["count"] == 1
    one = client.get(f"{API}?subject=agreement:104").json()["items"]
    assert [(n["kind"], n["severity"]) for n in one] == [("not-coded", "info")]
    assert client.get(f"{API}?subject=observation:unmil/*").json()["count"] == 1
    assert client.get(f"{API}?source=padd&kind=not-coded").json()["count"] == 1


def test_it_answers_404_for_an_unknown_source(client, noted):
    response = client.get(f"{API}?source=nothing")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
