"""The gender review gate: a document is submitted, the secretariat assigns a gender adviser or focal
point, who alone reviews it against the checklist; its status and every status it had are public, on
its list (page, CSV, API) and on the plan and mission pages it concerns; the comments are not."""

from __future__ import annotations

import pytest

from criticalmass.agreements.models import RubricItem
from criticalmass.core.models import AuditEvent
from criticalmass.core.personal_data import forget
from criticalmass.reviews.models import ChecklistItem, Document, Status
from tests.reviews.world import build_reviews
from tests.watchdog.world import build_watchdog


@pytest.fixture
def draft(personas):
    build_watchdog()
    document = build_reviews(assigned=False)
    document.submitted_by = personas["partner"]
    document.save()
    return document


def review_form(decision: str, comments: str = "", answer: str = "met") -> dict[str, str]:
    form = {f"answer_{item.slug}": answer for item in ChecklistItem.objects.filter(active=True)}
    return {**form, "decision": decision, "comments": comments}


def assign(client_as, draft: Document, persona_pk: int):  # type: ignore[no-untyped-def]
    return client_as("secretariat").post(f"/gender-review/documents/{draft.slug}/assign/",
                                         {"reviewer": persona_pk})


def test_it_starts_the_checklist_from_the_mandate_rubric(db):
    assert ChecklistItem.objects.count() == RubricItem.objects.count() > 0
    assert set(ChecklistItem.objects.values_list("slug", flat=True)) == set(
        RubricItem.objects.values_list("slug", flat=True))


def test_it_takes_a_submission_as_not_reviewed_and_audits_it(client_as, personas):
    response = client_as("advocate").post("/gender-review/submit/", {
        "kind": "national_plan_draft", "title": "Draft NAP III", "excerpt": "Section 4: participation."})
    assert response.status_code == 302
    document = Document.objects.get(title="Draft NAP III")
    assert document.status == Status.NOT_REVIEWED and document.submitted_by == personas["advocate"]
    assert list(document.status_changes.values_list("status", flat=True)) == ["not_reviewed"]
    assert AuditEvent.objects.filter(action="review.submitted").exists()


def test_it_refuses_a_submission_without_address_or_passages_and_saves_nothing(client_as):
    response = client_as("partner").post("/gender-review/submit/", {"kind": "partner_policy", "title": "X"})
    assert response.status_code == 400
    assert "Give a web address where the draft can be read" in response.content.decode()
    assert not Document.objects.exists()


def test_it_assigns_a_reviewer_or_a_focal_point_and_puts_the_document_under_review(client_as, draft,
                                                                                  personas):
    assert assign(client_as, draft, personas["partner"].pk).status_code == 302  # focal point
    draft.refresh_from_db()
    assert draft.status == Status.UNDER_REVIEW and draft.reviewer == personas["partner"]


def test_it_refuses_to_assign_someone_who_is_neither_adviser_nor_focal_point(client_as, draft, personas):
    response = assign(client_as, draft, personas["advocate"].pk)
    assert response.status_code == 400
    assert "Choose a gender adviser (reviewer) or a focal point." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.NOT_REVIEWED and draft.reviewer is None


@pytest.mark.parametrize("persona", ["partner", "reviewer", "advocate"])
def test_it_lets_only_the_secretariat_assign(client_as, draft, personas, persona):
    response = client_as(persona).post(f"/gender-review/documents/{draft.slug}/assign/",
                                       {"reviewer": personas["reviewer"].pk})
    assert response.status_code == 403


def test_it_lets_the_assigned_reviewer_approve_against_the_checklist(client_as, draft, personas):
    assign(client_as, draft, personas["reviewer"].pk)
    response = client_as("reviewer").post(f"/gender-review/documents/{draft.slug}/review/",
                                          review_form("approve"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.APPROVED
    assert draft.checks.count() == ChecklistItem.objects.filter(active=True).count()
    assert list(draft.status_changes.values_list("status", flat=True)) == [
        "not_reviewed", "under_review", "approved"]
    assert draft.history.count() >= 2


def test_it_asks_for_comments_when_changes_are_needed_and_changes_nothing(client_as, draft, personas):
    assign(client_as, draft, personas["reviewer"].pk)
    response = client_as("reviewer").post(f"/gender-review/documents/{draft.slug}/review/",
                                          review_form("changes"))
    assert response.status_code == 400 and "Say which changes are needed" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.UNDER_REVIEW and not draft.checks.exists()


@pytest.mark.parametrize("persona", ["inside_reviewer", "secretariat", "partner"])
def test_it_refuses_the_review_to_anyone_but_the_assigned_reviewer(client_as, draft, personas, persona):
    assign(client_as, draft, personas["reviewer"].pk)
    url = f"/gender-review/documents/{draft.slug}/review/"
    assert client_as(persona).get(url).status_code == 403
    assert client_as(persona).post(url, review_form("approve")).status_code == 403


def test_it_returns_comments_to_the_submitter_but_not_to_the_public(client_as, draft, personas):
    assign(client_as, draft, personas["reviewer"].pk)
    client_as("reviewer").post(f"/gender-review/documents/{draft.slug}/review/",
                               review_form("changes", "Add a budget line for women's participation."))
    url = f"/gender-review/documents/{draft.slug}/"
    assert "Add a budget line" in client_as("partner").get(url).content.decode()
    public = client_as(None).get(url).content.decode()
    assert "Reviewed with changes" in public and "Add a budget line" not in public


def test_it_shows_the_status_on_the_plan_and_mission_pages(client_as, draft, make_mission):
    mission = make_mission()
    draft.process = mission
    draft.save()
    for url in ("/watchdog/plans/tst-nap-2/", f"/missions/{mission.slug}/"):
        page = client_as(None).get(url).content.decode()
        assert "Gender review" in page and "Draft deployment policy" in page and "Not reviewed" in page, url


def test_it_lists_documents_with_their_status_on_page_csv_and_api(client_as, draft):
    assert "Not reviewed" in client_as(None).get("/gender-review/").content.decode()
    csv = client_as(None).get("/gender-review/documents.csv").content.decode()
    assert "draft-policy" in csv and "Not reviewed" in csv
    api = client_as(None).get("/api/reviews/documents?status=not_reviewed").json()
    assert api["items"][0]["status"] == "not_reviewed" and api["items"][0]["plan"] == "tst-nap-2"
    assert api["items"][0]["history"][0]["status"] == "not_reviewed"
    assert client_as(None).get("/api/reviews/documents?status=approved").json()["count"] == 0


def test_it_answers_unknown_documents_and_statuses_in_the_api_error_shape(client_as, draft):
    missing = client_as(None).get("/api/reviews/documents/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client_as(None).get("/api/reviews/documents?status=maybe").status_code == 422


def test_it_keeps_a_document_when_its_submitter_is_erased_and_clears_her_from_its_history(
        client_as, personas):
    client_as("advocate").post("/gender-review/submit/", {"kind": "other", "title": "Her draft",
                                                         "url": "https://example.org/d"})
    document = Document.objects.get(title="Her draft")
    assert document.history.filter(history_user=personas["advocate"]).exists()
    forget(personas["advocate"])
    assert Document.objects.filter(pk=document.pk).exists()
    assert not Document.history.filter(history_user=personas["advocate"]).exists()


def test_it_names_the_reviewer_only_to_those_in_the_review(client_as, draft, personas):
    personas["reviewer"].display_name = "Adviser Amal"
    personas["reviewer"].save()
    assign(client_as, draft, personas["reviewer"].pk)
    url = f"/gender-review/documents/{draft.slug}/"
    assert "Adviser Amal" not in client_as(None).get(url).content.decode()
    assert "Adviser Amal" in client_as("partner").get(url).content.decode()  # the submitter


def test_it_lets_a_member_attribute_a_document_to_her_own_organisations_only(client_as, personas,
                                                                             organisations):
    his = {o.pk for o in personas["partner"].organizations.all()}
    mine = personas["partner"].organizations.first()
    other = next(o for o in organisations.values() if o.pk not in his)
    refused = client_as("partner").post("/gender-review/submit/", {
        "kind": "other", "title": "Not ours", "url": "https://example.org/d", "organization": other.pk})
    assert refused.status_code == 400 and "Choose one of your own organisations." in refused.content.decode()
    assert not Document.objects.filter(title="Not ours").exists()
    client_as("partner").post("/gender-review/submit/", {
        "kind": "other", "title": "Ours", "url": "https://example.org/d", "organization": mine.pk})
    assert Document.objects.get(title="Ours").organization == mine
