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
    # every model has its history, but for the many-to-many through tables of a tracked relation
    # (a cycle's questionnaire items), which are kept inside their owner's history
    assert all(erasure.history_of(model) is not None for model in registered if not model._meta.auto_created)


def test_it_reads_a_models_owner_and_personal_fields_and_rewrites_no_text_a_model_does_not_declare():
    assert erasure.owner_fields(Practice) == ["author_id"]
    assert erasure.personal_fields(Practice) == ["where", "who"]  # contacts are never in the history
    assert erasure.personal_fields(Document) == []

    class Undeclared:  # a model without declarations: every key to an account, no text rewritten
        _meta = Practice._meta

    assert set(erasure.owner_fields(Undeclared)) == {"author_id", "reviewed_by_id"}  # type: ignore[arg-type]
    assert erasure.personal_fields(Undeclared) == []  # type: ignore[arg-type]


def test_it_keeps_a_former_partners_public_commitment_history_and_its_reasons(personas, client):
    from criticalmass.charter.models import Commitment, ReportingCycle

    partner = personas["partner"]
    cycle = ReportingCycle.objects.create(name="2026", opens_on="2026-01-01", deadline="2026-12-31")
    commitment = Commitment.objects.create(owner=partner, cycle=cycle, what="Women in the delegation",
                                           indicator="share", baseline="10%", target="30%",
                                           deadline="2026-12-31")
    commitment.target = "10%"
    commitment._change_reason = "Secretariat correction: typo in the target"  # type: ignore[attr-defined]
    commitment.save()
    forget(partner)
    versions = list(commitment.history.order_by("history_date"))
    assert [v.target for v in versions] == ["30%", "10%"]
    assert versions[-1].history_change_reason == "Secretariat correction: typo in the target"
    assert all(v.history_user_id is None or v.history_user_id != partner.pk for v in versions)
    public = client.get(f"/accountability/commitments/{commitment.pk}/history/").content.decode()
    assert "typo in the target" in public and "Secretariat" in public  # still a correction, with its reason


def test_it_erases_a_member_whose_stories_are_protected_by_their_foreign_key(personas):
    advocate = personas["advocate"]
    Practice.objects.create(slug="kept", title="Kept", what="Story", consent=True, author=advocate,
                            status="published", contacts="me@example.org")
    forget(advocate)  # Practice.author is on_delete=PROTECT: the account stays, nameless
    advocate.refresh_from_db()
    assert advocate.deleted_at is not None and advocate.email == ""
    assert Practice.objects.get(slug="kept").contacts == ""
