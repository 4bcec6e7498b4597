"""The secretariat edits audiences, their weights and the objections in the admin; nobody else does."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from criticalmass.briefings.models import Audience

PAGES = [
    "/admin/briefings/audience/",
    "/admin/briefings/objection/",
    "/admin/briefings/audience/{pk}/change/",
]


@pytest.mark.parametrize("page", PAGES)
def test_it_opens_the_briefing_data_to_the_secretariat_only(client_as, page):
    url = page.format(pk=Audience.objects.get(slug="donor").pk)
    response = client_as("secretariat").get(url)
    assert response.status_code == 200
    if "change" in url:
        assert "Argument weights" in response.content.decode() and 'value="90"' in response.content.decode()
    for persona in ["partner", "advocate", "reviewer"]:
        assert client_as(persona).get(url).status_code == 302, persona


def test_it_refuses_audience_tags_it_does_not_know(client_as):
    audience = Audience(slug="x", name="X", evidence_tags="military,aliens")
    with pytest.raises(ValidationError, match="Unknown audience tags: aliens"):
        audience.full_clean()
