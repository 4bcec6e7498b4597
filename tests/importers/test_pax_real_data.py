"""The real PA-X files under ../shared/data, checked against counts computed here with the csv module."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from criticalmass.agreements.models import Agreement, Provision
from criticalmass.importers import pax, pax_gender
from criticalmass.importers.pax_gender.reader import CODES
from criticalmass.parity.models import Process

pytestmark = pytest.mark.realdata
PAX_FILE = "pax_v10/pax_all_agreements_v10.csv"
GENDER_FILE = "pax_gender_v9/pax_gender_v9.csv"


def real_file(data_dir: Path, relative: str) -> Path:
    path = data_dir / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    return path


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_it_imports_every_pax_agreement_and_process(db, data_dir):
    path = real_file(data_dir, PAX_FILE)
    rows = csv_rows(path)
    summary = pax.import_file(path)
    assert summary.rows_read == summary.created == len(rows) == 2257 == Agreement.objects.count()
    assert Process.objects.filter(slug__startswith="pax-").count() == len({row["PP"] for row in rows})
    assert Agreement.objects.filter(gender_provisions=True).count() == Counter(r["GeWom"] for r in rows)["1"]


def test_it_imports_every_pax_gender_provision(db, data_dir):
    pax.import_file(real_file(data_dir, PAX_FILE))
    path = real_file(data_dir, GENDER_FILE)
    rows = csv_rows(path)
    summary = pax_gender.import_file(path)
    expected = sum(1 for row in rows for code in CODES if row[code] == "1")
    assert summary.rows_read == len(rows) == 465
    assert summary.created == expected == Provision.objects.count()
    # The one agreement PA-X Gender codes although PA-X's GeWom is 0 is reported, not corrected.
    assert [message.split(":")[0] for _, message in summary.warnings if "GeWom" in message] == ["AgtId 1898"]
