"""Drafted with the women it concerns: a draft opened to invited organisations and advocates, comments per
paragraph (advocates under a pseudonym), the secretariat's answers, and the published record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from criticalmass.charter.models import CharterVersion, Consultation, ConsultationComment
from criticalmass.core.models import Organization


@pytest.fixture
def consultation(charter, organisations, personas):
    draft = CharterVersion.objects.get(number=3)
    draft.text = "We commit to parity.\n\nWe fund women's organisations.\n\nWe report every year."
    draft.save()
    today = timezone.localdate()
    found = Consultation.objects.create(version=draft, opens_on=today - dt.timedelta(days=2),
                                        closes_on=today + dt.timedelta(days=20))
    found.organizations.add(organisations["Women Mediators Network"])
    found.advocates.add(personas["advocate"])
    return found


def comment(client, follow=False, **fields):
    return client.post("/charter/drafts/3/comments/", {"paragraph": "2", "text": "Say how much.", **fields},
                       follow=follow)


def test_it_shows_the_draft_in_numbered_paragraphs_to_invitees_and_the_secretariat(client_as, consultation):
    for persona in ["advocate", "reviewer", "secretariat"]:
        page = client_as(persona).get("/charter/drafts/3/").content.decode()
        assert "¶ 2" in page and "We fund women&#x27;s organisations." in page, persona


def test_it_refuses_the_draft_to_anyone_not_invited(client_as, consultation, personas):
    for persona in ["partner", "visitor", "another_partner", "applicant"]:
        assert client_as(persona).get("/charter/drafts/3/").status_code == 403, persona
    assert client_as(None).get("/charter/drafts/3/")["Location"].startswith("/accounts/login/")
    assert client_as("advocate").get("/charter/drafts/9/").status_code == 404
    assert "Secret draft" not in client_as(None).get("/api/charter/versions").content.decode()


def test_it_records_an_organisations_comment_on_a_paragraph(client_as, consultation, organisations):
    network = organisations["Women Mediators Network"]
    response = comment(client_as("reviewer"), organization=str(network.pk))
    assert response.status_code == 302
    made = ConsultationComment.objects.get()
    assert (made.paragraph, made.organization, made.pseudonym) == (2, network, "")
    assert "Women Mediators Network" in client_as("advocate").get("/charter/drafts/3/").content.decode()


def test_it_shows_an_advocates_pseudonym_instead_of_her_name(client_as, consultation):
    comment(client_as("advocate"), pseudonym="Rose of Juba")
    page = client_as("secretariat").get("/charter/drafts/3/").content.decode()
    assert "Rose of Juba" in page and "<strong>advocate</strong>" not in page


def test_it_refuses_a_bad_comment_with_the_field_that_is_wrong(client_as, consultation, organisations):
    response = comment(client_as("advocate"), paragraph="9")
    assert response.status_code == 400 and "Choose one of the draft" in response.content.decode()
    response = comment(client_as("reviewer"))  # an organisation's member must say which she speaks for
    assert response.status_code == 400 and "Choose the invited organisation" in response.content.decode()
    other = Organization.objects.create(name="Not invited", kind=Organization.Kind.WOMENS_ORGANIZATION)
    response = comment(client_as("reviewer"), organization=str(other.pk))
    assert response.status_code == 400
    assert not ConsultationComment.objects.exists()


def test_it_takes_no_comment_outside_the_period(client_as, consultation):
    consultation.closes_on = timezone.localdate() - dt.timedelta(days=1)
    consultation.save()
    response = comment(client_as("advocate"), follow=True)
    assert "comments are not taken now" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_it_lets_only_invitees_comment(client_as, consultation):
    for persona in ["partner", "visitor", "secretariat"]:
        assert comment(client_as(persona)).status_code == 403, persona
    assert comment(client_as(None))["Location"].startswith("/accounts/login/")


def test_it_lets_the_secretariat_answer_each_comment_and_requires_a_reason_to_decline(client_as,
                                                                                     consultation):
    comment(client_as("advocate"))
    made = ConsultationComment.objects.get()
    url = f"/charter/comments/{made.pk}/respond/"
    response = client_as("secretariat").post(url, {"response": "declined", "reason": ""}, follow=True)
    assert "Say why the comment is declined" in response.content.decode()
    made.refresh_from_db()
    assert made.response == ""
    client_as("secretariat").post(url, {"response": "declined", "reason": "Out of scope."})
    made.refresh_from_db()
    assert made.response == "declined" and made.reason == "Out of scope." and made.responded_at
    for persona in ["advocate", "reviewer", "partner"]:
        assert client_as(persona).post(url, {"response": "accepted"}).status_code == 403, persona


def test_it_shows_the_consultation_record_once_the_version_is_published(client_as, consultation,
                                                                        organisations):
    network = organisations["Women Mediators Network"]
    comment(client_as("reviewer"), organization=str(network.pk))
    comment(client_as("advocate"), pseudonym="Rose")
    comment(client_as("advocate"), paragraph="1")
    first, second, third = ConsultationComment.objects.order_by("pk")
    for made, response in [(first, "accepted"), (second, "changed"), (third, "declined")]:
        made.response, made.reason = response, "Because."
        made.save()
    assert "Drafted with the women" not in client_as(None).get("/charter/").content.decode()
    consultation.version.published_at = timezone.now()
    consultation.version.save()
    page = client_as(None).get("/charter/").content.decode()
    assert "made 3 comments on its draft, from 1 women's organisation and fewer than 5 advocates" in page
    assert "1 accepted, 1 accepted with changes, 1 declined" in page
    record = {"version": 3, "comments": 3, "womens_organisations": 1, "advocates": None, "accepted": 1,
              "changed": 1, "declined": 1, "unanswered": 0}
    assert client_as(None).get("/api/charter/consultations").json() == [record]
    assert client_as(None).get("/api/charter/versions").json()[0]["consultation"] == record
    csv_text = client_as(None).get("/charter/consultations.csv").content.decode()
    assert csv_text.splitlines()[1] == "3,3,1,,1,1,1,0"
    assert client_as("advocate").get("/charter/drafts/3/").status_code == 404  # published: not a draft


def test_it_opens_only_a_draft_for_consultation_and_closes_it_after_it_opens(charter):
    from django.core.exceptions import ValidationError

    today = timezone.localdate()
    with pytest.raises(ValidationError, match="consult on a draft"):
        Consultation(version=charter, opens_on=today, closes_on=today).full_clean()
    with pytest.raises(ValidationError, match="closes after it opens"):
        Consultation(version=CharterVersion.objects.get(number=3), opens_on=today,
                     closes_on=today - dt.timedelta(days=1)).full_clean()


def test_it_lets_the_secretariat_open_a_consultation_in_the_admin(client_as, charter, organisations,
                                                                  personas):
    today = timezone.localdate()
    response = client_as("secretariat").post("/admin/charter/consultation/add/", {
        "version": CharterVersion.objects.get(number=3).pk, "opens_on": today.isoformat(),
        "closes_on": (today + dt.timedelta(days=30)).isoformat(),
        "organizations": [organisations["Women Mediators Network"].pk],
        "advocates": [personas["advocate"].pk]})
    assert response.status_code == 302
    assert client_as("advocate").get("/charter/drafts/3/").status_code == 200
    assert client_as("reviewer").get("/admin/charter/consultation/").status_code in (302, 403)
