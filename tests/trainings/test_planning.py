"""Who plans what: the secretariat any programme; a partner those of the organisation he is focal point
or head of; a member of it, another organisation's partner, a reviewer or an advocate nothing."""

from __future__ import annotations

import pytest

from criticalmass.core.models import Membership, Organization, Role, User
from criticalmass.trainings.models import Attendance, Cycle, FollowUp, Programme, Tally
from tests.trainings.world import build_trainings

PROGRAMME = {"title": "Allies in uniform", "slug": "allies", "topic": "1325", "track": "wps",
             "audience": "Officers", "language": "French", "format": "men_only"}


@pytest.fixture
def world(personas, organisations):
    return build_trainings(organisations["Ghana Armed Forces"], personas["advocate"])


def test_it_lets_a_focal_point_plan_a_programme_for_his_organisation(client_as, organisations):
    response = client_as("partner").post("/trainings/new/", {
        **PROGRAMME, "organization": organisations["Ghana Armed Forces"].pk})
    assert response.status_code == 302
    assert Programme.objects.get(slug="allies").organization == organisations["Ghana Armed Forces"]


def test_it_refuses_a_programme_for_an_organisation_the_partner_does_not_plan_for(client_as, organisations):
    response = client_as("partner").post("/trainings/new/", {
        **PROGRAMME, "organization": organisations["Ministry of Peace"].pk})
    assert response.status_code == 400
    assert "organization" in response.context["form"].errors
    assert not Programme.objects.filter(slug="allies").exists()


def test_it_refuses_another_organisations_head_the_programme(client_as, world):
    assert client_as("another_partner").get("/trainings/gender-norms-tot/edit/").status_code == 403
    assert client_as("another_partner").get(f"/trainings/cycles/{world['cycle']}/answers/").status_code == 403


def test_it_refuses_planning_to_a_partner_who_is_a_plain_member(client, organisations):
    plain = User.objects.create_user(username="plain", email="plain@example.org", roles=[Role.PARTNER])
    Membership.objects.create(user=plain, organization=organisations["Ghana Armed Forces"])
    client.force_login(plain)
    assert client.get("/trainings/new/").status_code == 403
    assert client.get("/trainings/dialogues/new/").status_code == 403


def test_it_refuses_a_cycle_ending_before_it_starts_and_changes_nothing(client_as, world):
    response = client_as("partner").post("/trainings/gender-norms-tot/cycles/new/", {
        "name": "Cycle 2", "starts_on": "2026-05-10", "ends_on": "2026-05-01"})
    assert response.status_code == 400
    assert "ends_on" in response.context["form"].errors
    assert Cycle.objects.count() == 1


def test_it_refuses_a_session_with_no_place_that_is_not_online(client_as, world):
    response = client_as("secretariat").post(f"/trainings/cycles/{world['cycle']}/sessions/new/",
                                             {"date": "2026-01-06", "place": ""})
    assert response.status_code == 400
    assert "place" in response.context["form"].errors


def test_it_replaces_a_sessions_counts_of_a_role_when_counted_again(client_as, world):
    url = f"/trainings/sessions/{world['session']}/attendance/"
    counts = {"role": "participant", "women": 10, "men": 11, "not_stated": 0}
    response = client_as("partner").post(url, counts)
    assert response.status_code == 302
    counted = Attendance.objects.get(session_id=world["session"], role="participant")
    assert (counted.women, counted.men) == (10, 11)
    assert client_as("partner").post(url, {"role": "participant", "women": -1, "men": 1}).status_code == 400
    assert Attendance.objects.get(pk=counted.pk).women == 10


def test_it_replaces_a_tally_entered_again_and_keeps_the_first_in_history(client_as, world):
    url = f"/trainings/cycles/{world['cycle']}/answers/"
    posted = {"item": world["item"], "phase": "pre", "score_1": 1, "score_2": 1, "score_3": 1, "score_4": 1,
              "score_5": 1}
    assert client_as("partner").post(url, posted).status_code == 302
    tally = Tally.objects.get(cycle_id=world["cycle"], phase="pre")
    assert tally.counts == [1, 1, 1, 1, 1]
    assert tally.history.count() == 2


def test_it_refuses_an_item_not_asked_in_the_cycle(client_as, world):
    from criticalmass.trainings.models import Item

    other = Item.objects.create(text="Not asked here", kind="attitude")
    response = client_as("partner").post(f"/trainings/cycles/{world['cycle']}/answers/", {
        "item": other.pk, "phase": "pre", "score_1": 5})
    assert response.status_code == 400
    assert not Tally.objects.filter(item=other).exists()


def test_it_lets_the_trainer_answer_a_follow_up_and_refuses_other_members(client_as, world):
    url = f"/trainings/trainers/{world['trainer']}/follow-up/6/"
    assert client_as("visitor").get(url).status_code == 403
    assert client_as("reviewer").post(url, {"people_trained": 3, "country": "GHA", "language": "Ga"}
                                      ).status_code == 403
    response = client_as("advocate").post(url, {"people_trained": 40, "country": "GHA", "language": "Ga"})
    assert response.status_code == 302
    answered = FollowUp.objects.get(trainer_id=world["trainer"], months=6)
    assert answered.people_trained == 40 and answered.reported_by.username == "advocate"


def test_it_lists_the_trainers_follow_ups_for_him(client_as, world):
    page = client_as("advocate").get("/trainings/followups/").content.decode()
    assert "3 months (due 2026-04-09)" in page and "6 months (due 2026-07-09)" in page


def test_it_refuses_a_reserved_programme_address(client_as, organisations):
    response = client_as("secretariat").post("/trainings/new/", {**PROGRAMME, "slug": "cascade"})
    assert response.status_code == 400
    assert "slug" in response.context["form"].errors


def test_it_lets_the_secretariat_plan_its_own_programme(client_as):
    assert client_as("secretariat").post("/trainings/new/", PROGRAMME).status_code == 302
    assert Programme.objects.get(slug="allies").organization is None


def test_it_keeps_organisations_planning_positions_to_focal_points_and_heads(personas):
    from criticalmass.trainings.permissions import planning_organisations

    assert [o.name for o in planning_organisations(personas["partner"])] == ["Ghana Armed Forces"]
    assert [o.name for o in planning_organisations(personas["another_partner"])] == ["Ministry of Peace"]
    assert planning_organisations(personas["inside_reviewer"]) == []
    assert isinstance(Organization.objects.first(), Organization)
