"""Every page, for every role: public pages are read-only and open to all; the admin is the
secretariat's. The list below must name every URL pattern, so a new page cannot go untested."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import PERSONAS
from tests.parity.pages_world import build_operations, build_talks

PUBLIC_PAGES = {
    "parity:dashboard": "/",
    "parity:dashboard_csv": "/data/ranking.csv",
    "parity:mission": "/missions/unmiss/",
    "parity:mission_csv": "/missions/unmiss/trend.csv",
    "parity:country": "/countries/GHA/",
    "parity:country_csv": "/countries/GHA/trend.csv",
    "parity:negotiations": "/negotiations/",
    "parity:negotiations_csv": "/negotiations/overview.csv",
    "parity:negotiation": "/negotiations/colombia/",
    "parity:negotiation_csv": "/negotiations/colombia/overview.csv",
    "parity:policies": "/targets/",
    "parity:policies_csv": "/targets/trajectories.csv",
    "parity:sources": "/sources/",
    "parity:sources_csv": "/sources/sources.csv",
}
ACCOUNT_PAGES = {"login": "/accounts/login/", "logout": "/accounts/logout/"}


def named_patterns(resolver: URLResolver, namespace: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name in ("admin", "ninja"):
                continue  # admin: tests/core/test_admin_access.py; API: tests/parity/test_api_access.py
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


@pytest.fixture
def world(make_mission, observe, source):
    build_operations(make_mission, observe)
    build_talks(source)


def test_it_names_every_page_of_the_site():
    assert named_patterns(get_resolver()) == set(PUBLIC_PAGES) | set(ACCOUNT_PAGES)


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_it_opens_each_public_page_to_anonymous_people_and_every_role(client_as, world, name):
    url = PUBLIC_PAGES[name]
    anonymous = client_as(None).get(url)
    assert anonymous.status_code == 200
    for persona in PERSONAS:
        response = client_as(persona).get(url)
        assert response.status_code == 200, persona
        assert response["Content-Type"] == anonymous["Content-Type"], persona


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_it_refuses_to_change_anything_through_a_public_page(client_as, world, name):
    for persona in [None, *PERSONAS]:
        client = client_as(persona)
        assert client.post(PUBLIC_PAGES[name]).status_code == 405, persona
        assert client.delete(PUBLIC_PAGES[name]).status_code == 405, persona


def test_it_shows_the_login_page_to_anyone(client_as):
    assert client_as(None).get(ACCOUNT_PAGES["login"]).status_code == 200


def test_it_logs_out_only_with_a_post(client_as):
    client = client_as("partner")
    assert client.get(ACCOUNT_PAGES["logout"]).status_code == 405
    assert client.post(ACCOUNT_PAGES["logout"]).status_code in (200, 302)
    assert "_auth_user_id" not in client.session
