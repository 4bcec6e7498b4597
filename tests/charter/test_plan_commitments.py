"""A commitment can concern a plan or law: partners pick it, the plan's page lists it, the API and CSV
name it, and another partner cannot change it."""

from __future__ import annotations

import csv
import io

import pytest

from criticalmass.charter.models import Commitment
from criticalmass.watchdog.models import Plan
from tests.charter.test_commitments import commitment_form


@pytest.fixture
def plan(db) -> Plan:
    return Plan.objects.create(slug="tst-plan-gha", country_id="GHA", kind="nap", generation=9,
                               title="Ghana test plan", source_title="Test", source_url="https://example.org/p")


def test_it_lets_a_partner_link_their_commitment_to_a_plan(client_as, personas, open_cycle, plan):
    response = client_as("partner").post("/my/commitments/new/", commitment_form(open_cycle, plan=plan.pk))
    assert response.status_code == 302
    assert Commitment.objects.get().plan == plan


def test_it_offers_the_plans_in_the_commitment_form(client_as, open_cycle, plan):
    page = client_as("partner").get("/my/commitments/new/").content.decode()
    assert "Plan or law it concerns" in page and "Ghana test plan" in page


def test_it_refuses_an_unknown_plan_with_a_message_and_writes_nothing(client_as, open_cycle, plan):
    response = client_as("partner").post("/my/commitments/new/", commitment_form(open_cycle, plan=999999))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Commitment.objects.exists()


def test_it_lists_the_commitments_that_concern_a_plan_on_its_page(client, personas, open_cycle, plan,
                                                                   make_commitment):
    linked = make_commitment(personas["partner"], open_cycle, what="Fund the plan's women's desk")
    linked.plan = plan
    linked.save()
    make_commitment(personas["partner"], open_cycle, what="Something about another subject")
    page = client.get(f"/watchdog/plans/{plan.slug}/").content.decode()
    assert "Commitments that concern this plan" in page
    assert "Fund the plan&#x27;s women&#x27;s desk" in page
    assert "Something about another subject" not in page


def test_it_shows_no_commitments_section_on_a_plan_none_concerns(client, plan):
    assert "Champions" not in client.get(f"/watchdog/plans/{plan.slug}/").content.decode()


def test_it_forbids_another_partner_to_change_the_plan_of_a_commitment(client_as, other_partner, open_cycle,
                                                                       plan, make_commitment):
    commitment = make_commitment(other_partner, open_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/",
                                         commitment_form(open_cycle, plan=plan.pk))
    assert response.status_code == 403
    commitment.refresh_from_db()
    assert commitment.plan is None


def test_it_names_the_plan_in_the_api_and_the_csv(client_as, personas, open_cycle, plan, make_commitment):
    linked = make_commitment(personas["partner"], open_cycle, what="Linked")
    linked.plan = plan
    linked.save()
    make_commitment(personas["partner"], open_cycle, what="Unlinked")
    items = {c["what"]: c for c in client_as(None).get("/api/charter/commitments").json()["items"]}
    assert items["Linked"]["plan"] == "tst-plan-gha" and items["Unlinked"]["plan"] is None
    response = client_as(None).get("/accountability/commitments.csv")
    rows = {r["what"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["Linked"]["plan"] == "Ghana test plan" and rows["Unlinked"]["plan"] == ""


def test_it_keeps_the_commitment_when_its_plan_is_deleted(personas, open_cycle, plan, make_commitment):
    linked = make_commitment(personas["partner"], open_cycle)
    linked.plan = plan
    linked.save()
    plan.delete()
    linked.refresh_from_db()
    assert linked.plan is None
