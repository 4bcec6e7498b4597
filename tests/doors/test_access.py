"""Least privilege on the doors' sensitive records: who reads a request, a meeting and a reprisal record;
every read logged and shown to the advocate; break-glass reads by the secretariat marked."""

from __future__ import annotations

import pytest

from criticalmass.core.models import AuditEvent
from criticalmass.doors.models import MeetingRequest, Reading
from tests.doors.world import SECRET, build_doors


@pytest.fixture
def ids(personas):
    return build_doors(personas["advocate"], personas["partner"])


def request_url(ids) -> str:
    return f"/doors/requests/{ids['door_request']}/"


@pytest.mark.parametrize(("persona", "status"), [
    ("advocate", 200), ("partner", 200), ("secretariat", 200), ("another_partner", 403), ("reviewer", 403),
    ("inside_reviewer", 403), ("visitor", 403), ("applicant", 403)])
def test_it_shows_a_request_only_to_her_her_broker_and_the_secretariat(client_as, ids, persona, status):
    response = client_as(persona).get(request_url(ids))
    assert response.status_code == status
    assert (SECRET in response.content.decode()) == (status == 200)


def test_it_sends_anonymous_people_to_log_in_before_any_request(client_as, ids):
    response = client_as(None).get(request_url(ids))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_shows_a_reviewer_a_request_once_she_is_invited(client_as, personas, ids):
    assert client_as("advocate").post(f"{request_url(ids)}share/", {"member": "reviewer"}).status_code == 302
    assert SECRET in client_as("reviewer").get(request_url(ids)).content.decode()
    assert client_as("another_partner").get(request_url(ids)).status_code == 403


def test_it_refuses_to_invite_a_member_who_does_not_exist_and_changes_nothing(client_as, ids):
    response = client_as("advocate").post(f"{request_url(ids)}share/", {"member": "nobody-here"})
    assert response.status_code == 400 and "There is no member" in response.content.decode()
    assert not MeetingRequest.objects.get(pk=ids["door_request"]).shared_with.exists()


def test_it_logs_every_read_and_shows_the_advocate_who_read_hers(client_as, personas, ids):
    client_as("partner").get(request_url(ids))
    page = client_as("advocate").get(request_url(ids)).content.decode()
    readers = set(Reading.objects.values_list("reader__username", flat=True))
    assert readers == {"partner", "advocate"}
    assert "<td>partner</td><td>request</td>" in page


def test_it_marks_the_secretariat_reading_a_request_it_does_not_handle_as_break_glass(client_as, ids):
    client_as("secretariat").get(request_url(ids))
    reading = Reading.objects.get(reader__username="secretariat")
    assert reading.break_glass
    target = f"doors.request:{ids['door_request']}"
    assert AuditEvent.objects.filter(action="doors.break_glass", target=target,
                                     user__username="secretariat").exists()
    assert "yes: the secretariat read a request it does not handle" in client_as("advocate").get(
        request_url(ids)).content.decode()


def test_it_does_not_call_it_break_glass_when_the_secretariat_handles_the_request(client_as, personas, ids):
    MeetingRequest.objects.filter(pk=ids["door_request"]).update(handler=personas["secretariat"])
    client_as("secretariat").get(request_url(ids))
    assert not Reading.objects.get(reader__username="secretariat").break_glass


def test_it_lists_for_a_partner_only_the_requests_he_brokers(client_as, personas, ids):
    assert f"Request {ids['door_request']}" in client_as("partner").get("/doors/requests/").content.decode()
    other = client_as("another_partner").get("/doors/requests/").content.decode()
    assert f"Request {ids['door_request']}<" not in other and SECRET not in other


@pytest.mark.parametrize(("persona", "status"), [
    ("advocate", 200), ("secretariat", 200), ("partner", 403), ("another_partner", 403), ("reviewer", 403)])
def test_it_shows_a_reprisal_only_to_the_secretariat_and_whom_she_chooses(client_as, ids, persona, status):
    response = client_as(persona).get(f"/doors/records/{ids['reprisal']}/")
    assert response.status_code == status
    assert ("Militia commander X" in response.content.decode()) == (status == 200)


def test_it_logs_the_read_of_a_reprisal_record(client_as, ids):
    client_as("secretariat").get(f"/doors/records/{ids['reprisal']}/")
    assert Reading.objects.filter(reader__username="secretariat", what=f"reprisal {ids['reprisal']}").exists()


def test_it_lets_only_the_secretariat_mark_a_reprisals_follow_up(client_as, ids):
    url = f"/doors/records/{ids['reprisal']}/follow-up/"
    assert client_as("advocate").post(url, {"follow_up": "referred"}).status_code == 403
    assert client_as("secretariat").post(url, {"follow_up": "nonsense"}).status_code == 400
    assert client_as("secretariat").post(url, {"follow_up": "referred"}).status_code == 302
    page = client_as("advocate").get(f"/doors/records/{ids['reprisal']}/").content.decode()
    assert "Referred to the UN" in page


def test_it_lets_the_meeting_be_logged_only_by_the_broker_and_the_secretariat(client_as, ids):
    url = f"{request_url(ids)}meeting/"
    assert client_as("partner").get(url).status_code == 200
    assert client_as("another_partner").get(url).status_code == 403
    assert client_as("advocate").get(url).status_code == 403


def test_it_lets_her_choose_who_else_reads_a_reprisal(client_as, ids):
    url = f"/doors/records/{ids['reprisal']}/"
    assert client_as("reviewer").get(url).status_code == 403
    assert client_as("partner").post(f"{url}share/", {"member": "reviewer"}).status_code == 403
    assert client_as("advocate").post(f"{url}share/", {"member": "reviewer"}).status_code == 302
    assert "Militia commander X" in client_as("reviewer").get(url).content.decode()
    assert client_as("another_partner").get(url).status_code == 403


def test_it_lets_the_secretariat_assign_from_the_list_without_reading_the_request(client_as, personas, ids):
    from criticalmass.doors.models import Offer

    MeetingRequest.objects.filter(pk=ids["door_request"]).update(status="offered", broker=None)
    Offer.objects.create(request_id=ids["door_request"], partner=personas["partner"])
    page = client_as("secretariat").get("/doors/requests/").content.decode()
    assert "Requests to assign" in page and SECRET not in page
    client_as("secretariat").post(f"/doors/requests/{ids['door_request']}/assign/",
                                  {"broker": personas["partner"].pk})
    assert MeetingRequest.objects.get(pk=ids["door_request"]).handler == personas["secretariat"]
    assert not Reading.objects.exists()
    client_as("secretariat").get(request_url(ids))
    assert not Reading.objects.get(reader=personas["secretariat"]).break_glass


def test_it_shows_a_request_made_for_her_organisation_to_its_other_advocates(client_as, personas, ids,
                                                                          organisations):
    from criticalmass.core.models import Membership, Role, User

    network = organisations["Women Mediators Network"]
    Membership.objects.create(user=personas["advocate"], organization=network)
    colleague = User.objects.create_user("colleague", roles=[Role.ADVOCATE], display_name="colleague")
    Membership.objects.create(user=colleague, organization=network)
    client = client_as(None)
    client.force_login(colleague)
    assert client.get(request_url(ids)).status_code == 403
    MeetingRequest.objects.filter(pk=ids["door_request"]).update(organization=network)
    assert SECRET in client.get(request_url(ids)).content.decode()
    assert client_as("reviewer").get(request_url(ids)).status_code == 403  # a member, but not an advocate


# Every route about one request or record, for those with no part in it: another partner, and a
# reviewer nobody invited.
PER_OBJECT = [
    ("get", "/doors/requests/{door_request}/"), ("post", "/doors/requests/{door_request}/share/"),
    ("post", "/doors/requests/{door_request}/consent/"), ("get", "/doors/requests/{door_request}/meeting/"),
    ("post", "/doors/requests/{door_request}/promises/"),
    ("get", "/doors/requests/{door_request}/reprisals/new/"),
    ("post", "/doors/requests/{door_request}/send/"),
    ("post", "/doors/requests/{door_request}/confirm/"), ("post", "/doors/promises/{promise}/kept/"),
    ("get", "/doors/records/{reprisal}/"), ("post", "/doors/records/{reprisal}/share/"),
    ("post", "/doors/records/{reprisal}/follow-up/"),
]


@pytest.mark.parametrize(("method", "address"), PER_OBJECT)
@pytest.mark.parametrize("persona", ["another_partner", "reviewer"])
def test_it_refuses_every_route_of_a_request_to_those_with_no_part_in_it(client_as, ids, persona, method,
                                                                        address):
    before = MeetingRequest.objects.get(pk=ids["door_request"]).status
    response = getattr(client_as(persona), method)(address.format(**ids))
    assert response.status_code == 403
    assert MeetingRequest.objects.get(pk=ids["door_request"]).status == before
    assert not Reading.objects.filter(reader__username=persona).exists()
