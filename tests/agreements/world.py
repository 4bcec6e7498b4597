"""The agreements pages' world: the PA-X, PA-X Gender and PADD fixture files imported, plus one PADD-like
count so that one agreement reaches the floor at the table.

PA-X (tests/fixtures/pax/good.csv): 101 (2001, no gender provisions), 102 (2003, yes), 103 (2010, yes),
104 (2012, no), 105 (2012, yes), 106 (2001, no). Processes pax-7 (101, 102), pax-12 (103-105), pax-20 (106).
PADD (tests/fixtures/padd/good.csv): women among signatories and negotiators below 30% for 101, 102 and
103; 104 not coded. Added here: 105's negotiators, 2 women of 4 (50%).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path

from criticalmass.core.models import Source
from criticalmass.importers import padd, pax, pax_gender
from criticalmass.parity.models import Category, Observation, Process
from tests.importers.helpers import PADD
from tests.importers.pax_helpers import PAX, PAX_GENDER


def build_agreements() -> None:
    pax.import_file(PAX / "good.csv")
    pax_gender.import_file(PAX_GENDER / "good.csv")
    padd.import_file(PADD / "good.csv")
    Observation.objects.create(
        process=Process.objects.get(slug="padd-otherlandregion"), date=dt.date(2012, 6, 30),
        role=Category.NEGOTIATORS, document="PA-X 105", women=2, men=2, total=4,
        source=Source.objects.get(slug="padd"), source_row=99)


def raw_shares_by_year(path: Path) -> dict[str, tuple[int, int]]:
    """Agreements and those with GeWom = 1 per year, straight from the CSV file."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    agreements = Counter(row["Dat"][:4] for row in rows)
    gender = Counter(row["Dat"][:4] for row in rows if row["GeWom"] == "1")
    return {year: (n, gender[year]) for year, n in agreements.items()}


def csv_table(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
