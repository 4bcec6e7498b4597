"""Errors render the site's own page, never a traceback or Django's debug page."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.urls("tests.core.urls_for_tests")


def template_names(response) -> list[str]:
    return [template.name for template in response.templates]


def assert_site_page(response, status: int, title: str) -> None:
    assert response.status_code == status
    assert {"core/error.html", "base.html"} <= set(template_names(response))
    body = response.content.decode()
    assert f"<h1>{title}</h1>" in body
    assert 'class="brand"' in body
    assert "Traceback" not in body
    assert "settings.py" not in body


def test_it_renders_not_found_in_the_site_template(client_as):
    response = client_as(None).get("/no-such-page/")
    assert_site_page(response, 404, "Not found")
    assert "Page not found at" not in response.content.decode()


def test_it_renders_not_allowed_in_the_site_template(client_as):
    assert_site_page(client_as("partner").get("/test/secretariat-only/"), 403, "Not allowed")


def test_it_renders_a_server_error_without_its_details(db, caplog):
    response = Client(raise_request_exception=False).get("/test/broken/")
    assert_site_page(response, 500, "Something went wrong")
    assert "a secret detail" not in response.content.decode()
    assert any("a secret detail" in str(record.exc_info[1]) for record in caplog.records if record.exc_info)
