"""The "click here" cards: one per role, from data the secretariat edits in the admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from criticalmass.hub.models import Card, CardLink

ROLES = ["Ministry implementer", "Mission leader", "Donor", "Male ally", "Grassroots advocate"]


def test_it_shows_one_card_per_role_with_its_links(client):
    page = client.get("/hub/").content.decode()
    for title in ROLES:
        assert f"<h2>{title}</h2>" in page
    assert 'href="/briefings/"' in page and 'href="/hub/practices/new/"' in page


def test_it_shows_what_the_secretariat_changed(client_as):
    card = Card.objects.get(slug="donor")
    response = client_as("secretariat").post(
        f"/admin/hub/card/{card.pk}/change/",
        {
            "slug": "donor",
            "title": "Funder",
            "blurb": "",
            "order": "2",
            "links-TOTAL_FORMS": "1",
            "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000",
            "links-0-type": "support",
            "links-0-label": "Talk to us",
            "links-0-url": "/charter/",
            "links-0-order": "9",
        },
    )
    assert response.status_code == 302
    page = client_as(None).get("/hub/").content.decode()
    assert "<h2>Funder</h2>" in page and "Talk to us" in page


def test_it_keeps_cards_out_of_reach_of_other_roles_in_the_admin(client_as):
    card = Card.objects.get(slug="donor")
    for persona in ["partner", "advocate"]:
        response = client_as(persona).get(f"/admin/hub/card/{card.pk}/change/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_it_refuses_a_link_that_is_neither_a_path_nor_a_web_address(client_as):
    link = CardLink(card=Card.objects.first(), type="data", label="x", url="javascript:alert(1)")
    with pytest.raises(ValidationError, match="path on this site"):
        link.full_clean()
