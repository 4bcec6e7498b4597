"""Panels under the secretariat's tokenism policy, and pledge-takers on all-male or token panels: flagged
on their page and in the tallies with the event and date, with one public answer per breach."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from criticalmass.events.models import BreachAnswer, PanelPledge, PanelPolicy


@pytest.fixture
def pledged(personas):
    return PanelPledge.objects.create(user=personas["partner"],
                                      taken_at=timezone.now() - dt.timedelta(days=60))


def test_it_calls_seven_men_and_one_woman_a_token_panel_on_the_event_page(client_as, make_panel):
    make_panel("summit", ["man"] * 7 + ["woman"])
    page = client_as(None).get("/events/summit/").content.decode()
    assert "Token panel: too few women" in page and "Women speak" not in page
    assert client_as(None).get("/api/events/events").json()["items"][0]["panels"][0]["balance"] == "token"


def test_it_applies_the_threshold_the_secretariat_edits(client_as, make_panel):
    make_panel("summit", ["woman", "woman", "man", "man", "man", "man", "man"])  # 28.6% women
    assert "Token panel" in client_as(None).get("/events/summit/").content.decode()
    PanelPolicy.objects.create(threshold=25)
    assert "Women speak" in client_as(None).get("/events/summit/").content.decode()


def test_it_flags_a_pledge_taker_on_an_all_male_panel_on_his_page_and_in_the_tallies(client_as, personas,
                                                                                    pledged, make_panel):
    make_panel("forum", ["man", "man"], days=-3, partner=personas["partner"])
    date = (timezone.localdate() - dt.timedelta(days=3)).isoformat()
    page = client_as(None).get("/accountability/partners/partner/").content.decode()
    assert "Panels against the pledge" in page and "Event forum" in page and date in page
    assert "an all-male panel" in page
    tallies = client_as(None).get("/events/tallies/").content.decode()
    assert "Event forum" in tallies and "an all-male panel" in tallies
    downloaded = client_as(None).get("/events/tallies/breaches.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(downloaded)))
    assert [(r["partner"], r["event"], r["date"], r["balance"]) for r in rows] == [
        ("partner", "Event forum", date, "all_male")]
    assert client_as(None).get("/api/events/breaches").json()["items"][0]["event_slug"] == "forum"


def test_it_does_not_flag_panels_before_the_pledge_balanced_or_uncertain_ones(client_as, personas, pledged,
                                                                             make_panel):
    make_panel("old", ["man", "man"], days=-90, partner=personas["partner"])
    make_panel("fair", ["man", "woman", "woman"], days=-3, partner=personas["partner"])
    make_panel("unclear", ["man", "unknown"], days=-3, partner=personas["partner"])
    assert "Panels against the pledge" not in client_as(None).get(
        "/accountability/partners/partner/").content.decode()
    assert client_as(None).get("/api/events/breaches").json()["count"] == 0


def test_it_lets_the_partner_answer_each_breach_once_publicly(client_as, personas, pledged, make_panel):
    panel = make_panel("forum", ["man"] * 5 + ["woman"], days=-3, partner=personas["partner"])
    url = f"/events/panels/{panel.pk}/answer/"
    own_page = client_as("partner").get("/accountability/partners/partner/").content.decode()
    assert "Publish my answer" in own_page
    response = client_as("partner").post(url, {"text": "I asked the organisers to add women; they did not."})
    assert response.status_code == 302
    page = client_as(None).get("/accountability/partners/partner/").content.decode()
    assert "a token panel" in page and "I asked the organisers to add women" in page
    response = client_as("partner").post(url, {"text": "A second answer."}, follow=True)
    assert "already answered" in response.content.decode()
    assert list(BreachAnswer.objects.values_list("text", flat=True)) == [
        "I asked the organisers to add women; they did not."]


def test_it_refuses_an_empty_answer_and_an_answer_for_someone_elses_panel(client_as, personas, pledged,
                                                                        make_panel):
    panel = make_panel("forum", ["man", "man"], days=-3, partner=personas["partner"])
    response = client_as("partner").post(f"/events/panels/{panel.pk}/answer/", {"text": ""}, follow=True)
    assert "Write an answer" in response.content.decode() and not BreachAnswer.objects.exists()
    assert client_as("another_partner").post(f"/events/panels/{panel.pk}/answer/",
                                             {"text": "Not mine."}).status_code == 403
    for persona in ["reviewer", "secretariat", "advocate"]:
        assert client_as(persona).post(f"/events/panels/{panel.pk}/answer/",
                                       {"text": "x"}).status_code == 403, persona
    anonymous = client_as(None).post(f"/events/panels/{panel.pk}/answer/")
    assert anonymous["Location"].startswith("/accounts/login/")
    assert client_as("partner").post("/events/panels/999999/answer/", {"text": "x"}).status_code == 404
    assert not BreachAnswer.objects.exists()


def test_it_lets_the_secretariat_edit_the_policy_and_refuses_a_share_above_100(client_as):
    url = "/admin/events/panelpolicy/add/"
    response = client_as("secretariat").post(url, {"threshold": "150", "single_woman_is_token": "on"})
    assert response.status_code == 200 and "less than or equal to 100" in response.content.decode()
    assert not PanelPolicy.objects.exists()
    assert client_as("secretariat").post(url, {"threshold": "40"}).status_code == 302
    policy = PanelPolicy.current()
    assert policy.threshold == 40 and policy.single_woman_is_token is False
    assert client_as("partner").post(url, {"threshold": "10"}).status_code in (302, 403)
    assert PanelPolicy.objects.count() == 1
