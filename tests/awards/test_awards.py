"""An award round: nominations (never of oneself or one's own organisation) with the nominee's record
pre-filled, the jury's marks with conflicts of interest, decisions with reasons (ties recorded), and
the laureates published with the evidence."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from criticalmass.awards import services
from criticalmass.awards.models import Decision, Declaration, Mark, Nomination
from criticalmass.charter.models import Commitment, Report, ReportingCycle, Verification
from criticalmass.trainings.models import Attendance, Cycle, Programme, Session
from tests.awards.world import build_round


@pytest.fixture
def round_(personas):
    return build_round(jurors=(personas["reviewer"], personas["inside_reviewer"]))


@pytest.fixture
def category(round_):
    return round_.categories.get()


def nominate(client, round_, category, nominee, organisation=None):
    return client.post(f"/awards/{round_.slug}/nominate/", {
        "category": category.pk, "nominee": nominee.pk, "reason": "Brought women mediators to the talks.",
        "organization": organisation.pk if organisation else ""})


def test_it_prefills_the_nominees_record_from_the_platform(client_as, personas, organisations, round_,
                                                            category):
    partner = personas["partner"]
    cycle = ReportingCycle.objects.create(name="2026", opens_on="2026-01-01", deadline="2026-06-30")
    commitment = Commitment.objects.create(owner=partner, cycle=cycle, what="Two women mediators", target="2",
                                           indicator="Mediators", baseline="0", deadline="2026-06-30")
    report = Report.objects.create(commitment=commitment, progress="met", narrative="Done.")
    Verification.objects.create(report=report, reviewer=personas["reviewer"], verdict="confirm",
                                comment="Seen.")
    response = nominate(client_as("reviewer"), round_, category, partner,
                        organisations["Ghana Armed Forces"])
    assert response.status_code == 302
    record = Nomination.objects.get().record
    assert record["commitments"]["made"] == 1 and record["commitments"]["met_or_exceeded"] == 1
    assert record["commitments"]["confirmed_by_reviewers"] == 1
    assert record["organisation"] == "Ghana Armed Forces" and record["panels"]["joined"] == 0


def test_it_refuses_a_partner_nominating_himself(client_as, personas, round_, category):
    response = nominate(client_as("partner"), round_, category, personas["partner"])
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert services.nomination_refusal(personas["partner"], personas["partner"], None) == \
        "You cannot nominate yourself."
    assert not Nomination.objects.exists()


def test_it_refuses_a_nomination_of_ones_own_organisation(client_as, personas, organisations, round_,
                                                           category):
    response = nominate(client_as("inside_reviewer"), round_, category, personas["partner"],
                        organisations["Ghana Armed Forces"])
    assert response.status_code == 400
    assert "You cannot nominate your own organisation." in response.content.decode()
    response = nominate(client_as("inside_reviewer"), round_, category, personas["partner"])
    assert "You cannot nominate a member of your own organisation." in response.content.decode()
    assert not Nomination.objects.exists()


def test_it_refuses_nominations_outside_the_period(client_as, personas, round_, category):
    round_.nominations_open = round_.nominations_close = round_.nominations_open.replace(year=2020)
    round_.save()
    response = nominate(client_as("reviewer"), round_, category, personas["partner"])
    assert response.status_code == 302 and not Nomination.objects.exists()


@pytest.fixture
def two_nominations(personas, organisations, round_, category):
    partner = services.nominate(round_, category, personas["partner"], organisations["Ghana Armed Forces"],
                                "Opened the talks.", personas["advocate"])
    other = services.nominate(round_, category, personas["another_partner"], None, "Funded women's groups.",
                              personas["advocate"])
    return partner, other


def mark(client, nomination, round_, values, **extra):
    marks = {f"criterion_{c.pk}": v for c, v in zip(round_.criteria.all(), values, strict=True)}
    return client.post(f"/awards/nominations/{nomination.pk}/mark/", {"no_conflict": "on", **marks, **extra})


def test_it_excludes_a_juror_of_the_nominees_organisation(client_as, round_, two_nominations):
    partner_nomination, _ = two_nominations
    response = mark(client_as("inside_reviewer"), partner_nomination, round_, ["10", "10"])
    assert response.status_code == 403 and not Mark.objects.exists()
    assert "Excluded: You belong to the nominee" in client_as("inside_reviewer").get(
        f"/awards/{round_.slug}/jury/").content.decode()


def test_it_keeps_no_marks_from_a_juror_who_declares_a_conflict(client_as, round_, two_nominations):
    _, other = two_nominations
    mark(client_as("reviewer"), other, round_, ["9", "9"], conflict="on", note="I advised his ministry.")
    assert Declaration.objects.get().conflict and not Mark.objects.exists()


def test_it_requires_a_declaration_before_marks(client_as, round_, two_nominations):
    _, other = two_nominations
    criteria = list(round_.criteria.all())
    response = client_as("reviewer").post(f"/awards/nominations/{other.pk}/mark/",
                                          {f"criterion_{c.pk}": "5" for c in criteria})
    assert response.status_code == 400 and not Mark.objects.exists()


def test_it_refuses_the_jury_to_reviewers_not_appointed(client_as, personas, round_):
    round_.jurors.filter(user=personas["reviewer"]).delete()
    assert client_as("reviewer").get(f"/awards/{round_.slug}/jury/").status_code == 403


def test_it_ranks_by_weighted_score_records_a_tie_and_publishes_with_the_evidence(
        client_as, personas, round_, category, two_nominations):
    partner_nomination, other = two_nominations
    mark(client_as("reviewer"), partner_nomination, round_, ["8", "4"])  # (24 + 4) / 4 = 7
    mark(client_as("reviewer"), other, round_, ["6", "10"])  # (18 + 10) / 4 = 7
    table = services.standings(round_, category)
    assert [(s.score, s.leading) for s in table] == [(Decimal("7.00"), True), (Decimal("7.00"), True)]
    response = client_as("secretariat").post(f"/awards/{round_.slug}/decide/", {
        "category": category.pk, "laureate": partner_nomination.pk,
        "reason": "Tied at 7.00; the commitments verified by women's organisations weigh most."})
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.tie and decision.score == Decimal("7.00")
    assert "Tied at 7.00" not in client_as(None).get(f"/awards/{round_.slug}/").content.decode()  # not yet
    assert client_as("secretariat").post(f"/awards/{round_.slug}/publish/").status_code == 302
    page = client_as(None).get(f"/awards/{round_.slug}/").content.decode()
    assert "Tied at 7.00" in page and "Opened the talks." in page and "Commitments made" in page
    rows = list(csv.DictReader(io.StringIO(client_as(None).get("/awards/laureates.csv").content.decode())))
    assert [(r["laureate"], r["score"], r["tie"]) for r in rows] == [("partner", "7.00", "True")]
    laureates = client_as(None).get("/api/awards/laureates").json()["items"]
    assert laureates[0]["laureate"] == "partner" and laureates[0]["tie"] is True


def test_it_asks_for_a_reason_and_changes_nothing_without_one(client_as, round_, category, two_nominations):
    response = client_as("secretariat").post(f"/awards/{round_.slug}/decide/", {
        "category": category.pk, "laureate": two_nominations[0].pk, "reason": ""})
    assert response.status_code == 400 and not Decision.objects.exists()


def test_it_keeps_decisions_once_published(personas, round_, category, two_nominations):
    services.decide(round_, category, two_nominations[0], "Highest score.", personas["secretariat"])
    services.publish(round_, personas["secretariat"])
    with pytest.raises(services.Refused, match="published"):
        services.decide(round_, category, two_nominations[1], "Changed my mind.", personas["secretariat"])
    assert Decision.objects.get().laureate == two_nominations[0]


def test_it_refuses_to_publish_before_any_decision(client_as, round_):
    response = client_as("secretariat").post(f"/awards/{round_.slug}/publish/", follow=True)
    assert "Decide at least one category" in response.content.decode()
    round_.refresh_from_db()
    assert round_.published_at is None


def test_it_shows_no_laureate_of_an_unpublished_round(client_as, personas, round_, category, two_nominations):
    services.decide(round_, category, two_nominations[0], "Highest score.", personas["secretariat"])
    assert client_as(None).get("/api/awards/laureates").json()["items"] == []
    assert "Highest score." not in client_as(None).get("/awards/").content.decode()


def test_it_answers_a_decision_for_an_unknown_category_with_404(client_as, round_):
    response = client_as("secretariat").post(f"/awards/{round_.slug}/decide/", {"category": "abc"})
    assert response.status_code == 404 and not Decision.objects.exists()


def test_it_gives_a_member_the_nominations_they_made(client_as, two_nominations):
    data = client_as("advocate").get("/accounts/data.json").json()
    assert [n["nominee"] for n in data["nominations_made"]] == ["partner", "another_partner"]


def test_it_opens_the_demo_round_once_with_the_demo_reviewer_on_its_jury(db, capsys):
    from django.core.management import call_command

    from criticalmass.awards.models import Round
    from criticalmass.core.models import Role, User

    reviewer = User.objects.create_user(username="demo-reviewer", roles=[Role.REVIEWER])
    call_command("create_demo_round")
    call_command("create_demo_round")
    demo = Round.objects.get()
    assert demo.taking_nominations() and list(demo.jurors.values_list("user", flat=True)) == [reviewer.pk]
    assert "exists; nothing changed" in capsys.readouterr().out


def test_it_keeps_a_jurors_earlier_marks_in_the_history(client_as, round_, two_nominations):
    _, other = two_nominations
    mark(client_as("reviewer"), other, round_, ["6", "6"])
    mark(client_as("reviewer"), other, round_, ["9", "9"])
    # created at 6, removed at 6 when replaced, created at 9: for both criteria
    assert sorted(str(m.value) for m in Mark.history.all()) == ["6.00"] * 4 + ["9.00"] * 2


def test_it_counts_no_marks_of_a_juror_removed_from_the_jury(client_as, personas, round_, category,
                                                             two_nominations):
    _, other = two_nominations
    mark(client_as("reviewer"), other, round_, ["6", "6"])
    round_.jurors.filter(user=personas["reviewer"]).delete()
    assert [s.score for s in services.standings(round_, category)] == [None, None]


def test_it_computes_the_standings_in_as_many_queries_whatever_the_marks(round_, category, two_nominations):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from criticalmass.core.models import Role, User

    criteria = list(round_.criteria.all())
    with CaptureQueriesContext(connection) as unmarked:
        services.standings(round_, category)
    for number in range(5):
        juror = User.objects.create_user(username=f"juror{number}", roles=[Role.REVIEWER])
        round_.jurors.create(user=juror)
        for nomination in two_nominations:
            services.save_marks(nomination, juror, conflict=False, note="",
                                marks={c: Decimal(number + 5) for c in criteria})
    with CaptureQueriesContext(connection) as marked:
        services.standings(round_, category)
    # each juror's organisations are read once, whatever the number of nominees and marks
    assert len(marked) <= len(unmarked) + 5


def run_programme(organisation, slug, counted):
    """A programme of `organisation` with two cycles; `counted` people (women, men) at one session each."""
    programme = Programme.objects.create(slug=slug, title=slug.title(), topic="Resolution 1325",
                                         audience="Officers", language="English", organization=organisation)
    for name, (women, men) in zip(["Cycle 1", "Cycle 2"], counted, strict=True):
        cycle = Cycle.objects.create(programme=programme, name=name, starts_on="2026-02-01",
                                     ends_on="2026-02-03")
        session = Session.objects.create(cycle=cycle, date="2026-02-01", place="Accra")
        Attendance.objects.create(session=session, role=Attendance.Role.PARTICIPANT, women=women, men=men)


def test_it_counts_the_trainings_of_the_nominees_organisation_in_his_record(
        client_as, personas, organisations, round_, category):
    run_programme(organisations["Ghana Armed Forces"], "wps-officers", [(12, 8), (3, 2)])
    run_programme(None, "secretariat-course", [(40, 40), (40, 40)])  # the secretariat's: not his
    response = nominate(client_as("advocate"), round_, category, personas["partner"],
                        organisations["Ghana Armed Forces"])
    assert response.status_code == 302
    record = Nomination.objects.get().record
    assert record["trainings"] == {"programmes": 1, "cycles": 2, "people_counted": 25}
    page = client_as("reviewer").get(f"/awards/{round_.slug}/jury/").content.decode()
    assert "Training cycles held: 2" in page and "People counted at their sessions: 25" in page


def test_it_shows_fewer_than_five_people_trained_in_a_record_as_such(personas, organisations, round_,
                                                                     category):
    run_programme(organisations["Ghana Armed Forces"], "small-course", [(1, 1), (1, 0)])
    nomination = services.nominate(round_, category, personas["partner"], None, "Trained officers.",
                                   personas["advocate"])  # no organisation named: his own count
    assert nomination.record["trainings"] == {"programmes": 1, "cycles": 2, "people_counted": "fewer than 5"}
