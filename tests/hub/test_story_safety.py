"""A story's author decides how it is published: the secretariat's change in the admin is a request she
confirms on her own page; her contacts are masked in the admin and every view of them is audited; an
anonymous story shows no "who" and no place; erasing her leaves her published stories as "an advocate",
scrubbed from their history and from the search index."""

from __future__ import annotations

import pytest

from criticalmass.core.models import AuditEvent
from criticalmass.core.personal_data import forget
from criticalmass.hub import indexing
from criticalmass.hub.models import ConsentRequest, Practice, SearchDocument, Status

ADMIN = "/admin/hub/practice"


@pytest.fixture
def story(personas):
    return Practice.objects.create(
        slug="market-women", type=Practice.Type.STORY, title="Market women at the ceasefire talks",
        what="How market women reached the ceasefire talks.", country_id="SSD", where="Yei market",
        who="Yei Women's Association", contacts="amina@example.org", consent=True,
        author=personas["advocate"], status=Status.PUBLISHED)


def admin_form(story: Practice, **changes: object) -> dict[str, object]:
    fields = {"type": story.type, "slug": story.slug, "title": story.title, "what": story.what,
              "country": story.country_id or "", "where": story.where, "who": story.who,
              "results": story.results, "themes": story.themes, "status": story.status}
    fields.update({name: "on" for name in ("anonymous", "show_contacts") if getattr(story, name)})
    for name, value in changes.items():
        if value is True:
            fields[name] = "on"
        else:
            fields.pop(name, None)
    return fields


def test_it_makes_an_admin_change_of_anonymity_a_request_that_changes_nothing(client_as, story):
    form = admin_form(story, anonymous=True)
    response = client_as("secretariat").post(f"{ADMIN}/{story.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:800]
    story.refresh_from_db()
    assert story.anonymous is False
    asked = ConsentRequest.objects.get(practice=story)
    assert (asked.field, asked.value, asked.answer) == ("anonymous", True, "pending")
    target = f"hub.practice:{story.pk}"
    assert AuditEvent.objects.filter(action="story.consent_requested", target=target).exists()


def test_it_changes_the_story_once_the_author_confirms_and_keeps_the_change_in_its_history(client_as, story):
    client_as("secretariat").post(f"{ADMIN}/{story.pk}/change/", admin_form(story, show_contacts=True))
    asked = ConsentRequest.objects.get(practice=story)
    page = client_as("advocate").get("/hub/my/practices/")
    assert "Publish your contacts" in page.content.decode()
    response = client_as("advocate").post("/hub/my/practices/consent/", {"request": asked.pk,
                                                                       "decision": "confirm"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.show_contacts is True
    versions = list(story.history.order_by("history_id"))
    assert versions[0].show_contacts is False and versions[-1].show_contacts is True
    assert versions[-1].history_user == story.author
    assert AuditEvent.objects.filter(action="story.consent_confirmed").count() == 1


def test_it_changes_nothing_when_the_author_declines(client_as, story):
    asked = ConsentRequest.objects.create(practice=story, field="anonymous", value=True)
    client_as("advocate").post("/hub/my/practices/consent/", {"request": asked.pk, "decision": "decline"})
    story.refresh_from_db()
    asked.refresh_from_db()
    assert story.anonymous is False and asked.answer == "declined"


@pytest.mark.parametrize("persona", ["partner", "secretariat", "reviewer"])
def test_it_refuses_an_answer_from_anyone_but_the_author(client_as, story, persona):
    asked = ConsentRequest.objects.create(practice=story, field="anonymous", value=True)
    response = client_as(persona).post("/hub/my/practices/consent/", {"request": asked.pk,
                                                                     "decision": "confirm"})
    assert response.status_code == 400
    assert "There is no such request waiting for your answer." in response.content.decode()
    story.refresh_from_db()
    assert story.anonymous is False


def test_it_answers_a_bad_decision_with_a_field_error(client_as, story):
    asked = ConsentRequest.objects.create(practice=story, field="anonymous", value=True)
    response = client_as("advocate").post("/hub/my/practices/consent/", {"request": asked.pk,
                                                                       "decision": "maybe"})
    assert response.status_code == 400 and "Choose to confirm or decline." in response.content.decode()


def test_it_masks_contacts_in_the_admin_and_audits_the_show_contacts_action(client_as, story, personas):
    client = client_as("secretariat")
    change = client.get(f"{ADMIN}/{story.pk}/change/").content.decode()
    assert "amina@example.org" not in change and "hidden" in change
    shown = client.post(f"{ADMIN}/", {"action": "show_contacts", "_selected_action": [story.pk]})
    assert shown.status_code == 200 and "amina@example.org" in shown.content.decode()
    event = AuditEvent.objects.get(action="story.contacts_viewed")
    assert event.user == personas["secretariat"] and event.detail["via"] == "admin"
    mine = client_as("advocate").get("/hub/my/practices/").content.decode()
    assert "Who saw your contacts" in mine and "secretariat" in mine


def test_it_audits_each_public_view_of_contacts_but_not_the_authors_own(client_as, story):
    story.show_contacts = True
    story.save()
    assert "amina@example.org" in client_as(None).get(f"/hub/practices/{story.slug}/").content.decode()
    client_as("advocate").get(f"/hub/practices/{story.slug}/")
    client_as(None).get("/api/hub/practices")
    views = AuditEvent.objects.filter(action="story.contacts_viewed")
    vias = sorted(views.values_list("detail__via", flat=True))
    assert vias == ["api", "page"]


def test_it_shows_no_who_and_no_place_of_an_anonymous_story(client_as, story):
    story.anonymous = True
    story.save()
    page = client_as(None).get(f"/hub/practices/{story.slug}/").content.decode()
    assert "Yei Women" not in page and "Yei market" not in page and "South Sudan" in page
    api = client_as(None).get("/api/hub/practices").json()["items"][0]
    assert api["who"] == "" and api["where"] == ""
    indexed = SearchDocument.objects.get(type="practice", ref=story.slug)
    assert "Yei" not in indexed.body


def test_it_erases_the_author_everywhere_and_keeps_her_published_story_as_an_advocates(client_as, story,
                                                                                       personas):
    advocate = personas["advocate"]
    pending = Practice.objects.create(slug="draft", title="Draft", what="Not yet", consent=True,
                                      who="My cousin's group", author=advocate)
    story.show_contacts = True
    story.save()  # a second historical row holding her contacts
    indexing.rebuild()
    forget(advocate)
    story.refresh_from_db()
    assert (story.who, story.where, story.contacts, story.anonymous) == ("", "", "", True)
    assert story.byline == "An advocate"
    assert not Practice.objects.filter(pk=pending.pk).exists()
    history = Practice.history.model.objects
    assert not history.filter(who__contains="Yei").exists()
    assert "contacts" not in {f.name for f in history.model._meta.fields}  # never copied into the history
    assert not history.filter(pk=pending.pk).exists() and not history.filter(slug="draft").exists()
    assert not history.filter(history_user=advocate).exists()
    assert not SearchDocument.objects.filter(body__contains="Yei").exists()
    assert SearchDocument.objects.filter(type="practice", ref=story.slug).exists()
    assert "An advocate" in client_as(None).get(f"/hub/practices/{story.slug}/").content.decode()


def test_it_clears_her_name_from_the_history_of_changes_she_made(client_as, story, personas):
    client_as("advocate")  # her own confirmation is recorded with her as the history user
    asked = ConsentRequest.objects.create(practice=story, field="anonymous", value=True)
    client_as("advocate").post("/hub/my/practices/consent/", {"request": asked.pk, "decision": "confirm"})
    assert story.history.filter(history_user=personas["advocate"]).exists()
    forget(personas["advocate"])
    assert not Practice.history.filter(history_user=personas["advocate"]).exists()


def test_it_never_copies_contacts_into_the_audit_of_an_admin_deletion(client_as, story):
    response = client_as("secretariat").post(f"{ADMIN}/{story.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    deleted = AuditEvent.objects.get(action="admin.deleted", target=f"hub.practice:{story.pk}")
    assert deleted.detail["values"]["contacts"] == "(hidden)"
    assert "amina@example.org" not in str(deleted.detail)


def test_it_lets_nobody_add_a_story_in_the_admin_in_an_authors_name(client_as, story):
    assert client_as("secretariat").get(f"{ADMIN}/add/").status_code == 403
