"""The admin is no back door: every change to a commitment, report, verification or signature needs a
reason, goes through the history and shows publicly as a secretariat correction; a verdict is never
overwritten there (only a reviewer's new verdict corrects it); nothing is deleted there."""

from __future__ import annotations

import pytest
from django.utils import timezone

from criticalmass.charter.members import forget_member
from criticalmass.charter.models import Signature, Verification


@pytest.fixture
def verdict(personas, open_cycle, make_commitment, make_report, make_verdict) -> Verification:
    return make_verdict(make_report(make_commitment(personas["partner"], open_cycle)), personas["reviewer"],
                        "dispute")


def commitment_admin_form(commitment, **changes):
    return {"owner": commitment.owner_id, "cycle": commitment.cycle_id, "what": commitment.what,
            "indicator": commitment.indicator, "baseline": commitment.baseline, "target": commitment.target,
            "deadline": commitment.deadline.isoformat(), "process": "", "organization": "", "event": "",
            "plan": "", **changes}


def test_it_refuses_an_admin_change_without_a_reason_and_changes_nothing(client_as, verdict):
    commitment = verdict.report.commitment
    response = client_as("secretariat").post(f"/admin/charter/commitment/{commitment.pk}/change/",
                                             commitment_admin_form(commitment, target="10%"))
    assert response.status_code == 200 and "the reason is shown publicly" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.target == "30%"


def test_it_shows_an_admin_change_publicly_as_a_secretariat_correction_with_its_reason(client_as, verdict):
    commitment = verdict.report.commitment
    response = client_as("secretariat").post(
        f"/admin/charter/commitment/{commitment.pk}/change/",
        commitment_admin_form(commitment, target="10%", reason="Typo in the partner's letter"))
    assert response.status_code == 302
    page = client_as(None).get("/accountability/").content.decode()
    assert "secretariat correction: Typo in the partner&#x27;s letter" in page
    assert "Target lowered from 30% to 10%" in page and "after a disputed report" in page
    history = client_as(None).get(f"/accountability/commitments/{commitment.pk}/history/").content.decode()
    assert "Secretariat correction: Typo in the partner&#x27;s letter" in history


def test_it_never_lets_the_admin_overwrite_a_reviewers_verdict(client_as, verdict):
    client = client_as("secretariat")
    response = client.post(f"/admin/charter/verification/{verdict.pk}/change/", {
        "verdict": "confirm", "comment": "Fine.", "answer": "", "reason": "The reviewer agreed by phone"})
    assert response.status_code == 302
    verdict.refresh_from_db()
    assert verdict.verdict == "dispute" and verdict.comment == "Checked."
    assert "Confirmed by a reviewer" not in client_as(None).get("/accountability/").content.decode()
    assert client.get("/admin/charter/verification/add/").status_code == 403


@pytest.mark.parametrize("model", ["commitment", "report", "verification", "signature"])
def test_it_deletes_no_record_in_the_admin(client_as, verdict, charter, personas, model):
    signature = Signature.objects.create(user=personas["partner"], version=charter, name="Jon Ally",
                                         title="Minister", consented_at=timezone.now())
    pk = {"commitment": verdict.report.commitment_id, "report": verdict.report_id, "verification": verdict.pk,
          "signature": signature.pk}[model]
    assert client_as("secretariat").post(f"/admin/charter/{model}/{pk}/delete/",
                                         {"post": "yes"}).status_code == 403


def test_it_forgets_a_members_name_in_every_kept_version_of_his_listing(personas, charter):
    signature = Signature.objects.create(user=personas["partner"], version=charter, name="Jon Ally",
                                         title="Minister", bio="Born in Accra", consented_at=timezone.now())
    signature.title = "Ambassador"
    signature.save()
    forget_member(None, personas["partner"])
    kept = list(Signature.history.filter(user=personas["partner"]).values_list("name", "title", "bio"))
    assert kept and all(row == ("Former member", "", "") for row in kept)


def test_it_shows_an_admin_correction_of_a_signature_on_the_partners_page(client_as, personas, charter):
    signature = Signature.objects.create(user=personas["partner"], version=charter, name="Jon Ally",
                                         title="Minister", consented_at=timezone.now())
    response = client_as("secretariat").post(f"/admin/charter/signature/{signature.pk}/change/", {
        "user": personas["partner"].pk, "version": charter.pk, "name": "Jon Ally", "title": "Ambassador",
        "organization": "", "signed_at_0": signature.signed_at.date().isoformat(),
        "signed_at_1": "10:00:00", "photo_url": "", "bio": "", "withdrawn_at_0": "", "withdrawn_at_1": "",
        "reason": "He is an ambassador now, by his letter"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client_as(None).get("/accountability/partners/partner/").content.decode()
    assert "secretariat correction to this Charter listing: He is an ambassador now, by his letter" in page
