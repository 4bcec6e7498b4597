"""The public accountability page, overall and per partner: its figures against the records, and CSV."""

from __future__ import annotations

import csv
import io

import pytest


@pytest.fixture
def records(personas, other_partner, open_cycle, closed_cycle, make_commitment, make_report, make_verdict):
    """Partner: 2025 met (disputed), 2025 not reported; 2026 exceeded, 2026 awaiting.
    Other: 2025 none (confirmed)."""
    partner, reviewer = personas["partner"], personas["reviewer"]
    make_verdict(make_report(make_commitment(partner, closed_cycle, "Met one"), "met"), reviewer, "dispute")
    make_commitment(partner, closed_cycle, "Silent one")
    make_report(make_commitment(partner, open_cycle, "Exceeded one"), "exceeded")
    make_commitment(partner, open_cycle, "Pending one")
    make_verdict(make_report(make_commitment(other_partner, closed_cycle, "Other one"), "none"), reviewer)


def read_csv(response) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_counts_each_cycle_against_the_records(client_as, records):
    rows = read_csv(client_as(None).get("/accountability/cycles.csv"))
    assert [r["cycle"] for r in rows] == ["2025", "2026"]  # oldest first: the trend
    assert {k: rows[0][k] for k in ["made", "reported", "met_or_exceeded", "disputed", "not_reported",
                                    "awaiting"]} == {"made": "3", "reported": "2", "met_or_exceeded": "1",
                                                     "disputed": "1", "not_reported": "1", "awaiting": "0"}
    assert rows[0]["reported_share"] == "66.7"  # 2 of the 3 due
    later = rows[1]
    assert [later[k] for k in ["made", "reported", "awaiting", "not_reported"]] == ["2", "1", "1", "0"]


def test_it_counts_each_partner_against_the_records(client_as, records):
    rows = {r["partner"]: r for r in read_csv(client_as(None).get("/accountability/partners.csv"))}
    assert rows["partner"]["made"] == "4" and rows["partner"]["not_reported"] == "1"
    assert rows["Other Partner"]["made"] == "1" and rows["Other Partner"]["met_or_exceeded"] == "0"


def test_it_shows_not_reported_publicly_once_the_deadline_passed(client_as, records):
    rows = {r["what"]: r for r in read_csv(client_as(None).get("/accountability/commitments.csv"))}
    assert rows["Silent one"]["status"] == "not_reported"
    assert rows["Pending one"]["status"] == "awaiting"
    assert rows["Met one"]["verification"] == "disputed" and rows["Other one"]["verification"] == "confirmed"
    page = client_as(None).get("/accountability/").content.decode()
    assert "Not reported" in page and "Silent one" in page


def test_it_shows_one_partners_commitments_only_on_their_page(client_as, records):
    page = client_as(None).get("/accountability/partners/other-partner/").content.decode()
    assert "Other one" in page and "Silent one" not in page
    rows = read_csv(client_as(None).get("/accountability/partners/other-partner/commitments.csv"))
    assert [r["what"] for r in rows] == ["Other one"]
    cycles = read_csv(client_as(None).get("/accountability/partners/partner/cycles.csv"))
    assert sum(int(r["made"]) for r in cycles) == 4


def test_it_answers_404_for_an_unknown_partner_or_table(client_as, records):
    assert client_as(None).get("/accountability/partners/nobody/").status_code == 404
    assert client_as(None).get("/accountability/partners/reviewer/").status_code == 404
    assert client_as(None).get("/accountability/nothing.csv").status_code == 404
    assert client_as(None).get("/accountability/partners/partner/partners.csv").status_code == 404


def test_it_links_the_audit_log_for_the_secretariat_only_and_the_public_history_for_all(client_as, records):
    assert '"/commitments/' in client_as("secretariat").get("/accountability/").content.decode()
    for persona in ["partner", None]:
        page = client_as(persona).get("/accountability/").content.decode()
        assert '"/commitments/' not in page and "/accountability/commitments/" in page


def test_it_keeps_a_partners_formula_from_running_in_a_spreadsheet(client_as, personas, open_cycle,
                                                                   make_commitment):
    make_commitment(personas["partner"], open_cycle, '=HYPERLINK("http://evil.example")')
    rows = read_csv(client_as(None).get("/accountability/commitments.csv"))
    assert rows[0]["what"] == "'=HYPERLINK(\"http://evil.example\")"
