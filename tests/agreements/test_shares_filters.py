"""The shares of agreements with gender provisions, counted for one country or one region, on the API
and on the overview page with its CSV downloads."""

from __future__ import annotations

import pytest

from tests.agreements.world import build_agreements, csv_table


@pytest.fixture
def world(db):
    build_agreements()


def groups(found: dict) -> list[tuple[str, int, int]]:
    return [(i["group"], i["agreements"], i["with_provisions"]) for i in found["items"]]


def test_it_counts_only_the_agreements_concerning_a_country(client, world):
    found = client.get("/api/agreements/shares?by=year&country=npl").json()
    assert found["country"] == "NPL"
    assert groups(found) == [("2010", 1, 1), ("2012", 2, 1)]  # PA-X 103 (yes); 104 (no), 105 (yes)


def test_it_counts_a_second_country_of_an_agreement_too(client, world):
    found = client.get("/api/agreements/shares?by=region&country=GBR").json()
    assert groups(found) == [("Cross-regional", 1, 0)]  # PA-X 106, GBR its Loc2ISO


def test_it_counts_only_the_agreements_in_a_region_whatever_its_case(client, world):
    found = client.get("/api/agreements/shares?by=year&region=africa (excl mena)").json()
    assert found["region"] == "africa (excl mena)"
    assert groups(found) == [("2001", 1, 0), ("2003", 1, 1)]


def test_it_combines_the_country_and_region_filters(client, world):
    both = client.get("/api/agreements/shares?by=stage&country=SSD&region=Asia and Pacific").json()
    assert both["items"] == []
    assert len(groups(client.get("/api/agreements/shares?by=stage&country=SSD").json())) == 2


def test_it_answers_an_unknown_country_or_region_with_a_sentence_in_the_error_shape(client, world):
    response = client.get("/api/agreements/shares?country=ZZZ")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "There is no country with ISO code 'ZZZ'."
    response = client.get("/api/agreements/shares?region=Atlantis")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "No agreement is in a PA-X region called 'Atlantis'."


def test_it_refuses_a_country_that_is_not_an_iso_code_with_the_bad_parameter_named(client, world):
    response = client.get("/api/agreements/shares?country=Nepal")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and any("country" in str(d["loc"]) for d in error["details"])


def test_it_shows_the_overview_for_one_country_with_csvs_that_keep_the_filter(client, world):
    page = client.get("/agreements/?country=npl").content.decode()
    assert "by year (country NPL)" in page
    assert 'href="/agreements/data/year.csv?country=NPL&amp;header=labels"' in page
    response = client.get("/agreements/data/year.csv?country=NPL")
    assert 'filename="criticalmass-agreements-npl-year.csv"' in response["Content-Disposition"]
    rows = csv_table(response.content)
    assert [(r["year"], r["agreements"], r["with_provisions"]) for r in rows] == [("2010", "1", "1"),
                                                                                  ("2012", "2", "1")]
    api = client.get("/api/agreements/shares?by=year&country=NPL").json()
    assert [r["share"] for r in rows] == [str(i["share"]) for i in api["items"]]


def test_it_counts_the_pillars_of_the_filtered_agreements_only(client, world):
    everywhere = csv_table(client.get("/agreements/data/pillars.csv").content)
    nowhere = csv_table(client.get("/agreements/data/pillars.csv?region=Cross-regional").content)
    assert {r["coded"] for r in nowhere} == {"0"} and {r["agreements"] for r in nowhere} == {"0"}
    assert any(r["agreements"] != "0" for r in everywhere)


def test_it_shows_the_overview_for_one_region_and_an_empty_state_for_a_country_without_agreements(
        client, world):
    page = client.get("/agreements/?region=Cross-regional").content.decode()
    assert "by year (region Cross-regional)" in page and "<option selected>Cross-regional</option>" in page
    page = client.get("/agreements/?country=GHA").content.decode()
    assert "No agreements for country GHA." in page


def test_it_answers_404_on_the_page_for_an_unknown_country_or_region(client, world):
    response = client.get("/agreements/?country=ZZZ")
    assert response.status_code == 404
    assert client.get("/agreements/data/year.csv?region=Atlantis").status_code == 404
