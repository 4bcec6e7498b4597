"""The protection context on a country's profile and a mission's page, in its CSV and the API."""

from __future__ import annotations

import csv
import io

import pytest

from criticalmass.core.models import Source
from criticalmass.importers import svac
from criticalmass.parity.models import Process
from tests.importers.helpers import FIXTURES

SVAC = FIXTURES / "svac" / "svac.csv"
LABEL = "Protection context: sexual violence reported, 1989–2000"

pytestmark = pytest.mark.django_db


def test_it_shows_the_reported_actors_on_the_country_profile_with_the_source_and_its_date(client):
    svac.import_file(SVAC)
    body = client.get("/watchdog/countries/COD/").content.decode()
    assert LABEL in body and "Data as of Dec 2000." in body
    assert "SVAC codes 4 actor-years in armed conflicts located in" in body
    assert "in 3 of them at least one of three sources reported sexual violence" in body
    assert "rape; sexual mutilation; sexual torture" in body and "no report found" in body
    assert "svac.csv, rows 3–5" in body


def test_it_shows_the_host_countrys_context_on_a_mission_page(client):
    svac.import_file(SVAC)
    Process.objects.create(slug="monuc", code="MONUC", name="MONUC", kind=Process.Kind.OPERATION,
                           sponsor=Process.Sponsor.UN, host_country_id="COD")
    body = client.get("/missions/monuc/").content.decode()
    assert LABEL in body and "/protection/countries/COD/sexual-violence.csv" in body


def test_it_says_nothing_of_protection_before_svac_is_imported(client):
    assert "Protection context" not in client.get("/watchdog/countries/COD/").content.decode()


def test_it_says_when_svac_lists_no_conflict_in_a_country(client):
    svac.import_file(SVAC)
    body = client.get("/watchdog/countries/NOR/").content.decode()
    assert "(SVAC lists no armed conflict located there)" in body


def test_it_gives_the_same_rows_as_csv_with_their_citation(client):
    svac.import_file(SVAC)
    response = client.get("/protection/countries/COD/sexual-violence.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["year", "actor", "actor_type", "state_prev", "ai_prev", "hrw_prev", "forms", "source"]
    assert rows[1] == ["1998", "Democratic Republic of Congo (Zaire)", "State (government)", "2", "1", "2",
                       "rape", "SVAC: Sexual Violence in Armed Conflict, 1989–2015, svac.csv, row 3"]
    assert rows[3][3:6] == ["1", "", "0"] and len(rows) == 4


def test_it_lists_the_notes_on_the_countrys_rows_in_the_notes_csv(client):
    svac.import_file(SVAC)
    body = client.get("/protection/countries/COD/sexual-violence-notes.csv").content.decode()
    assert "svac-row:8" in body and "svac-row:9" not in body  # the left-out repeat has no record in COD


def test_it_serves_the_context_in_the_api(client):
    svac.import_file(SVAC)
    found = client.get("/api/protection/countries/irq").json()
    assert (found["label"], found["as_of"], found["coded"], found["reported"]) == (LABEL, "2000-12-31", 1, 1)
    assert found["reports"][0]["state_prev"] == 3 and found["reports"][0]["hrw_prev"] is None
    assert found["citation"] == Source.objects.get(slug="svac").citation
    assert client.get("/api/protection/countries/XXX").status_code == 404


def test_it_gives_the_sources_coverage_beside_data_as_of(client):
    svac.import_file(SVAC)
    body = client.get("/watchdog/countries/COD/").content.decode()
    assert ('<span class="as-of">Data as of Dec 2000.</span> <span class="coverage">SVAC: Sexual Violence in '
            "Armed Conflict, 1989–2015 covers 1989 to 2000.</span>") in body
