"""Partners make and edit their own commitments and report on them; each change keeps its history."""

from __future__ import annotations

import pytest

from criticalmass.charter.models import Commitment, Report
from criticalmass.core.models import AuditEvent


def commitment_form(cycle, **changes):
    return {"cycle": cycle.pk, "what": "Bring women to the table", "indicator": "Women delegates",
            "baseline": "10%", "target": "30%", "deadline": "2030-12-31", "process": "", "organization": "",
            "event": "", "plan": "",
            **changes}


REPORT = {"progress": "met", "narrative": "We did it.", "evidence": "https://example.org/a\nhttps://example.org/b"}


def test_it_lets_a_partner_make_a_commitment_and_records_it(client_as, personas, open_cycle):
    response = client_as("partner").post("/my/commitments/new/", commitment_form(open_cycle))
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert commitment.owner == personas["partner"] and commitment.target == "30%"
    assert AuditEvent.objects.get(action="commitment.created").user == personas["partner"]


def test_it_refuses_a_commitment_in_a_closed_cycle_and_writes_nothing(client_as, closed_cycle):
    response = client_as("partner").post("/my/commitments/new/", commitment_form(closed_cycle))
    assert response.status_code == 400 and "is not open" in response.content.decode()
    assert not Commitment.objects.exists()


def test_it_names_each_missing_field_of_a_commitment(client_as, open_cycle):
    response = client_as("partner").post("/my/commitments/new/", commitment_form(open_cycle, indicator="",
                                                                               deadline="31/12/2030"))
    page = response.content.decode()
    assert response.status_code == 400 and "This field is required." in page and "Enter a valid date." in page
    assert not Commitment.objects.exists()


def test_it_lets_a_partner_edit_their_own_commitment(client_as, personas, open_cycle, make_commitment):
    commitment = make_commitment(personas["partner"], open_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/",
                                         commitment_form(open_cycle, target="40%",
                                                         deadline=commitment.deadline))
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.target == "40%"
    event = AuditEvent.objects.get(action="commitment.changed")
    assert event.detail["changes"] == {"target": ["30%", "40%"]}


def test_it_rejects_other_partners_commitment(client_as, other_partner, open_cycle, make_commitment):
    commitment = make_commitment(other_partner, open_cycle)
    client = client_as("partner")
    assert client.get(f"/my/commitments/{commitment.pk}/").status_code == 403
    changed = commitment_form(open_cycle, target="1%")
    assert client.post(f"/my/commitments/{commitment.pk}/", changed).status_code == 403
    assert client.post(f"/my/commitments/{commitment.pk}/report/", REPORT).status_code == 403
    commitment.refresh_from_db()
    assert commitment.target == "30%" and not Report.objects.exists()


def test_it_lets_the_secretariat_edit_any_commitment_with_a_public_reason(client_as, other_partner,
                                                                          open_cycle, make_commitment):
    commitment = make_commitment(other_partner, open_cycle)
    response = client_as("secretariat").post(f"/my/commitments/{commitment.pk}/",
                                             {**commitment_form(open_cycle, target="35%"),
                                              "reason": "The partner wrote 35% in his letter"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.target == "35%"
    page = client_as(None).get(f"/accountability/commitments/{commitment.pk}/history/").content.decode()
    assert "Secretariat correction: The partner wrote 35% in his letter" in page


def test_it_refuses_a_secretariat_correction_without_a_reason(client_as, other_partner, open_cycle,
                                                              make_commitment):
    commitment = make_commitment(other_partner, open_cycle)
    response = client_as("secretariat").post(f"/my/commitments/{commitment.pk}/",
                                             commitment_form(open_cycle, target="35%"))
    assert response.status_code == 400 and "the reason is shown publicly" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.target == "30%"


def test_it_answers_404_for_an_unknown_commitment(client_as, open_cycle):
    assert client_as("partner").get("/my/commitments/999999/").status_code == 404


def test_it_records_a_report_on_the_four_level_scale(client_as, personas, open_cycle, make_commitment):
    commitment = make_commitment(personas["partner"], open_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/report/", REPORT)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.progress == "met" and report.evidence_links() == ["https://example.org/a", "https://example.org/b"]
    target = f"charter.commitment:{commitment.pk}"
    assert AuditEvent.objects.filter(action="report.created", target=target).exists()


def test_it_names_the_line_of_a_bad_evidence_link_and_writes_nothing(client_as, personas, open_cycle,
                                                                      make_commitment):
    commitment = make_commitment(personas["partner"], open_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/report/",
                                         {**REPORT, "evidence": "https://example.org/a\nnot a link"})
    assert response.status_code == 400
    assert "Line 2 is not a web address: not a link" in response.content.decode()
    assert not Report.objects.exists()


def test_it_refuses_a_progress_level_off_the_scale(client_as, personas, open_cycle, make_commitment):
    commitment = make_commitment(personas["partner"], open_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/report/",
                                         {**REPORT, "progress": "great"})
    assert response.status_code == 400 and "Select a valid choice." in response.content.decode()
    assert not Report.objects.exists()


def test_it_refuses_reports_after_the_deadline(client_as, personas, closed_cycle, make_commitment):
    commitment = make_commitment(personas["partner"], closed_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/report/", REPORT, follow=True)
    assert "has passed" in response.content.decode()
    assert not Report.objects.exists()


def test_it_shows_the_history_of_changes_to_the_secretariat(client_as, personas, open_cycle, make_commitment):
    commitment = make_commitment(personas["partner"], open_cycle)
    client_as("partner").post(f"/my/commitments/{commitment.pk}/", commitment_form(open_cycle, target="45%"))
    client_as("partner").post(f"/my/commitments/{commitment.pk}/report/", REPORT)
    page = client_as("secretariat").get(f"/commitments/{commitment.pk}/history/").content.decode()
    assert "commitment.changed" in page and "45%" in page and "report.created" in page and "partner" in page


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor"])
def test_it_hides_the_history_from_everyone_but_the_secretariat(client_as, personas, open_cycle,
                                                                make_commitment, persona):
    commitment = make_commitment(personas["partner"], open_cycle)
    assert client_as(persona).get(f"/commitments/{commitment.pk}/history/").status_code == 403
    response = client_as(None).get(f"/commitments/{commitment.pk}/history/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_lists_only_the_partners_own_commitments_on_their_page(client_as, personas, other_partner,
                                                                  open_cycle, make_commitment):
    make_commitment(personas["partner"], open_cycle, what="Mine to keep")
    make_commitment(other_partner, open_cycle, what="Somebody else's")
    page = client_as("partner").get("/my/commitments/").content.decode()
    assert "Mine to keep" in page and "Somebody else" not in page


def test_it_reminds_a_partner_of_the_cycles_minimum(client_as, open_cycle):
    open_cycle.min_commitments = 2
    open_cycle.save()
    assert "asks for at least 2 commitments" in client_as("partner").get("/my/commitments/").content.decode()


PARTNER_PAGES = ["/my/commitments/", "/my/commitments/new/"]


@pytest.mark.parametrize("persona", ["advocate", "reviewer", "visitor"])
@pytest.mark.parametrize("url", PARTNER_PAGES)
def test_it_forbids_partner_pages_to_other_roles(client_as, open_cycle, persona, url):
    assert client_as(persona).get(url).status_code == 403


def test_it_forbids_the_secretariat_from_making_commitments_for_itself(client_as, open_cycle):
    assert client_as("secretariat").get("/my/commitments/").status_code == 403
    response = client_as("secretariat").post("/my/commitments/new/", commitment_form(open_cycle))
    assert response.status_code == 403
    assert not Commitment.objects.exists()


@pytest.mark.parametrize("url", PARTNER_PAGES)
def test_it_sends_anonymous_people_to_log_in_for_partner_pages(client_as, url):
    response = client_as(None).get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", PARTNER_PAGES)
def test_it_opens_partner_pages_to_partners(client_as, open_cycle, url):
    assert client_as("partner").get(url).status_code == 200


def test_it_refuses_an_empty_report_and_names_the_missing_fields(client_as, personas, open_cycle,
                                                                 make_commitment):
    commitment = make_commitment(personas["partner"], open_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/report/", {})
    assert response.status_code == 400 and response.content.decode().count("This field is required.") == 2
    assert not Report.objects.exists()


def test_it_locks_a_partners_commitment_once_its_cycle_closed(client_as, personas, closed_cycle,
                                                              make_commitment):
    commitment = make_commitment(personas["partner"], closed_cycle)
    response = client_as("partner").post(f"/my/commitments/{commitment.pk}/",
                                         commitment_form(closed_cycle, target="0%"), follow=True)
    assert "can no longer be changed" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.target == "30%" and not AuditEvent.objects.exists()


def test_it_finds_the_commitments_that_concern_a_process(personas, open_cycle, make_commitment, make_mission):
    from criticalmass.charter.queries import concerning

    mission = make_mission("UNMISS")
    linked = make_commitment(personas["partner"], open_cycle)
    linked.process = mission
    linked.save()
    make_commitment(personas["partner"], open_cycle, "Unlinked")
    assert list(concerning(process_pk=mission.pk)) == [linked]
