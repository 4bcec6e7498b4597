"""Doors figures: women's share of a mission's leadership posts against the rising target (page section,
CSV, API and briefing from one table), the "without us" check, and reprisal counts suppressed below 5."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from criticalmass.doors import figures
from criticalmass.doors.models import Meeting, MeetingRequest, Reprisal
from tests.doors.world import build_doors, build_posts, mission

TODAY = dt.date(2023, 6, 30)


@pytest.fixture
def unmiss(db):
    process = mission()
    build_posts(process)
    return process


def test_it_counts_the_share_of_posts_held_by_women_at_each_year_end(unmiss):
    rows = figures.leadership_table(unmiss, TODAY).table.rows
    assert [(r["date"], r["women"], r["men"], r["share"]) for r in rows] == [
        (dt.date(2020, 12, 31), 1, 0, 100.0), (dt.date(2021, 12, 31), 1, 0, 100.0),
        (dt.date(2022, 12, 31), 0, 1, 0.0), (TODAY, 0, 1, 0.0)]
    assert rows[-1]["target"] == 30.0 and rows[-1]["status"] == "off track"
    assert rows[-1]["source"] == "UN press release SG/A/2"


def test_it_gives_the_trend_of_the_share(unmiss):
    assert figures.leadership_table(unmiss, TODAY).slope < 0


def test_it_shows_the_leadership_and_the_without_us_flag_on_the_mission_page(client, unmiss):
    page = client.get("/missions/unmiss/").content.decode()
    assert "Women in its leadership posts" in page and "/doors/processes/unmiss/leadership.csv" in page
    assert "<strong>No meeting with women's civil society</strong>" in page


def test_it_lifts_the_flag_once_a_meeting_with_women_is_recorded(personas, client):
    build_doors(personas["advocate"], personas["partner"])
    check = figures.without_us(mission())
    assert check.meetings == 1 and not check.flagged
    assert check.shown_meetings is None  # one meeting is not counted publicly: it could point at her
    assert "Fewer than 5 meetings" in client.get("/missions/unmiss/").content.decode()
    assert client.get("/api/doors/processes/unmiss/leadership").json()["meetings_last_12_months"] is None
    Meeting.objects.update(held_on=timezone.localdate() - dt.timedelta(days=400))
    assert figures.without_us(mission()).flagged


def test_it_serves_the_same_rows_as_csv_and_through_the_api(client, unmiss):
    table = figures.leadership_table(unmiss).table
    lines = list(csv.DictReader(io.StringIO(client.get("/doors/processes/unmiss/leadership.csv")
                                            .content.decode())))
    assert [line["share"] for line in lines] == [str(row["share"]) for row in table.rows]
    body = client.get("/api/doors/processes/unmiss/leadership").json()
    assert [row["share"] for row in body["rows"]] == [row["share"] for row in table.rows]
    assert body["without_us"] is True and body["meetings_last_12_months"] == 0


def test_it_answers_an_unknown_process_in_the_apis_error_shape(client, db):
    body = client.get("/api/doors/processes/nowhere/leadership").json()
    assert body["error"]["status"] == 404 and "nowhere" in body["error"]["message"]


def test_it_quotes_the_leadership_share_and_the_check_in_a_mission_briefing(client, unmiss):
    page = client.get("/briefings/briefing/?audience=force-commander&mission=unmiss").content.decode()
    assert "UNMISS&#x27;s leadership posts" in page or "UNMISS's leadership posts" in page
    assert "nothing about us without us" in page


def test_it_never_publishes_a_reprisal_count_below_five(personas, client):
    ids = build_doors(personas["advocate"], personas["partner"])
    request = MeetingRequest.objects.get(pk=ids["door_request"])
    for _ in range(4):
        Reprisal.objects.create(request=request, who="x", what="y", occurred_on=dt.date(2024, 3, 1),
                                severity="threat", region="West Africa")
    rows = {(r["year"], r["region"]): r["reprisals"] for r in figures.reprisal_counts().rows}
    assert rows == {}  # not even a row: its existence would say something happened there
    Reprisal.objects.create(request=request, who="x", what="y", occurred_on=dt.date(2024, 4, 1),
                            severity="harm", region="West Africa")
    assert client.get("/api/doors/reprisals").json() == [
        {"year": 2024, "region": "West Africa", "reprisals": 5}]
    assert "fewer than 5 is not listed" in client.get("/doors/reprisals/").content.decode()


def test_it_lets_the_secretariat_end_a_term_leaving_the_change_in_the_audit(client_as, personas, unmiss):
    from criticalmass.core.models import AuditEvent
    from criticalmass.doors.models import Holder

    holder = Holder.objects.get(name="B. Man")
    data = {"name": "B. Man", "sex": "man", "start_date": "2022-07-01", "end_date": "2023-03-31",
            "citation": "UN press release SG/A/2", "url": ""}
    assert client_as("partner").post(f"/doors/holders/{holder.pk}/", data).status_code == 403
    assert client_as("secretariat").post(f"/doors/holders/{holder.pk}/", {**data, "end_date": "2021-01-01"}
                                         ).status_code == 400
    assert client_as("secretariat").post(f"/doors/holders/{holder.pk}/", data).status_code == 302
    assert Holder.objects.get(pk=holder.pk).end_date == dt.date(2023, 3, 31)
    event = AuditEvent.objects.get(action="doors.holder_changed")
    assert event.detail["changes"] == {"end_date": ["None", "2023-03-31"]}
    assert figures.leadership_table(unmiss, TODAY).table.rows[-1]["date"] == dt.date(2022, 12, 31)  # vacant
