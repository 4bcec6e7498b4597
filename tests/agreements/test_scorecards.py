"""Mandate scorecards: reviewers and the secretariat rate, everyone reads; scores across renewals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from criticalmass.agreements.models import Mandate, RubricItem, ScoreEntry
from criticalmass.core.models import AuditEvent
from tests.agreements.world import csv_table
from tests.conftest import PERSONAS

SCORE_PAGE = "/agreements/scorecards/"


@pytest.fixture
def mandates(make_mission, observe):
    unmiss = make_mission("UNMISS", "SSD")
    observe(unmiss, "2024-01-31", "total", women=3, total=60)
    today = timezone.localdate()
    old = Mandate.objects.create(process=unmiss, resolution="S/RES/2677 (2023)", adopted=dt.date(2023, 3, 15),
                                 expires=dt.date(2024, 4, 30))
    new = Mandate.objects.create(process=unmiss, resolution="S/RES/2729 (2024)", adopted=dt.date(2024, 4, 30),
                                 expires=today + dt.timedelta(days=30))
    minusma = make_mission("MINUSMA", "MLI")
    Mandate.objects.create(process=minusma, resolution="S/RES/2690 (2023)", adopted=dt.date(2023, 6, 30),
                           expires=today + dt.timedelta(days=200))
    Mandate.objects.create(process=minusma, resolution="S/RES/2640 (2022)", adopted=dt.date(2022, 6, 29),
                           expires=today - dt.timedelta(days=1))
    return {"old": old, "new": new}


def item(slug: str) -> RubricItem:
    return RubricItem.objects.get(slug=slug)


def ratings(**by_slug: tuple[str, str, str]) -> dict[str, str]:
    data = {}
    for slug, (rating, quote, reference) in by_slug.items():
        pk = item(slug.replace("_", "-")).pk
        data.update({f"rating_{pk}": rating, f"quote_{pk}": quote, f"reference_{pk}": reference})
    return data


def good() -> dict[str, str]:
    """Protection provided, participation partly, gender advisers absent."""
    return ratings(protection=("yes", "to protect women and girls from sexual violence", "op. 3(a)(iii)"),
                   participation=("partial", "encourages the participation of women", "op. 12"),
                   gender_advisers=("no", "", ""))


def test_it_seeds_a_rubric_with_weights(db):
    assert RubricItem.objects.count() == 9
    assert (item("protection").weight, item("budget").category) == (2, "resources")


@pytest.mark.parametrize("persona", ["reviewer", "secretariat"])
def test_it_lets_reviewers_and_the_secretariat_rate_a_mandate(client_as, mandates, persona):
    client = client_as(persona)
    assert client.get(f"{SCORE_PAGE}?mandate={mandates['new'].pk}").status_code == 200
    response = client.post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()})
    assert response.status_code == 302 and response["Location"] == "/agreements/missions/unmiss/mandates/"
    entry = ScoreEntry.objects.get(mandate=mandates["new"], item__slug="protection")
    assert (entry.rating, entry.reference, entry.updated_by.username) == ("yes", "op. 3(a)(iii)", persona)
    assert AuditEvent.objects.filter(action="score-mandate", detail__changed=3).exists()


@pytest.mark.parametrize("persona", ["partner", "advocate", "visitor"])
def test_it_refuses_other_roles(client_as, mandates, persona):
    client = client_as(persona)
    assert client.get(f"{SCORE_PAGE}?mandate={mandates['new'].pk}").status_code == 403
    assert client.post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()}).status_code == 403
    assert not ScoreEntry.objects.exists()


def test_it_sends_anonymous_people_to_log_in(client, mandates):
    response = client.post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not ScoreEntry.objects.exists()


def test_it_refuses_a_provision_rated_present_without_its_words(client_as, mandates):
    data = {**good(), **ratings(protection=("yes", "", ""))}
    response = client_as("reviewer").post(SCORE_PAGE, {"mandate": mandates["new"].pk, **data})
    assert response.status_code == 400
    assert "a provision rated as there is quoted and located" in response.content.decode()
    assert not ScoreEntry.objects.exists()


def test_it_answers_404_for_an_unknown_mandate(client_as, mandates):
    assert client_as("reviewer").get(f"{SCORE_PAGE}?mandate=999").status_code == 404
    assert client_as("reviewer").get(f"{SCORE_PAGE}?mandate=x").status_code == 404


def test_it_shows_the_weighted_score_and_its_parts_to_everyone(client_as, mandates):
    client_as("reviewer").post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()})
    for persona in [None, *PERSONAS]:
        response = client_as(persona).get("/agreements/missions/unmiss/mandates/")
        assert response.status_code == 200, persona
        assert "to protect women and girls from sexual violence" in response.content.decode()
    rows = csv_table(client_as(None).get("/agreements/missions/unmiss/mandates.csv").content)
    # protection 2 x 1, participation 2 x 0.5, gender advisers 1 x 0: 3 of 5 = 60%
    assert [(r["resolution"], r["score"], r["rated"]) for r in rows] == [
        ("S/RES/2729 (2024)", "60.0", "3 of 9"), ("S/RES/2677 (2023)", "", "0 of 9")]
    assert (rows[0]["protection"], rows[0]["participation"], rows[0]["resources"]) == ("100.0", "50.0", "0.0")
    assert rows[0]["source"] == "S/RES/2729 (2024), rated on this platform by reviewer"


def test_it_weighs_items_as_the_secretariat_sets_them(client_as, mandates):
    RubricItem.objects.filter(slug="participation").update(weight=1)
    client_as("reviewer").post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()})
    rows = csv_table(client_as(None).get("/agreements/missions/unmiss/mandates.csv").content)
    assert rows[0]["score"] == "62.5"  # (2 + 0.5 + 0) / 4


def test_it_clears_a_rating_set_back_to_not_rated(client_as, mandates):
    client = client_as("reviewer")
    client.post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()})
    cleared = ratings(gender_advisers=("", "", ""))
    client.post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good(), **cleared})
    assert set(ScoreEntry.objects.values_list("item__slug", flat=True)) == {"protection", "participation"}


def test_it_lists_mandates_up_for_renewal_in_the_next_90_days(client_as, mandates):
    client_as("reviewer").post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()})
    rows = csv_table(client_as(None).get("/agreements/renewals/renewals.csv").content)
    found = [(r["mission"], r["resolution"], r["score"], r["women_share"], r["parity_status"]) for r in rows]
    assert found == [("UNMISS", "S/RES/2729 (2024)", "60.0", "5.0", "off track")]
    assert "UNMISS" in client_as("partner").get("/agreements/renewals/").content.decode()


def test_it_dates_the_share_each_renewal_quotes(client, mandates):
    rows = csv_table(client.get("/agreements/renewals/renewals.csv").content)
    latest = [r["women_share_date"] for r in rows]
    assert latest and all(latest)
    body = client.get("/agreements/renewals/").content.decode()
    assert "Share as of" in body
    items = client.get("/api/agreements/renewals").json()
    assert [i["women_share_date"] for i in items] == latest


def test_it_gives_scorecards_and_renewals_in_the_api(client, client_as, mandates):
    client_as("secretariat").post(SCORE_PAGE, {"mandate": mandates["new"].pk, **good()})
    renewals = client.get("/api/agreements/renewals").json()
    assert [(r["resolution"], r["score"], r["parity_status"]) for r in renewals] == [
        ("S/RES/2729 (2024)", 60.0, "off track")]
    page = client.get("/api/agreements/mandates?process=unmiss").json()
    assert page["count"] == 2 and page["items"][0]["parts"]["participation"] == 50.0
    rated = {r["item"] for r in page["items"][0]["ratings"]}
    assert rated == {"protection", "participation", "gender-advisers"}
    assert len(client.get("/api/agreements/rubric").json()) == 9
    assert client.get("/api/agreements/mandates?process=nowhere").status_code == 404
    assert client.post("/api/agreements/renewals").status_code == 405
