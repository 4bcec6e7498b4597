"""The real files under ../shared/data, checked against sums computed here with the csv module."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from django.db.models import Sum

from criticalmass.importers import padd, peacekeeping_gender
from criticalmass.parity.models import Observation

pytestmark = pytest.mark.realdata

CATEGORIES = {
    "Individual Police": "individual_police", "Formed Police Units": "formed_police",
    "Experts on Mission": "experts_on_mission", "Troops": "troops", "Total": "total",
}
ROLE_PREFIXES = ["Sig", "Ob", "Neg", "Med", "Log", "Adv", "WomCom", "Unkn", "Del"]


def real_file(data_dir: Path, relative: str) -> Path:
    path = data_dir / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    return path


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_it_imports_every_row_of_the_peacekeeping_file(db, data_dir):
    path = real_file(data_dir, "un_pko_gender_ipi/Gender.Full.csv")
    rows = csv_rows(path)
    summary = peacekeeping_gender.import_file(path)
    nonzero = sum(1 for row in rows for category in CATEGORIES
                  if any(row[f"{category} {sex}"] != "0" for sex in ("Male", "Female", "Total")))
    assert (summary.rows_read, summary.created, summary.updated) == (29_115, nonzero, 0)
    missions = Observation.objects.values("process").distinct().count()
    assert len({row["Mission"] for row in rows}) == missions == 25


@pytest.mark.parametrize("month", ["2009-11-30", "2013-06-30", "2014-02-28"])
def test_it_gives_the_same_monthly_totals_as_the_file(db, data_dir, month):
    path = real_file(data_dir, "un_pko_gender_ipi/Gender.Full.csv")
    peacekeeping_gender.import_file(path)
    expected, found = Counter(), Counter()
    for row in csv_rows(path):
        if row["Date"] == month:
            for category, role in CATEGORIES.items():
                expected[role, "women"] += int(row[f"{category} Female"])
                expected[role, "total"] += int(row[f"{category} Total"])
    sums = Observation.objects.filter(date=month).values("role").annotate(women=Sum("women"),
                                                                            total=Sum("total"))
    for row in sums:
        found[row["role"], "women"], found[row["role"], "total"] = row["women"], row["total"]
    assert found == expected and expected["total", "total"] > 0


def test_it_imports_the_116_padd_agreements(db, data_dir):
    path = real_file(data_dir, "padd/PADD_Agreement_Level.csv")
    rows = csv_rows(path)
    summary = padd.import_file(path)
    assert summary.rows_read == len(rows) == 116
    assert [(line, message.split(":")[0]) for line, message in summary.warnings
            if message.startswith(("AgtId 8:", "AgtId 252:"))] == [(2, "AgtId 8"), (17, "AgtId 252")]
    coded = [prefix for row in rows for prefix in ROLE_PREFIXES if row[f"{prefix}_N"] not in ("NA", "")]
    assert summary.created == len(coded) == Observation.objects.count()
    women = sum(int(row["FemDel_N"]) for row in rows if row["FemDel_N"] not in ("NA", ""))
    assert Observation.objects.filter(role="all_delegates").aggregate(Sum("women"))["women__sum"] == women


def test_it_leaves_men_unknown_wherever_some_padd_delegates_gender_is_unknown(db, data_dir):
    path = real_file(data_dir, "padd/PADD_Agreement_Level.csv")
    padd.import_file(path)
    unknown_gender = {f"PA-X {row['AgtId']}" for row in csv_rows(path) if row["NADel_N"] != "0"}
    assert not Observation.objects.filter(document__in=unknown_gender, men__isnull=False).exists()
    assert Observation.objects.exclude(document__in=unknown_gender).filter(men__isnull=True).count() == 0
