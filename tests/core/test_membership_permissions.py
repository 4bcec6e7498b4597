"""Permissions follow membership: a partner acts for his organisation only, a reviewer verifies for her
women's organisation and never her own organisation's report, applicants act for nobody."""

from __future__ import annotations

import pytest

from criticalmass.charter.models import Verification
from criticalmass.events.models import Event
from tests.charter.world import build_charter
from tests.events.world import build_events

VERDICT = {"verdict": "confirm", "comment": "Seen the minutes."}


@pytest.fixture
def charter(personas):
    Verification.objects.all().delete()
    return build_charter(personas["partner"], personas["reviewer"])


@pytest.fixture
def summit(organisations) -> Event:
    event = build_events()
    event.organizer = organisations["Ghana Armed Forces"]
    event.save()
    return event


def test_it_records_which_organisation_verified(client_as, personas, charter):
    Verification.objects.filter(reviewer=personas["reviewer"]).delete()
    response = client_as("reviewer").post(f"/review/reports/{charter['report']}/", VERDICT)
    assert response.status_code == 302
    verification = Verification.objects.get(reviewer=personas["reviewer"])
    assert verification.organization.name == "Women Mediators Network"


def test_it_shows_publicly_which_organisation_verified(client_as, personas, charter):
    Verification.objects.all().delete()
    client_as("reviewer").post(f"/review/reports/{charter['report']}/", VERDICT)
    page = client_as(None).get("/accountability/partners/partner/").content.decode()
    assert "Confirmed by Women Mediators Network" in page


def test_it_refuses_a_reviewer_of_the_reporting_organisation(client_as, charter):
    response = client_as("inside_reviewer").post(f"/review/reports/{charter['report']}/", VERDICT)
    assert response.status_code == 403
    assert not Verification.objects.filter(reviewer__username="inside_reviewer").exists()


def test_it_refuses_a_reviewer_who_belongs_to_no_womens_organisation(client_as, personas, charter):
    personas["reviewer"].memberships.all().delete()
    assert client_as("reviewer").post(f"/review/reports/{charter['report']}/", VERDICT).status_code == 403


def test_it_offers_no_verdict_form_on_her_own_organisations_report(client_as, charter):
    page = client_as("inside_reviewer").get("/review/").content.decode()
    assert "it is your own or one of your organisations' report" in page
    assert f"/review/reports/{charter['report']}/" not in page


def test_it_lets_a_partner_edit_his_colleagues_commitment(client_as, personas, organisations, charter):
    colleague = personas["another_partner"]
    colleague.memberships.create(organization=organisations["Ghana Armed Forces"])
    assert client_as("another_partner").get(f"/my/commitments/{charter['commitment']}/").status_code == 200


def test_it_refuses_a_partner_of_another_organisation_the_commitment(client_as, charter):
    assert client_as("another_partner").get(f"/my/commitments/{charter['commitment']}/").status_code == 403


def test_it_lets_a_partner_record_an_event_for_his_organisation(client_as, organisations):
    response = client_as("partner").post("/events/new/", {
        "name": "Open day", "slug": "open-day", "date": "2030-05-01",
        "organizer": organisations["Ghana Armed Forces"].pk})
    assert (response.status_code, response["Location"]) == (302, "/events/open-day/")
    assert Event.objects.get(slug="open-day").organizer.name == "Ghana Armed Forces"


def test_it_refuses_an_event_for_an_organisation_he_does_not_belong_to(client_as, organisations):
    response = client_as("partner").post("/events/new/", {
        "name": "Open day", "slug": "open-day", "date": "2030-05-01",
        "organizer": organisations["Ministry of Peace"].pk})
    assert response.status_code == 400
    assert not Event.objects.filter(slug="open-day").exists()


def test_it_refuses_a_partner_of_another_organisation_the_event(client_as, summit):
    assert client_as("another_partner").get("/events/summit/edit/").status_code == 403
    assert client_as("another_partner").post("/events/summit/edit/", {"name": "Taken"}).status_code == 403
    assert Event.objects.get(slug="summit").name == "Summit"


def test_it_lets_the_organising_partner_edit_the_event(client_as, summit):
    response = client_as("partner").post("/events/summit/edit/", {
        "name": "Summit 2", "slug": "summit", "date": "2030-05-01", "organizer": summit.organizer_id})
    assert response.status_code == 302
    assert Event.objects.get(slug="summit").name == "Summit 2"


@pytest.mark.parametrize("persona", ["applicant", "declined"])
@pytest.mark.parametrize("url", ["/charter/sign/", "/my/commitments/", "/events/new/", "/review/",
                                 "/hub/practices/new/"])
def test_it_refuses_applicants_every_role_page(client_as, persona, url):
    assert client_as(persona).get(url).status_code == 403


def test_it_gives_a_superuser_no_partner_pages(client_as, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "root-password-123")
    from django.test import Client

    client = Client()
    client.force_login(root)
    assert client.get("/my/commitments/").status_code == 403
    assert client.get("/review/").status_code == 403


@pytest.fixture
def second_womens_organisation(personas, organisations):
    from criticalmass.core.models import Membership, Organization

    second = Organization.objects.create(name="Amani Women's Forum", country_id="GHA",
                                         kind=Organization.Kind.WOMENS_ORGANIZATION)
    Membership.objects.create(user=personas["reviewer"], organization=second)
    return second


def test_it_lets_a_reviewer_of_several_womens_organisations_choose_on_whose_behalf(
        client_as, personas, charter, second_womens_organisation):
    Verification.objects.filter(reviewer=personas["reviewer"]).delete()
    page = client_as("reviewer").get("/review/").content.decode()
    assert "choose which with each verdict" in page and "Amani Women&#x27;s Forum</option>" in page
    response = client_as("reviewer").post(f"/review/reports/{charter['report']}/",
                                          VERDICT | {"organization": second_womens_organisation.pk})
    assert response.status_code == 302
    assert Verification.objects.get(reviewer=personas["reviewer"]).organization == second_womens_organisation


def test_it_refuses_a_verdict_on_behalf_of_an_organisation_she_does_not_belong_to(
        client_as, personas, organisations, charter, second_womens_organisation):
    Verification.objects.filter(reviewer=personas["reviewer"]).delete()
    response = client_as("reviewer").post(f"/review/reports/{charter['report']}/",
                                          VERDICT | {"organization": organisations["Ghana Armed Forces"].pk})
    assert response.status_code == 400
    assert "Choose one of your women&#x27;s organisations." in response.content.decode()
    assert not Verification.objects.filter(reviewer=personas["reviewer"]).exists()
