"""The public figures (page, CSV and API from one table, nothing below 5), trainers' reminders,
dialogues' agreed actions becoming commitments, and a youth club's page."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command

from criticalmass.charter.models import Reminder
from criticalmass.trainings.models import AgreedAction, FollowUp, Tally
from criticalmass.trainings.reminders import send_training_reminders
from tests.charter.world import build_charter
from tests.trainings.world import build_public_trainings, build_trainings


@pytest.fixture
def world(personas, organisations):
    return build_trainings(organisations["Ghana Armed Forces"], personas["advocate"])


def csv_rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_shows_results_from_five_answers_and_hides_those_from_fewer(client, world):
    Tally.objects.filter(phase="post").update(score_3=0, score_4=2, score_5=2)  # 4 answers after
    api = client.get("/api/trainings/programmes/gender-norms-tot").json()["results"]["rows"][0]
    assert (api["pre_answers"], api["pre_mean"]) == (9, 1.89)
    assert (api["post_answers"], api["post_mean"], api["change"]) == (None, None, None)
    row = csv_rows(client.get("/trainings/gender-norms-tot/results.csv"))[0]
    assert (row["pre_mean"], row["post_mean"], row["post_answers"]) == ("1.89", "", "")
    page = client.get("/trainings/gender-norms-tot/").content.decode()
    assert "fewer than 5 answers" in page and "4.0" not in page


def test_it_gives_the_page_the_csv_and_the_api_the_same_cascade(client, world):
    FollowUp.objects.create(trainer_id=world["trainer"], months=6, people_trained=31, country_id="GHA",
                            language="twi ")
    api = client.get("/api/trainings/cascade").json()["rows"]
    assert [(r["country"], r["language"], r["people"]) for r in api] == [("Ghana", "Twi", 31)]
    assert csv_rows(client.get("/trainings/cascade/cascade.csv"))[0]["people"] == "31"
    assert ">31<" in client.get("/trainings/cascade/").content.decode()


def test_it_hides_a_cascade_below_five_people(client, world):
    FollowUp.objects.update(people_trained=4)
    assert client.get("/api/trainings/cascade").json()["rows"][0]["people"] is None
    assert "fewer than 5" in client.get("/trainings/cascade/").content.decode()


def test_it_counts_people_at_a_programmes_sessions_without_counts_below_five(client, world):
    row = client.get("/api/trainings/programmes").json()["rows"][0]
    assert (row["women"], row["men"], row["not_stated"], row["women_share"]) == (8, 12, None, 40.0)


def test_it_reminds_a_trainer_once_when_a_follow_up_is_due(world, mailoutbox,
                                                           django_capture_on_commit_callbacks):
    assert send_training_reminders(dt.date(2026, 7, 8)) == (0, 0)  # 3 months answered, 6 not yet due
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once committed
        assert send_training_reminders(dt.date(2026, 7, 9)) == (1, 0)
    assert "/trainings/trainers/" in mailoutbox[0].body and mailoutbox[0].to == ["advocate@example.org"]
    assert send_training_reminders(dt.date(2026, 7, 10)) == (0, 1)
    assert Reminder.objects.filter(key__startswith="training-follow-up:").count() == 1


def test_it_reminds_no_trainer_who_stopped_reminders(world, personas, mailoutbox):
    personas["advocate"].notify_reminders = False
    personas["advocate"].save()
    assert send_training_reminders(dt.date(2027, 1, 1)) == (0, 0)


def test_it_sends_training_reminders_from_the_command(world, mailoutbox):
    out = io.StringIO()
    call_command("send_training_reminders", stdout=out)
    assert "reminder(s)" in out.getvalue() and len(mailoutbox) <= 1


def test_it_links_an_agreed_action_to_the_partners_own_commitment(client_as, personas, world):
    ids = build_charter(personas["partner"], personas["reviewer"])
    url = f"/trainings/actions/{world['action']}/commitment/"
    assert client_as("partner").post(url, {"commitment": ids["commitment"]}).status_code == 302
    assert AgreedAction.objects.get().commitment_id == ids["commitment"]
    row = client_as(None).get("/api/trainings/dialogues").json()["rows"][0]
    assert (row["agreed_actions"], row["commitments"], row["women"], row["men"]) == (1, 1, 9, 7)
    assert client_as("another_partner").get(url).status_code == 403


def test_it_refuses_another_partners_commitment_for_an_action(client_as, personas, world):
    ids = build_charter(personas["another_partner"], personas["reviewer"])
    response = client_as("partner").post(f"/trainings/actions/{world['action']}/commitment/",
                                         {"commitment": ids["commitment"]})
    assert response.status_code == 400 and "commitment" in response.context["form"].errors
    assert AgreedAction.objects.get().commitment_id is None


def test_it_shows_a_youth_clubs_trainings_on_its_page(client, db):
    build_public_trainings()
    page = client.get("/organisations/9001/").content.decode()
    assert "Youth club" in page and "Gender norms: training of trainers" in page and "Accra dialogue" in page


def test_it_seeds_the_hubs_youth_and_masculinities_cards_with_verified_evidence(client, db):
    from criticalmass.hub.models import Card, Evidence

    assert {"youth", "masculinities"} <= set(Card.objects.values_list("slug", flat=True))
    seeded = Evidence.objects.filter(themes__contains=",masculinities,")
    assert seeded.count() == 3 and set(seeded.values_list("grade", flat=True)) == {"verified"}
    assert "IMAGES" in client.get("/hub/evidence/?theme=masculinities").content.decode()


def test_it_lists_a_dialogue_on_the_page_of_the_event_it_was_part_of(client, world):
    from criticalmass.trainings.models import Dialogue
    from tests.events.world import build_events

    Dialogue.objects.update(event=build_events())
    page = client.get("/events/summit/").content.decode()
    assert "Dialogues at this event" in page and "/trainings/dialogues/accra-dialogue/" in page


def test_it_reads_the_programmes_list_in_the_same_queries_whatever_their_number(client, world,
                                                                             django_assert_max_num_queries):
    from criticalmass.trainings.models import Programme

    with django_assert_max_num_queries(8):
        client.get("/trainings/")
    for number in range(30):
        Programme.objects.create(slug=f"p-{number}", title=f"P {number}", topic="t", audience="a",
                                 language="Ga")
    with django_assert_max_num_queries(8):
        assert client.get("/trainings/").status_code == 200
