"""Peace negotiations: how many agreements reached the floor in each role, and each agreement's
delegates by role, with "unknown" where the source does not say. See pages_world.build_talks."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import Category, Process, TargetPolicy
from tests.parity.pages_world import build_talks, fresh_cache, negotiation, page_tables, table  # noqa: F401

OVERVIEW = "How many agreements reached"


@pytest.fixture
def talks(source):
    return build_talks(source)


@pytest.mark.parametrize("persona", [None, "partner", "secretariat"])
def test_it_shows_the_negotiations_to_everyone(client_as, talks, persona):
    response = client_as(persona).get("/negotiations/")
    assert response.status_code == 200
    assert "Women at the peace table" in response.content.decode()


def test_it_counts_the_agreements_that_reached_30_percent_in_each_role(client, talks):
    rows = table(client.get("/negotiations/"), OVERVIEW)
    assert rows == [
        ["All delegates", "2", "1", "50.0%"],
        ["Signatories", "3", "1", "33.3%"],
        ["Negotiators", "1", "1", "100.0%"],
        ["Observers", "0", "0", "—"],
    ]


def test_it_reads_the_floor_from_the_policy(client, talks):
    TargetPolicy.objects.filter(slug="escalating-to-parity").update(floor=25)
    response = client.get("/negotiations/")
    rows = table(response, "How many agreements reached 25% women")
    assert rows[0] == ["All delegates", "2", "2", "100.0%"]
    assert "Agreements with at least 25% women" in page_tables(response).headers[
        "How many agreements reached 25% women in each role (Escalating to parity's floor)"]


def test_it_lists_each_agreements_delegates_by_role(client, talks):
    body = client.get("/negotiations/")
    assert table(body, "Delegates by role, PA-X 8") == [
        ["All delegates", "20", "5", "15", "25.0%", "no"],
        ["Signatories", "10", "1", "9", "10.0%", "no"],
        ["Negotiators", "10", "4", "unknown", "40.0%", "yes"],
        ["Observers", "5", "unknown", "unknown", "unknown", "unknown"],
    ]
    assert table(body, "Delegates by role, PA-X 9") == [
        ["All delegates", "20", "6", "unknown", "30.0%", "yes"],
        ["Signatories", "10", "3", "7", "30.0%", "yes"],
    ]


def test_it_lists_agreements_oldest_first_with_conflict_and_date(client, talks):
    body = client.get("/negotiations/").content.decode()
    first, second, third = (body.index(f"<h3>PA-X {n} ·") for n in (8, 10, 9))
    assert first < second < third
    colombia = '<a href="/negotiations/colombia/">Colombia</a> · <time datetime="2016-11-24">24 November 2016'
    assert colombia in body


def test_it_cites_each_agreements_row(client, talks):
    assert "Test dataset, test.csv, row 41." in client.get("/negotiations/").content.decode()


def test_it_shows_one_conflicts_agreements(client, talks):
    response = client.get("/negotiations/colombia/")
    assert response.status_code == 200
    assert table(response, OVERVIEW) == [["Signatories", "1", "0", "0.0%"]]
    assert table(response, "Delegates by role, PA-X 10") == [["Signatories", "4", "0", "4", "0.0%", "no"]]
    assert "PA-X 8" not in response.content.decode()


def test_it_answers_an_unknown_conflict_with_404(client, talks):
    assert client.get("/negotiations/no-such-conflict/").status_code == 404


def test_it_answers_a_mission_under_negotiations_with_404(client, talks, make_mission):
    make_mission("UNMISS", "SSD")
    assert client.get("/negotiations/unmiss/").status_code == 404


def test_it_links_each_conflict(client, talks):
    body = client.get("/negotiations/").content.decode()
    linked = '<a href="/negotiations/south-sudan/">South Sudan</a> <span class="count">(2 agreements)</span>'
    assert linked in body


def test_it_pages_agreements_25_at_a_time(client, source):
    rows = [(f"PA-X {n}", f"2000-01-{n:02d}", Category.SIGNATORIES, 1, 9, 10, n + 1) for n in range(1, 31)]
    negotiation(source, "long-talks", "Long talks", rows)
    first, second = client.get("/negotiations/"), client.get("/negotiations/?page=2")
    assert first.content.decode().count('<article class="agreement">') == 25
    assert second.content.decode().count('<article class="agreement">') == 5
    assert "Page 2 of 2" in second.content.decode()
    assert "30 agreements" in first.content.decode()


def test_it_says_how_to_import_when_there_are_no_agreements(client, db):
    body = client.get("/negotiations/").content.decode()
    assert "No agreements yet" in body and "<svg" not in body


def test_it_draws_the_overview_chart(client, talks):
    body = client.get("/negotiations/").content.decode()
    assert body.count("<svg") == 1 and "50.0% (1 of 2)" in body


def test_it_leaves_negotiation_observations_without_a_document_out(client, talks):
    process = Process.objects.get(slug="south-sudan")
    negotiation_row = process.observations.first()
    negotiation_row.pk, negotiation_row.document, negotiation_row.role = None, "", Category.MEDIATORS
    negotiation_row.save()
    assert [r[0] for r in table(client.get("/negotiations/"), OVERVIEW)] == [
        "All delegates", "Signatories", "Negotiators", "Observers"]
