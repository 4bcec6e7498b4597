"""The public Charter page: the current version, its history, the signatories who consented."""

from __future__ import annotations

from criticalmass.charter.models import Signature
from criticalmass.core.models import Organization


def sign_as(user, version, **fields):
    from django.utils import timezone

    return Signature.objects.create(user=user, version=version, name=fields.pop("name", "A. Partner"),
                                    title="Minister", consented_at=timezone.now(), **fields)


def test_it_shows_the_current_published_version_and_never_a_draft(client_as, charter):
    page = client_as(None).get("/charter/").content.decode()
    assert "Charter of allies" in page and "We commit to parity." in page
    assert "Secret draft text." not in page and "Draft Charter" not in page


def test_it_lists_every_published_version_in_the_history(client_as, charter):
    page = client_as(None).get("/charter/versions/").content.decode()
    assert "Version 2: Charter of allies" in page and "Version 1: First Charter" in page
    assert "Draft Charter" not in page


def test_it_says_the_charter_is_not_published_when_there_is_no_version(client_as, db):
    response = client_as(None).get("/charter/")
    assert response.status_code == 200 and "has not been published yet" in response.content.decode()


def test_it_lists_signatories_with_organization_and_date(client_as, personas, charter):
    org = Organization.objects.create(name="Ministry of Defence")
    signature = sign_as(personas["partner"], charter, name="Jon Ally", organization=org)
    page = client_as(None).get("/charter/").content.decode()
    assert "Jon Ally" in page and "Ministry of Defence" in page and "Minister" in page
    assert signature.signed_at.strftime("%Y-%m-%d") in page


def test_it_shows_photo_and_bio_only_when_the_signatory_opted_in(client_as, personas, other_partner, charter):
    sign_as(personas["partner"], charter, name="Shy", photo_url="https://example.org/shy.jpg", bio="Shy bio")
    sign_as(other_partner, charter, name="Open", photo_url="https://example.org/open.jpg", bio="Open bio",
            show_profile=True)
    page = client_as(None).get("/charter/").content.decode()
    assert "open.jpg" in page and "Open bio" in page
    assert "shy.jpg" not in page and "Shy bio" not in page


def test_it_does_not_list_withdrawn_signatures(client_as, personas, charter):
    from django.utils import timezone

    sign_as(personas["partner"], charter, name="Gone Partner", withdrawn_at=timezone.now())
    assert "Gone Partner" not in client_as(None).get("/charter/").content.decode()


def test_it_keeps_a_version_scheduled_for_later_out_of_sight(client_as, charter):
    import datetime as dt

    from django.utils import timezone

    from criticalmass.charter.models import CharterVersion

    CharterVersion.objects.create(number=4, title="Tomorrow's Charter", text="Not yet.",
                                  published_at=timezone.now() + dt.timedelta(days=1))
    assert "Tomorrow" not in client_as(None).get("/charter/").content.decode()
    assert "Tomorrow" not in client_as(None).get("/charter/versions/").content.decode()
    assert [v["number"] for v in client_as(None).get("/api/charter/versions").json()] == [2, 1]


def test_it_links_each_role_to_its_own_pages_from_the_charter(client_as, charter):
    assert 'href="/my/commitments/"' in client_as("partner").get("/charter/").content.decode()
    assert 'href="/review/"' in client_as("reviewer").get("/charter/").content.decode()
    visitor = client_as(None).get("/charter/").content.decode()
    assert 'href="/my/commitments/"' not in visitor and 'href="/review/"' not in visitor
