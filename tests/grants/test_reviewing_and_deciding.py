"""Reviewers score against the call's rubric, never an application they have a conflict with; the
secretariat decides within what the call has left, one decision at a time."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criticalmass.core.models import Membership
from criticalmass.grants import services
from criticalmass.grants.models import Application, Review, ReviewScore
from tests.grants.world import build_call, make_application


@pytest.fixture
def application(call, personas):
    return make_application(call, personas["advocate"])


def review_form(call, **extra):
    items = list(call.rubric.all())
    return {"no_conflict": "on", "comment": "Clear plan.", f"item_{items[0].pk}": "5",
            f"item_{items[1].pk}": "3", **extra}


def test_it_records_a_reviewers_rubric_scores_and_shows_the_weighted_score(client_as, call, application):
    assert client_as("reviewer").post(f"/grants/applications/{application.pk}/review/",
                                      review_form(call)).status_code == 302
    # (5/5 × 2 + 3/5 × 1) / 3, out of 10: (20 + 6) / 3
    assert services.rubric_score(application) == Decimal("8.67")
    page = client_as("secretariat").get(f"/grants/applications/{application.pk}/").content.decode()
    assert "8.67" in page and "Clear plan." in page


def test_it_requires_a_conflict_declaration_before_scores(client_as, call, application):
    form = {k: v for k, v in review_form(call).items() if k != "no_conflict"}
    response = client_as("reviewer").post(f"/grants/applications/{application.pk}/review/", form)
    assert response.status_code == 400 and "Declare that you have a conflict" in response.content.decode()
    assert not Review.objects.exists()


def test_it_keeps_no_scores_from_a_reviewer_who_declares_a_conflict(client_as, call, application):
    client_as("reviewer").post(f"/grants/applications/{application.pk}/review/",
                               {"conflict": "on", "comment": "My cousin leads this club."})
    review = Review.objects.get()
    assert review.conflict and not review.scores.exists()
    assert services.rubric_score(application) is None


def test_it_excludes_a_reviewer_who_shares_an_organisation_with_the_applicant(
        client_as, personas, organisations, call, application):
    network = organisations["Women Mediators Network"]
    Membership.objects.create(user=personas["advocate"], organization=network)
    response = client_as("reviewer").post(f"/grants/applications/{application.pk}/review/", review_form(call))
    assert response.status_code == 403 and not Review.objects.exists()
    assert "Radio" not in client_as("reviewer").get("/grants/review/").content.decode()
    assert client_as("reviewer").get(f"/grants/applications/{application.pk}/").status_code == 403


def test_it_hides_an_application_from_other_applicants(client_as, application):
    assert client_as("visitor").get(f"/grants/applications/{application.pk}/").status_code == 403
    assert client_as("advocate").get(f"/grants/applications/{application.pk}/").status_code == 200


def test_it_funds_within_the_budget_and_shows_what_is_left(client_as, call, application):
    response = client_as("secretariat").post(f"/grants/applications/{application.pk}/decide/",
                                             {"decision": "fund", "amount": "1200", "reason": "Strong plan."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "funded" and application.amount_awarded == Decimal("1200.00")
    assert call.remaining() == Decimal("3800.00")
    assert "3800.00 USD" in client_as(None).get(f"/grants/calls/{call.slug}/").content.decode()
    assert application.history.count() == 2  # the application as sent, then as decided


def test_it_refuses_a_grant_over_what_the_call_has_left(client_as, personas, call):
    for number in range(3):
        services.decide(make_application(call, personas["advocate"], title=f"P{number}").pk, fund=True,
                        amount=Decimal("1500"), reason="Good.", by=personas["secretariat"])
    waiting = make_application(call, personas["advocate"])
    response = client_as("secretariat").post(f"/grants/applications/{waiting.pk}/decide/",
                                             {"decision": "fund", "amount": "600", "reason": "Good."},
                                             follow=True)
    assert "Not decided: 600 is more than the 500.00 left" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "submitted" and call.remaining() == Decimal("500.00")


def test_it_asks_for_an_amount_when_funding(client_as, application):
    response = client_as("secretariat").post(f"/grants/applications/{application.pk}/decide/",
                                             {"decision": "fund", "reason": "Good."}, follow=True)
    assert "Give the amount of the grant." in response.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"


def test_it_decides_an_application_only_once(personas, application):
    services.decide(application.pk, fund=False, amount=None, reason="Out of scope.",
                    by=personas["secretariat"])
    with pytest.raises(services.DecisionRefused, match="already declined"):
        services.decide(application.pk, fund=True, amount=Decimal(100), reason="On second thoughts.",
                        by=personas["secretariat"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.booleans(), st.decimals(min_value=1, max_value=2000, places=2)), max_size=8))
def test_it_never_grants_more_than_the_budget_whatever_the_decisions(personas, decisions):
    call = build_call(slug=f"call-{Application.objects.count()}-{len(decisions)}", budget="3000")
    for fund, amount in decisions:
        application = make_application(call, personas["advocate"])
        with contextlib.suppress(services.DecisionRefused):
            services.decide(application.pk, fund=fund, amount=amount, reason="Decided.",
                            by=personas["secretariat"])
    assert call.awarded() <= call.budget and call.remaining() >= 0


def test_it_keeps_a_reviewers_replaced_scores_in_the_history(client_as, call, application):
    client = client_as("reviewer")
    client.post(f"/grants/applications/{application.pk}/review/", review_form(call))
    client.post(f"/grants/applications/{application.pk}/review/", review_form(call, **{
        f"item_{call.rubric.first().pk}": "1"}))
    assert sorted(s.score for s in ReviewScore.history.all()) == [1, 3, 3, 3, 5, 5]
