"""Champions vetted by women: women's organisations support or object (reason for the secretariat only),
the secretariat decides, the public page counts the organisations that supported him."""

from __future__ import annotations

import pytest

from criticalmass.charter.models import ChampionVetting, VettingOpinion
from criticalmass.core import joining
from criticalmass.core.models import AuditEvent, JoinRequest, Role
from tests.charter.test_charter_page import sign_as


@pytest.fixture
def vetting(personas, charter):
    sign_as(personas["another_partner"], charter, name="New Champion")
    return ChampionVetting.objects.create(partner=personas["another_partner"])


def give(client, vetting, stance="support", reason="He opened the ministry to us."):
    return client.post(f"/vetting/{vetting.pk}/opinion/", {"stance": stance, "reason": reason})


def test_it_does_not_list_a_new_partner_before_the_secretariat_decides(client_as, vetting):
    assert "New Champion" not in client_as(None).get("/charter/").content.decode()
    assert client_as(None).get("/api/charter/signatories").json()["count"] == 0


def test_it_records_a_womens_organisations_support_given_by_its_reviewer(client_as, vetting, organisations):
    assert give(client_as("reviewer"), vetting).status_code == 302
    opinion = VettingOpinion.objects.get()
    assert opinion.organization == organisations["Women Mediators Network"] and opinion.stance == "support"


def test_it_keeps_one_opinion_per_organisation_the_last_one_given(client_as, vetting):
    give(client_as("reviewer"), vetting)
    give(client_as("reviewer"), vetting, stance="object", reason="He broke his word.")
    assert list(VettingOpinion.objects.values_list("stance", flat=True)) == ["object"]


def test_it_refuses_an_opinion_without_a_reason_and_changes_nothing(client_as, vetting):
    response = give(client_as("reviewer"), vetting, reason="")
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not VettingOpinion.objects.exists()


def test_it_refuses_a_reviewer_an_opinion_on_a_partner_of_her_own_organisation(client_as, personas, charter):
    own = ChampionVetting.objects.create(partner=personas["partner"])  # inside_reviewer belongs to his
    assert give(client_as("inside_reviewer"), own).status_code == 403


def test_it_shows_reasons_to_the_secretariat_only(client_as, vetting):
    give(client_as("reviewer"), vetting, stance="object", reason="Confidential worry.")
    assert "Confidential worry." in client_as("secretariat").get("/vetting/").content.decode()
    assert "Confidential worry." not in client_as("reviewer").get("/vetting/").content.decode()
    for persona in ["partner", "advocate", "visitor"]:
        assert client_as(persona).get("/vetting/").status_code == 403, persona
    assert "Confidential worry." not in client_as(None).get("/charter/").content.decode()


def test_it_lets_the_secretariat_list_him_and_says_how_many_organisations_supported(client_as, vetting):
    give(client_as("reviewer"), vetting)
    for persona in ["reviewer", "partner"]:
        response = client_as(persona).post(f"/vetting/{vetting.pk}/decide/", {"status": "listed"})
        assert response.status_code == 403, persona
    response = client_as("secretariat").post(f"/vetting/{vetting.pk}/decide/", {"status": "listed"})
    assert response.status_code == 302
    vetting.refresh_from_db()
    assert vetting.status == "listed" and vetting.decided_at is not None
    page = client_as(None).get("/charter/").content.decode()
    assert "New Champion" in page and "Supported by 1 women's organisation<" in page


def test_it_closes_opinions_once_decided_and_refuses_a_decision_without_a_choice(client_as, vetting):
    response = client_as("secretariat").post(f"/vetting/{vetting.pk}/decide/", {}, follow=True)
    assert "Choose whether to list him." in response.content.decode()
    vetting.refresh_from_db()
    assert vetting.status == "pending"
    client_as("secretariat").post(f"/vetting/{vetting.pk}/decide/", {"status": "declined"})
    give(client_as("reviewer"), vetting)
    assert not VettingOpinion.objects.exists()
    assert "New Champion" not in client_as(None).get("/charter/").content.decode()


def test_it_says_on_his_page_how_many_organisations_supported_him(client_as, vetting):
    give(client_as("reviewer"), vetting)
    client_as("secretariat").post(f"/vetting/{vetting.pk}/decide/", {"status": "listed"})
    page = client_as(None).get("/accountability/partners/another_partner/").content.decode()
    assert "Supported by 1 women's organisation." in page


def test_it_opens_a_pending_vetting_once_when_the_secretariat_approves_a_champion(personas):
    join = JoinRequest.objects.get(user=personas["applicant"])
    assert join.kind == JoinRequest.Kind.CHAMPION and not ChampionVetting.objects.exists()
    joining.approve(join, personas["secretariat"])
    joining.approve(join, personas["secretariat"])  # approved twice: still one vetting
    vetting = ChampionVetting.objects.get()
    assert vetting.partner == personas["applicant"] and vetting.status == ChampionVetting.Status.PENDING
    assert AuditEvent.objects.filter(action="charter.vetting_opened").count() == 1


def test_it_keeps_a_decided_vetting_as_it_is_when_he_is_approved_again(personas):
    join = JoinRequest.objects.get(user=personas["applicant"])
    ChampionVetting.objects.create(partner=personas["applicant"], status=ChampionVetting.Status.LISTED)
    joining.approve(join, personas["secretariat"])
    assert list(ChampionVetting.objects.values_list("status", flat=True)) == ["listed"]


def test_it_opens_no_vetting_for_an_approved_womens_organisation(personas):
    join = JoinRequest.objects.get(user=personas["applicant"])
    join.kind = JoinRequest.Kind.WOMENS_ORGANIZATION
    join.save()
    joining.approve(join, personas["secretariat"])
    assert join.user.has_role(Role.REVIEWER) and not ChampionVetting.objects.exists()
