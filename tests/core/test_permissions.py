"""role_required: anonymous people log in first, the wrong role gets 403, the right role the page."""

from __future__ import annotations

import pytest

from criticalmass.core.models import Role, User

pytestmark = pytest.mark.urls("tests.core.urls_for_tests")

SECRETARIAT_ONLY = "/test/secretariat-only/"
PARTNERS_AND_ADVOCATES = "/test/partners-and-advocates/"


def test_it_sends_anonymous_people_to_log_in_and_back(client_as):
    response = client_as(None).get(SECRETARIAT_ONLY + "?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/test/secretariat-only/%3Fpage%3D2"


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor"])
def test_it_refuses_the_wrong_role_with_403(client_as, persona):
    response = client_as(persona).get(SECRETARIAT_ONLY)
    assert response.status_code == 403
    assert "core/error.html" in [template.name for template in response.templates]
    assert b"Not allowed" in response.content


def test_it_lets_the_right_role_in(client_as):
    response = client_as("secretariat").get(SECRETARIAT_ONLY)
    assert (response.status_code, response.content) == (200, b"secretariat page")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("partner", 200), ("advocate", 200), ("reviewer", 403), ("visitor", 403), ("secretariat", 403)],
)
def test_it_lets_any_of_several_roles_in(client_as, persona, status):
    assert client_as(persona).get(PARTNERS_AND_ADVOCATES).status_code == status


def test_it_refuses_a_superuser_without_the_role(db, client):
    admin = User.objects.create_superuser("root", "root@example.org", "root-password-123",
                                          roles=[Role.VISITOR])
    client.force_login(admin)
    assert client.get(SECRETARIAT_ONLY).status_code == 403


def test_it_keeps_the_view_name_for_debugging_and_logs():
    from tests.core.urls_for_tests import secretariat_only

    assert secretariat_only.__name__ == "secretariat_only"
