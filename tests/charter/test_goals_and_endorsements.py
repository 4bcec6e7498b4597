"""A Charter with goals: goals listed with their version, what changed, commitments linked to a goal of
the signed version, and signatories of an earlier version endorsing the new one in one click."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from criticalmass.charter.models import CharterGoal, Commitment, Endorsement, Signature
from tests.charter.test_charter_page import sign_as


@pytest.fixture
def goals(charter):
    from criticalmass.charter.models import CharterVersion

    first = CharterVersion.objects.get(number=1)
    CharterGoal.objects.create(version=first, what="Women among delegates", target_value=Decimal("20"),
                               unit="%", deadline=dt.date(2027, 12, 31))
    CharterGoal.objects.create(version=first, what="Budget for women's organisations", target_value=10,
                               unit="%", deadline=dt.date(2027, 12, 31))
    raised = CharterGoal.objects.create(version=charter, what="Women among delegates", target_value=30,
                                        unit="%", deadline=dt.date(2027, 12, 31), order=1)
    CharterGoal.objects.create(version=charter, what="Women in leadership posts", target_value=25, unit="%",
                               deadline=dt.date(2028, 6, 30), institutions="Ministries of defence", order=2)
    return raised


def test_it_shows_the_current_versions_goals_with_target_unit_and_deadline(client_as, goals):
    page = client_as(None).get("/charter/").content.decode()
    assert "Women in leadership posts" in page and "25 %" in page and "2028-06-30" in page
    assert "Ministries of defence" in page and "Budget for women" not in page


def test_it_lists_the_goals_added_removed_and_changed_in_a_new_version(client_as, goals):
    page = client_as(None).get("/charter/versions/").content.decode()
    section = page[page.index('id="v2"'):page.index('id="v1"')]
    assert "Added: Women in leadership posts" in section
    assert "Removed: Budget for women&#x27;s organisations" in section
    assert "Changed (target): Women among delegates" in section


def test_it_offers_only_the_goals_of_the_version_the_partner_signed(client_as, personas, goals, open_cycle):
    sign_as(personas["partner"], goals.version)
    page = client_as("partner").get("/my/commitments/new/").content.decode()
    assert "Women in leadership posts" in page and "v1: Women among delegates" not in page
    old_goal = CharterGoal.objects.get(version__number=1, what="Women among delegates")
    response = client_as("partner").post("/my/commitments/new/", {
        "cycle": open_cycle.pk, "what": "More women", "indicator": "Share", "baseline": "10%",
        "target": "30%", "deadline": open_cycle.deadline.isoformat(), "goal": old_goal.pk})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not Commitment.objects.exists()
    client_as("partner").post("/my/commitments/new/", {
        "cycle": open_cycle.pk, "what": "More women", "indicator": "Share", "baseline": "10%",
        "target": "30%", "deadline": open_cycle.deadline.isoformat(), "goal": goals.pk})
    assert Commitment.objects.get().goal == goals


def test_it_lets_a_signatory_of_the_previous_version_endorse_the_new_one_in_one_click(client_as, personas,
                                                                                     charter):
    from criticalmass.charter.models import CharterVersion

    signature = sign_as(personas["partner"], CharterVersion.objects.get(number=1), name="Jon Ally")
    before = client_as(None).get("/charter/").content.decode()
    assert "Listed under v1" in before and "not yet endorsed v2" in before
    assert "Endorse version 2" in client_as("partner").get("/charter/").content.decode()
    response = client_as("partner").post("/charter/endorse/")
    assert response.status_code == 302
    endorsement = Endorsement.objects.get()
    assert endorsement.signature == signature and endorsement.version == charter
    signature.refresh_from_db()
    assert signature.version.number == 1 and signature.withdrawn_at is None  # the signature is kept as it was
    after = client_as(None).get("/charter/").content.decode()
    assert "Listed under v2" in after and f"endorsed v2 on {endorsement.endorsed_at:%Y-%m-%d}" in after
    assert client_as(None).get("/api/charter/signatories").json()["items"][0]["endorsed"] == [2]


def test_it_answers_a_second_endorsement_with_the_first(client_as, personas, charter):
    from criticalmass.charter.models import CharterVersion

    sign_as(personas["partner"], CharterVersion.objects.get(number=1))
    client = client_as("partner")
    client.post("/charter/endorse/")
    response = client.post("/charter/endorse/", follow=True)
    assert "already endorsed version 2" in response.content.decode() and Endorsement.objects.count() == 1


def test_it_has_nothing_to_endorse_for_a_signatory_of_the_current_version_or_none(client_as, personas,
                                                                                  charter):
    response = client_as("partner").post("/charter/endorse/", follow=True)
    assert "sign it first" in response.content.decode()
    sign_as(personas["partner"], charter)
    response = client_as("partner").post("/charter/endorse/", follow=True)
    assert "nothing to endorse" in response.content.decode() and not Endorsement.objects.exists()


def test_it_refuses_endorsing_to_other_roles_and_sends_anonymous_people_to_log_in(client_as, charter):
    assert client_as("reviewer").post("/charter/endorse/").status_code == 403
    assert client_as(None).post("/charter/endorse/")["Location"].startswith("/accounts/login/")
    assert client_as("partner").get("/charter/endorse/").status_code == 405


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_it_reminds_signatories_of_the_previous_version_once_until_they_endorse(
        personas, other_partner, charter, django_capture_on_commit_callbacks):
    from criticalmass.charter.models import CharterVersion

    sign_as(personas["partner"], CharterVersion.objects.get(number=1))
    sign_as(other_partner, charter)
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once committed
            call_command("send_reminders", stdout=StringIO())
    asked = [m for m in mail.outbox if "awaits your endorsement" in m.subject]
    assert [m.to for m in asked] == [["partner@example.org"]]
    assert "/charter/" in asked[0].body and "You signed version 1" in asked[0].body
    assert Signature.objects.count() == 2


def test_it_gives_each_commitments_goal_and_each_versions_goals_in_the_api(client_as, personas, goals,
                                                                          make_commitment, open_cycle):
    commitment = make_commitment(personas["partner"], open_cycle)
    commitment.goal = goals
    commitment.save()
    listed = client_as(None).get("/api/charter/commitments").json()["items"]
    assert listed[0]["goal"] == "Women among delegates"
    current = client_as(None).get("/api/charter/versions").json()[0]
    assert [(g["what"], g["target_value"], g["unit"]) for g in current["goals"]] == [
        ("Women among delegates", "30.00", "%"), ("Women in leadership posts", "25.00", "%")]
