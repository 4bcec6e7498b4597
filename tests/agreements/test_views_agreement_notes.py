"""An agreement's page shows its sources' notes beside its figures; pillars say who has no code set."""

from __future__ import annotations

import csv
import io

import pytest

from criticalmass.importers import padd, pax, pax_gender
from tests.importers.helpers import PADD
from tests.importers.pax_helpers import PAX, PAX_GENDER


@pytest.fixture
def agreements(db):
    pax.import_file(PAX / "good.csv")
    padd.import_file(PADD / "inconsistent.csv")


def test_it_shows_the_delegate_counts_flaw_next_to_them(client, agreements):
    page = client.get("/agreements/101/").content.decode()
    assert "the delegates by role (Sig_N ... Unkn_N) add up to 20, but Del_N is 22" in page
    assert "AgtId 104" not in page


def test_it_says_an_agreement_is_listed_but_not_coded(client, agreements):
    page = client.get("/agreements/104/").content.decode()
    assert "does not count this agreement's delegates" in page
    assert "AgtId 104 is listed but not coded (every delegate count is NA)" in page


def test_it_offers_the_notes_of_a_figure_as_csv(client, agreements):
    response = client.get("/agreements/101/delegates-notes.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][:5] == ["padd", "2", "sum-mismatch", "warning", "agreement:101"] and len(rows) == 2


def test_it_counts_an_agreement_with_no_code_set_among_the_coded(client, agreements, tmp_path):
    with (PAX_GENDER / "good.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    agt = rows[0].index("AgtId")
    blank = [("104" if i == agt else "0" if name.startswith("Wgg") else cell)
             for i, (name, cell) in enumerate(zip(rows[0], rows[1], strict=True))]
    path = tmp_path / "gender.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([*rows, blank])
    coded = len(rows) - 1
    pax_gender.import_file(path)
    page = client.get("/agreements/").content.decode()
    assert (f"of the {coded + 1} agreements coded, 1 are listed with no code set and counted as coded "
            "with no provision") in page
    assert "AgtId 104 is listed with no code set" in page
