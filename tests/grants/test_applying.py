"""Applying for a micro-grant: the project, budget lines (their total computed), timeline, and how it
advances women's participation; only the kinds of applicant the call is open to."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from criticalmass.grants.models import Application

FORM = {"app-applicant_kind": "club", "app-group_name": "Accra Peace Club", "app-country": "GHA",
        "app-project_title": "Campus dialogues", "app-project": "Six dialogues.",
        "app-advances_women": "Women students chair them.", "app-starts_on": "2027-01-10",
        "app-ends_on": "2027-04-10", "app-timeline": "January: plan; February to April: dialogues.",
        "lines-TOTAL_FORMS": "5", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "20", "lines-0-item": "Venue", "lines-0-amount": "600.50",
        "lines-1-item": "Transport", "lines-1-amount": "399.50"}


def test_it_records_an_application_with_its_budget_lines_and_computed_total(client_as, personas, call):
    response = client_as("advocate").post(f"/grants/calls/{call.slug}/apply/", FORM)
    assert response.status_code == 302 and response["Location"] == "/grants/mine/"
    application = Application.objects.get()
    assert application.applicant == personas["advocate"] and application.status == "submitted"
    assert application.budget_total() == Decimal("1000.00")
    assert "Campus dialogues" in client_as("advocate").get("/grants/mine/").content.decode()


def test_it_refuses_budget_lines_over_the_maximum_per_grant_and_keeps_nothing(client_as, call):
    response = client_as("advocate").post(f"/grants/calls/{call.slug}/apply/",
                                          {**FORM, "lines-1-amount": "1000"})
    assert response.status_code == 400
    assert "add up to 1600.50 USD, over the call&#x27;s maximum of 1500.00 USD" in response.content.decode()
    assert not Application.objects.exists()


def test_it_refuses_an_application_without_budget_lines(client_as, call):
    form = {k: v for k, v in FORM.items() if not k.startswith(("lines-0", "lines-1"))}
    response = client_as("advocate").post(f"/grants/calls/{call.slug}/apply/", form)
    assert response.status_code == 400 and "Give at least one budget line" in response.content.decode()
    assert not Application.objects.exists()


def test_it_offers_only_the_kinds_of_applicant_the_call_is_open_to(client_as, call):
    call.open_to_students = False
    call.save()
    response = client_as("advocate").post(f"/grants/calls/{call.slug}/apply/",
                                          {**FORM, "app-applicant_kind": "student"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not Application.objects.exists()


def test_it_refuses_a_project_that_ends_before_it_starts(client_as, call):
    response = client_as("visitor").post(f"/grants/calls/{call.slug}/apply/",
                                         {**FORM, "app-ends_on": "2026-12-01"})
    assert response.status_code == 400 and "cannot end before it starts" in response.content.decode()


def test_it_sends_applicants_back_to_the_call_once_it_is_closed(client_as, call):
    call.deadline = call.opens_on = dt.date(2020, 1, 1)
    call.save()
    response = client_as("advocate").post(f"/grants/calls/{call.slug}/apply/", FORM)
    assert response.status_code == 302 and response["Location"] == f"/grants/calls/{call.slug}/"
    assert not Application.objects.exists()


def test_it_refuses_applications_from_partners(client_as, call):
    assert client_as("partner").post(f"/grants/calls/{call.slug}/apply/", FORM).status_code == 403
    assert not Application.objects.exists()
