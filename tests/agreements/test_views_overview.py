"""The agreements overview: the share of agreements with gender provisions per year, region, stage, type."""

from __future__ import annotations

import pytest

from criticalmass.agreements.models import Agreement
from tests.agreements.world import build_agreements, csv_table, raw_shares_by_year
from tests.importers.pax_helpers import PAX


@pytest.fixture
def world(db):
    build_agreements()


def test_it_gives_per_year_the_counts_and_shares_computed_from_the_raw_file(client, world):
    rows = csv_table(client.get("/agreements/data/year.csv").content)
    raw = raw_shares_by_year(PAX / "good.csv")
    found = {row["year"]: (int(row["agreements"]), int(row["with_provisions"]), row["share"]) for row in rows}
    expected = {year: (n, g, f"{100 * g / n:.1f}") for year, (n, g) in raw.items()}
    assert found == expected == {"2001": (2, 0, "0.0"), "2003": (1, 1, "100.0"), "2010": (1, 1, "100.0"),
                                 "2012": (2, 1, "50.0")}


def test_it_gives_the_same_shares_on_the_real_file(client, db, data_dir):
    from criticalmass.importers import pax
    from tests.importers.test_pax_real_data import PAX_FILE, real_file

    path = real_file(data_dir, PAX_FILE)
    pax.import_file(path)
    rows = csv_table(client.get("/agreements/data/year.csv").content)
    raw = raw_shares_by_year(path)
    assert {row["year"]: (int(row["agreements"]), int(row["with_provisions"])) for row in rows} == raw
    assert sum(n for n, _ in raw.values()) == Agreement.objects.count()


def test_it_cites_the_rows_each_year_counts(client, world):
    rows = csv_table(client.get("/agreements/data/year.csv").content)
    first = next(row for row in rows if row["year"] == "2001")
    assert first["source"] == "PA-X Peace Agreements Database, version 10, good.csv, rows 2–8 (2 rows)"


@pytest.mark.parametrize(("name", "key", "expected"), [
    ("region", "Asia and Pacific", ("3", "2", "66.7")),
    ("stage", "Pre-negotiation / process", ("2", "0", "0.0")),
    ("type", "Intrastate", ("4", "2", "50.0")),
])
def test_it_groups_agreements_by_region_stage_and_type(client, world, name, key, expected):
    rows = csv_table(client.get(f"/agreements/data/{name}.csv").content)
    row = next(row for row in rows if row[name] == key)
    assert (row["agreements"], row["with_provisions"], row["share"]) == expected


def test_it_shows_each_table_with_its_chart_source_and_download(client, world):
    response = client.get("/agreements/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="chart-year"' in html
    assert 'href="/agreements/data/year.csv?header=labels"' in html
    assert 'href="/agreements/data/region.csv?header=labels"' in html
    assert "PA-X Peace Agreements Database, version 10, good.csv" in html
    assert 'href="/agreements/processes/pax-12/"' in html


def test_it_tells_how_to_import_when_there_are_no_agreements(client, db):
    html = client.get("/agreements/").content.decode()
    assert "criticalmass import pax FILE" in html


def test_it_answers_404_for_a_table_that_does_not_exist(client, world):
    assert client.get("/agreements/data/nothing.csv").status_code == 404


def test_it_counts_agreements_with_provisions_in_each_pillar(client, world):
    rows = {row["pillar"]: row for row in csv_table(client.get("/agreements/data/pillars.csv").content)}
    # Coded in PA-X Gender: 102 (participation, protection), 103 (empowerment, implementation),
    # 105 (institutions and law; WggOth counts for no pillar).
    # Participation has two codes in 102 (WggPar, WggGenQuot) but one agreement.
    found = {name: (row["agreements"], row["coded"], row["share"]) for name, row in rows.items()}
    assert found == {name: ("1", "3", "33.3") for name in [
        "Participation", "Protection", "Empowerment", "Institutions and law", "Implementation"]}
    assert rows["Protection"]["source"] == "PA-X Gender (women, girls and gender), version 9, good.csv, row 2"
