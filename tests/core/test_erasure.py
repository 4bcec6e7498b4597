"""Erasure reaches every history table: the scrub is generic over django-simple-history's registered
models, so a model that gains a history is covered without a line of its own."""

from __future__ import annotations

from simple_history.models import registered_models

from criticalmass.core import erasure
from criticalmass.core.personal_data import forget
from criticalmass.hub.models import Practice
from criticalmass.reviews.models import Document


def test_it_scrubs_every_model_registered_with_simple_history():
    registered = set(registered_models.values())
    assert {Practice, Document} <= registered
    assert all(erasure.history_of(model) is not None for model in registered)


def test_it_reads_a_models_owner_and_personal_fields_or_falls_back_to_every_account_key_and_text():
    assert erasure.owner_fields(Practice) == ["author_id"]
    assert erasure.personal_fields(Practice) == ["where", "who", "contacts"]
    assert erasure.personal_fields(Document) == []

    class Fallback:  # a model without declarations: every key to an account, every free text
        _meta = Practice._meta

    assert set(erasure.owner_fields(Fallback)) == {"author_id", "reviewed_by_id"}  # type: ignore[arg-type]
    assert {"title", "what", "who", "contacts"} <= set(erasure.personal_fields(Fallback))  # type: ignore[arg-type]
    assert "slug" not in erasure.personal_fields(Fallback)  # type: ignore[arg-type]


def test_it_erases_a_member_whose_stories_are_protected_by_their_foreign_key(personas):
    advocate = personas["advocate"]
    Practice.objects.create(slug="kept", title="Kept", what="Story", consent=True, author=advocate,
                            status="published", contacts="me@example.org")
    forget(advocate)  # Practice.author is on_delete=PROTECT: the account stays, nameless
    advocate.refresh_from_db()
    assert advocate.deleted_at is not None and advocate.email == ""
    assert Practice.objects.get(slug="kept").contacts == ""
