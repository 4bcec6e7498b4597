"""Each conflict's negotiations page and the overview API say how many agreements PADD lists for it:
"N agreements: X coded, Y not coded", the not coded counted from the stored not-coded notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from criticalmass.importers import padd
from tests.importers.helpers import PADD

API = "/api/parity/negotiations/overview"


@pytest.fixture
def noted(db):
    padd.import_file(PADD / "inconsistent.csv")  # AgtId 104 (Otherland/Region) listed with every count NA


def test_it_counts_the_not_coded_agreement_on_its_conflicts_page_only(client, noted):
    page = client.get("/negotiations/padd-otherlandregion/").content.decode()
    assert "2 agreements in the source for this conflict: 1 coded, 1 not coded" in page
    other = client.get("/negotiations/padd-testland/").content.decode()
    assert "2 agreements in the source for this conflict: 2 coded, 0 not coded" in other


def test_it_gives_the_counts_in_the_overview_api(client, noted):
    overall = client.get(API).json()
    assert (overall["listed"], overall["coded"], overall["not_coded"]) == (4, 3, 1)
    one = client.get(f"{API}?process=padd-otherlandregion").json()
    assert (one["listed"], one["coded"], one["not_coded"]) == (2, 1, 1)


@pytest.mark.realdata
def test_it_counts_116_agreements_108_coded_and_8_not_coded_in_the_real_file(client, db, data_dir: Path):
    path = data_dir / "padd" / "PADD_Agreement_Level.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    padd.import_file(path)
    overall = client.get(API).json()
    assert (overall["listed"], overall["coded"], overall["not_coded"]) == (116, 108, 8)
    colombia = client.get(f"{API}?process=padd-colombia").json()
    assert colombia["not_coded"] == 1  # AgtId 163
    page = client.get("/negotiations/padd-colombia/").content.decode()
    assert f"{colombia['listed']} agreements in the source for this conflict:" in page
