"""Reviewers confirm or dispute reports; disputes show publicly with the partner's answer."""

from __future__ import annotations

import pytest

from criticalmass.charter.models import Verification


@pytest.fixture
def report(personas, open_cycle, make_commitment, make_report):
    return make_report(make_commitment(personas["partner"], open_cycle, what="Open doors for women"))


def test_it_shows_reports_to_reviewers_with_a_verdict_form(client_as, report):
    page = client_as("reviewer").get("/review/").content.decode()
    assert "Open doors for women" in page and f'action="/review/reports/{report.pk}/"' in page


def test_it_records_a_dispute_and_marks_it_publicly(client_as, personas, report):
    response = client_as("reviewer").post(f"/review/reports/{report.pk}/",
                                          {"verdict": "dispute", "comment": "No women were at the table."})
    assert response.status_code == 302
    verification = Verification.objects.get()
    assert verification.reviewer == personas["reviewer"] and verification.verdict == "dispute"
    page = client_as(None).get("/accountability/").content.decode()
    assert "Disputed" in page and "No women were at the table." in page


def test_it_replaces_a_reviewers_earlier_verdict(client_as, report):
    client = client_as("reviewer")
    client.post(f"/review/reports/{report.pk}/", {"verdict": "dispute", "comment": "Unclear."})
    client.post(f"/review/reports/{report.pk}/", {"verdict": "confirm", "comment": "Now clear."})
    assert Verification.objects.get().verdict == "confirm"
    assert "Confirmed by a reviewer" in client_as(None).get("/accountability/").content.decode()


def test_it_requires_a_verdict_and_a_comment(client_as, report):
    response = client_as("reviewer").post(f"/review/reports/{report.pk}/", {"verdict": "", "comment": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    assert not Verification.objects.exists()


def test_it_lets_the_partner_answer_a_dispute(client_as, personas, report, make_verdict):
    verification = make_verdict(report, personas["reviewer"], "dispute")
    response = client_as("partner").post(f"/my/verifications/{verification.pk}/answer/",
                                         {"answer": "See the minutes."})
    assert response.status_code == 302
    verification.refresh_from_db()
    assert verification.answer == "See the minutes." and verification.answered_at is not None
    assert "See the minutes." in client_as(None).get("/accountability/").content.decode()


def test_it_refuses_an_empty_answer_and_keeps_nothing(client_as, personas, report, make_verdict):
    verification = make_verdict(report, personas["reviewer"], "dispute")
    response = client_as("partner").post(f"/my/verifications/{verification.pk}/answer/", {"answer": ""},
                                         follow=True)
    assert "Write an answer before sending it." in response.content.decode()
    verification.refresh_from_db()
    assert verification.answer == ""


def test_it_rejects_an_answer_on_another_partners_report(client_as, personas, other_partner, open_cycle,
                                                         make_commitment, make_report, make_verdict):
    theirs = make_report(make_commitment(other_partner, open_cycle))
    verification = make_verdict(theirs, personas["reviewer"], "dispute")
    response = client_as("partner").post(f"/my/verifications/{verification.pk}/answer/", {"answer": "Mine!"})
    assert response.status_code == 403
    verification.refresh_from_db()
    assert verification.answer == ""


@pytest.mark.parametrize("persona", ["secretariat", "partner", "advocate", "visitor"])
def test_it_forbids_verdicts_to_everyone_but_reviewers(client_as, report, persona):
    verdict = {"verdict": "confirm", "comment": "x"}
    response = client_as(persona).post(f"/review/reports/{report.pk}/", verdict)
    assert response.status_code == 403 and not Verification.objects.exists()


@pytest.mark.parametrize("persona", ["partner", "advocate", "visitor"])
def test_it_forbids_the_review_page_to_other_roles(client_as, report, persona):
    assert client_as(persona).get("/review/").status_code == 403


def test_it_opens_the_review_page_to_the_secretariat_without_a_form(client_as, report):
    page = client_as("secretariat").get("/review/").content.decode()
    assert "Open doors for women" in page and "/review/reports/" not in page


@pytest.mark.parametrize("url", ["/review/", "/review/reports/1/", "/my/verifications/1/answer/"])
def test_it_sends_anonymous_people_to_log_in_to_review(client_as, url):
    response = client_as(None).post(url) if "reports" in url or "answer" in url else client_as(None).get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_refuses_a_verdict_with_a_get(client_as, report):
    assert client_as("reviewer").get(f"/review/reports/{report.pk}/").status_code == 405
