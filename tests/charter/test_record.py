"""An append-only record: a verdict is bound to the version it was given on; a later edit shows as
"changed after verification" with both texts and tells the reviewer; weakenings after a report are
shown beside the commitment; every version is on the commitment's public history."""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from html import escape

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criticalmass.charter.models import Commitment, Report, Verification
from tests.charter.test_commitments import commitment_form

pytestmark = pytest.mark.usefixtures("locmem")
FIRST = {"progress": "met", "narrative": "Three women mediators joined the talks.", "evidence": ""}


@pytest.fixture
def locmem():
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        yield


def reported(client_as, personas, cycle) -> Commitment:
    """The partner's commitment (target 30%) with his report, confirmed by the reviewer on the site."""
    commitment = Commitment.objects.create(owner=personas["partner"], cycle=cycle,
                                           what="Bring women to the table", indicator="Women delegates",
                                           baseline="10%", target="30%", deadline="2030-12-31")
    assert client_as("partner").post(f"/my/commitments/{commitment.pk}/report/", FIRST).status_code == 302
    report = Report.objects.get(commitment=commitment)
    verdict = {"verdict": "confirm", "comment": "We were there."}
    assert client_as("reviewer").post(f"/review/reports/{report.pk}/", verdict).status_code == 302
    return commitment


@pytest.fixture
def commitment(client_as, personas, open_cycle) -> Commitment:
    return reported(client_as, personas, open_cycle)


def test_it_binds_a_verdict_to_the_version_it_was_given_on(commitment):
    verification = Verification.objects.get()
    assert verification.verified_report.narrative == FIRST["narrative"]
    assert verification.verified_commitment.target == "30%"
    assert not verification.changed()


def test_it_shows_a_report_edited_after_its_confirmation_as_changed_with_both_texts(
        client_as, commitment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_as("partner").post(f"/my/commitments/{commitment.pk}/report/",
                                  {**FIRST, "narrative": "Five women mediators joined the talks."})
    page = client_as(None).get("/accountability/").content.decode()
    assert "Changed after verification" in page and "Confirmed by a reviewer" not in page
    assert "Five women mediators joined the talks." in page and FIRST["narrative"] in page
    [message] = mail.outbox
    assert message.to == ["reviewer@example.org"] and "was changed" in message.subject
    assert f"/accountability/commitments/{commitment.pk}/history/" in message.body


def test_it_tells_the_reviewer_once_per_edit_and_not_at_all_when_she_chose_no_review_mails(
        client_as, personas, commitment, django_capture_on_commit_callbacks):
    client = client_as("partner")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/my/commitments/{commitment.pk}/report/", {**FIRST, "narrative": "Second text."})
        client.post(f"/my/commitments/{commitment.pk}/report/", {**FIRST, "narrative": "Third text."})
    assert len(mail.outbox) == 1  # the second edit leaves a verdict already shown as changed
    personas["reviewer"].notify_reviews = False
    personas["reviewer"].save()
    client_as("reviewer").post(f"/review/reports/{commitment.report.pk}/",
                               {"verdict": "confirm", "comment": "Checked again."})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/my/commitments/{commitment.pk}/report/", {**FIRST, "narrative": "Fourth text."})
    assert len(mail.outbox) == 1


def test_it_tells_the_partner_on_his_page_that_his_edit_left_the_verdict_on_an_earlier_text(client_as,
                                                                                          commitment):
    client = client_as("partner")
    assert "changed after verification" not in client.get("/my/commitments/").content.decode()
    client.post(f"/my/commitments/{commitment.pk}/report/", {**FIRST, "narrative": "Edited."})
    assert "changed after verification" in client.get("/my/commitments/").content.decode()


def test_it_confirms_again_when_the_reviewer_gives_a_new_verdict_on_the_new_text(client_as, commitment):
    client_as("partner").post(f"/my/commitments/{commitment.pk}/report/", {**FIRST, "narrative": "New."})
    client_as("reviewer").post(f"/review/reports/{commitment.report.pk}/",
                               {"verdict": "confirm", "comment": "The new text is right."})
    page = client_as(None).get("/accountability/").content.decode()
    assert "Confirmed by a reviewer" in page and "Changed after verification" not in page
    history = client_as(None).get(f"/accountability/commitments/{commitment.pk}/history/").content.decode()
    assert "We were there." in history and "The new text is right." in history


def test_it_shows_a_target_lowered_after_a_disputed_report_beside_the_commitment(client_as, commitment):
    client_as("reviewer").post(f"/review/reports/{commitment.report.pk}/",
                               {"verdict": "dispute", "comment": "Only one woman."})
    client_as("partner").post(f"/my/commitments/{commitment.pk}/", commitment_form(commitment.cycle,
                                                                                    target="10%"))
    for url in ["/accountability/", "/accountability/partners/partner/",
                f"/accountability/commitments/{commitment.pk}/history/"]:
        page = client_as(None).get(url).content.decode()
        assert "Target lowered from 30% to 10%" in page and "after a disputed report" in page, url


def test_it_marks_a_verdict_changed_when_the_commitment_it_verified_is_rewritten(client_as, commitment):
    client_as("partner").post(f"/my/commitments/{commitment.pk}/", commitment_form(commitment.cycle,
                                                                                    deadline="2031-12-31"))
    page = client_as(None).get("/accountability/").content.decode()
    assert "Changed after verification" in page and "Deadline when verified: 2030-12-31" in page
    assert "Deadline moved later from 2030-12-31 to 2031-12-31" in page


def test_it_writes_the_public_history_as_csv(client_as, commitment):
    client_as("partner").post(f"/my/commitments/{commitment.pk}/", commitment_form(commitment.cycle,
                                                                                    target="10%"))
    response = client_as(None).get(f"/accountability/commitments/{commitment.pk}/history.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["record"] for row in rows] == ["commitment", "report", "verification", "commitment"]
    assert rows[-1]["what"] == "target lowered from 30% to 10%" and rows[-1]["by"] == "partner"
    assert rows[2]["by"] == "A reviewer for Women Mediators Network"  # never the reviewer's own name


def test_it_answers_404_for_the_history_of_an_unknown_commitment(client_as, db):
    assert client_as(None).get("/accountability/commitments/999999/history/").status_code == 404
    assert client_as(None).get("/accountability/commitments/999999/history.csv").status_code == 404


def test_it_shows_the_verified_version_and_the_change_in_the_api(client_as, commitment):
    client_as("partner").post(f"/my/commitments/{commitment.pk}/report/", {**FIRST, "narrative": "Later."})
    [report] = client_as(None).get("/api/charter/reports").json()["items"]
    [verdict] = report["verifications"]
    assert report["changed_after_verification"] and verdict["changed_after_verification"]
    assert verdict["verified_version"]["narrative"] == FIRST["narrative"] and report["narrative"] == "Later."
    assert verdict["verified_version"]["target"] == "30%"
    [item] = client_as(None).get("/api/charter/commitments").json()["items"]
    assert item["verification"] == "changed after verification"


@contextmanager
def rolled_back():
    """One Hypothesis example's changes, undone when it ends."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=12)
EDITS = st.lists(st.one_of(
    st.tuples(st.just("report"), st.sampled_from(["exceeded", "met", "limited", "none"]), words),
    st.tuples(st.just("commitment"), st.integers(min_value=0, max_value=99), st.sampled_from(
        ["2029-01-31", "2030-12-31", "2032-06-30"])),
), min_size=1, max_size=4)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_it_lets_no_sequence_of_partner_edits_change_a_verified_version_or_erase_a_past_value(
        client_as, personas, open_cycle, edits):
    with rolled_back():
        commitment = reported(client_as, personas, open_cycle)
        verification = Verification.objects.select_related("verified_report", "verified_commitment").get()
        bound = (verification.verified_report_id, verification.verified_commitment_id,
                 verification.verified_fingerprint, verification.verified_report.narrative,
                 verification.verified_commitment.target)
        values = {FIRST["narrative"], "30%"}
        partner = client_as("partner")
        for kind, first, second in edits:
            if kind == "report":
                narrative = f"Report {second}"
                partner.post(f"/my/commitments/{commitment.pk}/report/",
                             {"progress": first, "narrative": narrative, "evidence": ""})
                values.add(narrative)
            else:
                partner.post(f"/my/commitments/{commitment.pk}/",
                             commitment_form(open_cycle, target=f"{first}%", deadline=second))
                values.add(f"{first}%")
        verification = Verification.objects.select_related("verified_report", "verified_commitment").get()
        assert (verification.verified_report_id, verification.verified_commitment_id,
                verification.verified_fingerprint, verification.verified_report.narrative,
                verification.verified_commitment.target) == bound
        history = client_as(None).get(
            f"/accountability/commitments/{commitment.pk}/history/").content.decode()
        for value in values:
            assert escape(value) in history, value
        report = Report.objects.get()
        changed = report.fingerprint() != bound[2]
        page = client_as(None).get("/accountability/").content.decode()
        assert ("Changed after verification" in page) == changed
        assert ("Confirmed by a reviewer" in page) == (not changed)


def test_it_reads_the_records_of_the_accountability_page_in_the_same_queries_for_1_or_12_commitments(
        client_as, personas, open_cycle):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client_as(None).get("/accountability/").status_code == 200
        return len(captured)

    reported(client_as, personas, open_cycle)
    queries_for_page()  # the first request fills the caches (chart, data version)
    one = queries_for_page()
    for _ in range(11):
        reported(client_as, personas, open_cycle)
    client_as("partner").post(f"/my/commitments/{Commitment.objects.first().pk}/",
                              commitment_form(open_cycle, target="5%"))
    queries_for_page()
    assert queries_for_page() == one
