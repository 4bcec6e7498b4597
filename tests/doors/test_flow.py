"""A door opened, end to end: the advocate asks, a partner offers, the secretariat assigns, she confirms
before anything is sent in her name, the meeting is logged, its promises followed up and reminded, and
its anonymised account published with her consent."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from criticalmass.doors.models import MeetingRequest, Promise
from tests.doors.world import build_posts, mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(db):
    return build_posts(mission())


def ask(client_as, post, **changes) -> MeetingRequest | None:
    data = {"post": post.pk, "purpose": "Women on the ceasefire committee", "issue": "Patrols",
            "attendees": "Three of us", "languages": "Arabic", "safety_needs": "No photos",
            "contact": "Through the network", "visibility": "account", **changes}
    response = client_as("advocate").post("/doors/requests/new/", data)
    return MeetingRequest.objects.first() if response.status_code == 302 else None


def act(client, pk: int, action: str, **data) -> MeetingRequest:
    client.post(f"/doors/requests/{pk}/{action}/", data)
    return MeetingRequest.objects.get(pk=pk)


def test_it_opens_a_door_only_after_she_confirms(client_as, personas, post):
    door = ask(client_as, post)
    assert door is not None and door.status == "requested" and door.visibility == "account"
    assert act(client_as("partner"), door.pk, "offer").status == "offered"
    assigned = act(client_as("secretariat"), door.pk, "assign", broker=personas["partner"].pk)
    assert assigned.status == "assigned" and assigned.broker == personas["partner"]
    assert assigned.handler == personas["secretariat"]
    assert act(client_as("partner"), door.pk, "send").status == "assigned"  # not before she confirms
    assert client_as("partner").post(f"/doors/requests/{door.pk}/confirm/").status_code == 403
    confirmed = act(client_as("advocate"), door.pk, "confirm")
    assert confirmed.status == "confirmed" and confirmed.confirmed_at is not None
    assert act(client_as("partner"), door.pk, "send").status == "sent"


def test_it_lists_requests_to_assign_in_the_page_and_not_in_its_title(client_as, post):
    door = ask(client_as, post)
    act(client_as("partner"), door.pk, "offer")
    page = client_as("secretariat").get("/doors/requests/").content.decode()
    title = page[page.index("<title>"):page.index("</title>")]
    assert "<form" not in title and "Meeting requests" in title
    assert f'action="/doors/requests/{door.pk}/assign/"' in page[page.index("</title>"):]


def test_it_assigns_only_a_partner_who_offered(client_as, personas, post):
    door = ask(client_as, post)
    act(client_as("partner"), door.pk, "offer")
    response = client_as("secretariat").post(f"/doors/requests/{door.pk}/assign/",
                                             {"broker": personas["another_partner"].pk})
    assert response.status_code == 400 and "Choose a partner who offered" in response.content.decode()
    assert MeetingRequest.objects.get(pk=door.pk).broker is None


def test_it_keeps_nothing_public_by_default(client_as, post):
    page = client_as("advocate").get("/doors/requests/new/").content.decode()
    assert '<option value="nothing" selected>' in page
    assert ask(client_as, post, visibility="nothing").visibility == "nothing"


def test_it_refuses_a_request_without_its_purpose_saying_where(client_as, post):
    response = client_as("advocate").post("/doors/requests/new/", {"post": post.pk, "languages": "Arabic"})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_it_refuses_an_unknown_action_without_a_traceback(client_as, post):
    door = ask(client_as, post)
    response = client_as("advocate").post(f"/doors/requests/{door.pk}/dance/")
    assert response.status_code == 400 and "There is no action" in response.content.decode()


def meet(client_as, personas, post) -> MeetingRequest:
    door = ask(client_as, post)
    MeetingRequest.objects.filter(pk=door.pk).update(status="sent", broker=personas["partner"])
    response = client_as("partner").post(f"/doors/requests/{door.pk}/meeting/", {
        "held_on": timezone.localdate().isoformat(), "attendees_by_role": "three women, a broker",
        "names": "", "asks": 3, "notes": "Candid", "with_civil_society": "on"})
    assert response.status_code == 302
    return MeetingRequest.objects.get(pk=door.pk)


def test_it_logs_the_meeting_and_its_promises_then_marks_them_kept(client_as, personas, post):
    door = meet(client_as, personas, post)
    assert door.status == "met" and door.meeting.asks == 3
    due = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    client_as("partner").post(f"/doors/requests/{door.pk}/promises/", {
        "what": "Consult women monthly", "by_whom": "the force commander", "due": due})
    promise = Promise.objects.get()
    assert client_as("advocate").post(f"/doors/promises/{promise.pk}/kept/").status_code == 302
    assert Promise.objects.get().kept_on == timezone.localdate()
    assert client_as("another_partner").post(f"/doors/promises/{promise.pk}/kept/").status_code == 403


def test_it_refuses_a_promise_without_a_date(client_as, personas, post):
    door = meet(client_as, personas, post)
    url = f"/doors/requests/{door.pk}/promises/"
    response = client_as("partner").post(url, {"what": "x", "by_whom": "y"})
    assert response.status_code == 400 and "due" in response.content.decode()
    assert not Promise.objects.exists()


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_it_reminds_of_a_promise_due_once_and_never_quotes_it(client_as, personas, post,
                                                              django_capture_on_commit_callbacks):
    door = meet(client_as, personas, post)
    Promise.objects.create(meeting=door.meeting, what="Consult women monthly", by_whom="the commander",
                           due=timezone.localdate() + dt.timedelta(days=2))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once the log is committed
        call_command("send_door_reminders", stdout=out)
    assert "Sent 2 reminder(s)" in out.getvalue()
    assert sorted(m.to[0] for m in mail.outbox) == ["advocate@example.org", "partner@example.org"]
    assert all("Consult women" not in m.body for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_door_reminders", stdout=StringIO())
    assert len(mail.outbox) == 2


def test_it_publishes_the_anonymised_account_only_with_her_consent(client_as, personas, post):
    door = meet(client_as, personas, post)
    assert "met the force commander" not in client_as(None).get("/doors/accounts/").content.decode()
    assert client_as("partner").post(f"/doors/requests/{door.pk}/consent/").status_code == 403
    assert client_as("advocate").post(f"/doors/requests/{door.pk}/consent/").status_code == 302
    page = client_as(None).get("/doors/accounts/").content.decode()
    assert "met the force commander" in page and "3 asks" in page
    assert "advocate</" not in page  # a country at most, never her name
    lines = client_as(None).get("/doors/accounts.csv").content.decode().splitlines()
    assert lines[0] == "month,from_country,post,kind,asks,promises,kept" and lines[1].endswith(",3,0,0")


def test_it_withdraws_the_public_account_when_the_broker_changes_what_it_shows(client_as, personas, post):
    door = meet(client_as, personas, post)
    client_as("advocate").post(f"/doors/requests/{door.pk}/consent/")
    meeting = {"held_on": timezone.localdate().isoformat(), "attendees_by_role": "three women, a broker",
               "names": "", "asks": 3, "notes": "Candid, and more", "with_civil_society": "on"}
    client_as("partner").post(f"/doors/requests/{door.pk}/meeting/", meeting)  # private notes only
    assert "3 asks" in client_as(None).get("/doors/accounts/").content.decode()
    client_as("partner").post(f"/doors/requests/{door.pk}/meeting/", meeting | {"asks": 7})
    page = client_as(None).get("/doors/accounts/").content.decode()
    assert "7 asks" not in page and "3 asks" not in page  # withdrawn until she consents again
    client_as("advocate").post(f"/doors/requests/{door.pk}/consent/")
    assert "7 asks" in client_as(None).get("/doors/accounts/").content.decode()


def test_it_records_a_reprisal_on_her_behalf_by_her_broker(client_as, personas, post):
    door = meet(client_as, personas, post)
    url = f"/doors/requests/{door.pk}/reprisals/new/"
    data = {"who": "Unknown men", "what": "Followed home", "occurred_on": timezone.localdate().isoformat(),
            "severity": "threat", "region": "East Africa"}
    assert client_as("another_partner").post(url, data).status_code == 403
    assert client_as("partner").post(url, data).status_code == 302
    assert door.reprisals.get().recorded_by == personas["partner"]


def test_it_refuses_to_mark_a_request_met_without_its_meeting(client_as, personas, post):
    door = ask(client_as, post)
    MeetingRequest.objects.filter(pk=door.pk).update(status="sent", broker=personas["partner"])
    response = client_as("partner").post(f"/doors/requests/{door.pk}/log_meeting/")
    assert response.status_code == 400 and "Record the meeting on its form" in response.content.decode()
    assert MeetingRequest.objects.get(pk=door.pk).status == "sent"
