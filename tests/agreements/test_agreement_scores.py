"""Agreements scored on the mandates' rubric: reviewers and the secretariat rate, everyone reads."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from criticalmass.agreements.models import Agreement, Mandate, RubricItem, ScoreEntry
from criticalmass.core.models import AuditEvent
from tests.agreements.world import build_agreements
from tests.conftest import PERSONAS

PAGE, SCORE_PAGE = "/agreements/102/", "/agreements/102/score/"


@pytest.fixture
def world(db):
    build_agreements()


def ratings(**by_slug: tuple[str, str, str]) -> dict[str, str]:
    data = {}
    for slug, (rating, quote, reference) in by_slug.items():
        pk = RubricItem.objects.get(slug=slug.replace("_", "-")).pk
        data.update({f"rating_{pk}": rating, f"quote_{pk}": quote, f"reference_{pk}": reference})
    return data


def good() -> dict[str, str]:
    return ratings(protection=("yes", "the parties shall protect women from sexual violence", "art. 4"),
                   participation=("partial", "women shall be consulted", "art. 9"),
                   gender_advisers=("no", "", ""))


@pytest.mark.parametrize("persona", ["reviewer", "secretariat"])
def test_it_lets_reviewers_and_the_secretariat_rate_an_agreement(client_as, world, persona):
    client = client_as(persona)
    assert client.get(SCORE_PAGE).status_code == 200
    response = client.post(SCORE_PAGE, good())
    assert response.status_code == 302 and response["Location"] == PAGE
    agreement = Agreement.objects.get(pax_id=102)
    assert set(agreement.entries.values_list("item__slug", "rating")) == {
        ("protection", "yes"), ("participation", "partial"), ("gender-advisers", "no")}
    assert AuditEvent.objects.filter(action="score-agreement").count() == 1


@pytest.mark.parametrize("persona", ["partner", "advocate", "visitor"])
def test_it_refuses_other_roles_the_agreement_scorecard(client_as, world, persona):
    client = client_as(persona)
    assert client.get(SCORE_PAGE).status_code == 403
    assert client.post(SCORE_PAGE, good()).status_code == 403
    assert not ScoreEntry.objects.exists()


def test_it_sends_anonymous_people_to_log_in_to_rate_an_agreement(client, world):
    response = client.post(SCORE_PAGE, good())
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not ScoreEntry.objects.exists()


def test_it_shows_the_agreements_score_and_quotes_to_everyone_and_the_link_to_scorers(client_as, world):
    client_as("reviewer").post(SCORE_PAGE, good())
    for persona in [None, *PERSONAS]:
        page = client_as(persona).get(PAGE).content.decode()
        # protection 2 x 1, participation 2 x 0.5, gender advisers 1 x 0: 3 of 5 = 60%
        assert "Score <strong>60.0%</strong>" in page and "3 of 9 items rated" in page, persona
        assert "the parties shall protect women from sexual violence" in page, persona
        assert ('href="/agreements/102/score/"' in page) == (persona in ("reviewer", "secretariat")), persona


def test_it_says_when_an_agreement_is_not_rated_yet(client, world):
    assert "Not rated on the rubric yet." in client.get(PAGE).content.decode()


def test_it_refuses_a_provision_rated_present_without_the_agreements_words(client_as, world):
    response = client_as("reviewer").post(SCORE_PAGE, {**good(), **ratings(protection=("yes", "", ""))})
    assert response.status_code == 400
    assert "Give the agreement&#x27;s words" in response.content.decode()
    assert not ScoreEntry.objects.exists()


def test_it_answers_404_for_an_unknown_agreement(client_as, world):
    assert client_as("reviewer").get("/agreements/999/score/").status_code == 404


def test_it_keeps_an_entry_to_exactly_one_mandate_or_agreement(world, make_mission):
    mandate = Mandate.objects.create(process=make_mission("UNMISS", "SSD"), resolution="S/RES/1 (2024)",
                                     adopted="2024-01-01")
    agreement, item = Agreement.objects.get(pax_id=102), RubricItem.objects.get(slug="protection")
    for owners in ({}, {"mandate": mandate, "agreement": agreement}):
        with pytest.raises(IntegrityError), transaction.atomic():
            ScoreEntry.objects.create(item=item, rating="yes", **owners)
    ScoreEntry.objects.create(item=item, rating="yes", agreement=agreement)
    with pytest.raises(IntegrityError), transaction.atomic():
        ScoreEntry.objects.create(item=item, rating="no", agreement=agreement)
    assert ScoreEntry.objects.count() == 1
