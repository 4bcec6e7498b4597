"""Panel pledge and manel watch: flags, suggestions from the opted-in roster, tallies, and the pledge."""

from __future__ import annotations

import csv
import io

import pytest

from criticalmass.core.models import AuditEvent
from criticalmass.events.models import PanelPledge


def test_it_flags_an_all_male_panel_and_suggests_opted_in_experts(client_as, make_panel, roster):
    make_panel("summit", ["man", "man"])
    page = client_as(None).get("/events/summit/").content.decode()
    assert "All-male panel" in page and "Dr Amina" in page
    assert "Ms Hidden" not in page and "Mme Claire" not in page  # not opted in; speaks no English


def test_it_does_not_call_unknown_genders_a_manel(client_as, make_panel):
    make_panel("summit", ["man", "unknown"])
    page = client_as(None).get("/events/summit/").content.decode()
    assert "No woman known" in page and "All-male panel" not in page and "Unknown (not declared)" in page


def test_it_suggests_nobody_for_a_panel_with_women_or_a_past_event(client_as, make_panel, roster):
    make_panel("summit", ["woman", "man"])
    make_panel("old", ["man"], days=-30)
    assert "Dr Amina" not in client_as(None).get("/events/summit/").content.decode()
    old = client_as(None).get("/events/old/").content.decode()
    assert "All-male panel" in old and "Dr Amina" not in old


def test_it_lists_upcoming_and_past_events(client_as, make_panel):
    make_panel("summit", ["woman"])
    make_panel("old", ["man"], days=-30)
    page = client_as(None).get("/events/").content.decode()
    assert page.index("Event summit") < page.index("Past") < page.index("Event old")


def test_it_answers_404_for_an_unknown_event(client_as, db):
    assert client_as(None).get("/events/nothing/").status_code == 404


def test_it_tallies_the_coalition_and_each_partner(client_as, personas, make_panel):
    make_panel("summit", ["man", "woman", "unknown"], partner=personas["partner"])
    make_panel("summit", ["man", "man"])
    coalition = list(csv.DictReader(io.StringIO(client_as(None).get("/events/tallies/coalition.csv")
                                                .content.decode())))
    assert coalition == [{"panels": "2", "speakers": "5", "women": "1", "known": "4", "women_share": "25.0"}]
    partners = list(csv.DictReader(io.StringIO(client_as(None).get("/events/tallies/partners.csv")
                                               .content.decode())))
    assert partners == [{"partner": "partner", "pledged": "False", "panels": "1", "speakers": "3",
                         "women": "1", "known": "2", "women_share": "50.0"}]


def test_it_shows_an_unknown_share_as_unknown(client_as, make_panel):
    make_panel("summit", ["unknown"])
    assert "unknown" in client_as(None).get("/events/tallies/").content.decode()
    assert client_as(None).get("/events/tallies/nothing.csv").status_code == 404


def test_it_records_a_partners_panel_pledge_once(client_as, personas):
    client = client_as("partner")
    assert client.post("/events/pledge/", {"confirm": "on"}).status_code == 302
    assert client.post("/events/pledge/", {"confirm": "on"}).status_code == 200
    assert PanelPledge.objects.get().user == personas["partner"]
    assert AuditEvent.objects.filter(action="events.pledged").count() == 1
    assert "Taken" in client_as(None).get("/events/tallies/").content.decode()


def test_it_refuses_a_pledge_without_the_box_ticked(client_as, personas):
    response = client_as("partner").post("/events/pledge/", {})
    assert response.status_code == 400 and "To take the pledge, tick the box." in response.content.decode()
    assert not PanelPledge.objects.exists()


@pytest.mark.parametrize("persona", ["secretariat", "advocate", "reviewer", "visitor"])
def test_it_forbids_the_pledge_to_everyone_but_partners(client_as, persona):
    assert client_as(persona).get("/events/pledge/").status_code == 403
    assert client_as(persona).post("/events/pledge/", {"confirm": "on"}).status_code == 403
    assert not PanelPledge.objects.exists()


def test_it_sends_anonymous_people_to_log_in_to_pledge(client_as):
    response = client_as(None).post("/events/pledge/", {"confirm": "on"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_serves_events_and_tallies_in_the_api(client_as, personas, make_panel):
    make_panel("summit", ["man", "man"], partner=personas["partner"])
    events = client_as(None).get("/api/events/events").json()
    assert events["count"] == 1 and events["items"][0]["panels"][0]["flag"] == "manel"
    assert events["items"][0]["panels"][0]["speakers"][0]["gender"] == "man"
    tallies = client_as(None).get("/api/events/tallies").json()
    assert tallies["coalition"]["women_share"] == 0 and tallies["partners"][0]["panels"] == 1
    assert client_as(None).post("/api/events/tallies").status_code == 405


def test_it_lists_partners_commitments_concerning_the_event(client_as, personas, make_panel):
    import datetime as dt

    from criticalmass.charter.models import Commitment, ReportingCycle

    panel = make_panel("summit", ["woman"])
    cycle = ReportingCycle.objects.create(name="2026", opens_on=dt.date(2026, 1, 1),
                                          deadline=dt.date(2099, 1, 1))
    Commitment.objects.create(owner=personas["partner"], cycle=cycle, what="Invite women mediators",
                              indicator="Women speakers", baseline="0", target="2", deadline=cycle.deadline,
                              event=panel.event)
    page = client_as(None).get("/events/summit/").content.decode()
    assert "Invite women mediators" in page and "/accountability/partners/partner/" in page
    assert "Invite women mediators" not in client_as(None).get("/events/").content.decode()
