"""Every response carries the security headers; HSTS is sent over HTTPS."""

from __future__ import annotations

import pytest
from django.test import Client

PAGES = ["/", "/accounts/login/", "/no-such-page/"]


@pytest.fixture
def response_of(db):
    def get(path: str, **extra):
        return Client().get(path, **extra)

    return get


@pytest.mark.parametrize("path", PAGES)
def test_it_sends_a_content_security_policy_that_allows_only_the_site_itself(response_of, path):
    policy = response_of(path)["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-eval" not in policy
    assert "unsafe-inline" not in policy  # neither scripts nor styles: no inline code at all


def test_it_allows_images_from_the_hosts_the_secretariat_lists_only(response_of, settings):
    policy = response_of("/")["Content-Security-Policy"]
    directives = {part.strip().split(" ", 1)[0]: part.strip() for part in policy.split(";")}
    assert directives["img-src"] == "img-src 'self' data:"  # directives come in no fixed order


def test_it_refuses_an_image_source_that_is_not_an_https_origin():
    import os
    import subprocess
    import sys

    env = dict(os.environ) | {"CRITICALMASS_IMAGE_SOURCES": "http://images.example.org/x"}
    done = subprocess.run([sys.executable, "-m", "criticalmass.cli", "check"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and "CRITICALMASS_IMAGE_SOURCES lists origins like" in done.stderr


@pytest.mark.parametrize("path", PAGES)
def test_it_sends_the_other_security_headers(response_of, path):
    response = response_of(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_it_sends_hsts_over_https_when_secure(response_of, settings):
    settings.SECURE_HSTS_SECONDS = 31536000  # what CRITICALMASS_SECURE (the default off debug) sets
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    hsts = response_of("/", secure=True)["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains"


def test_it_sends_no_hsts_over_plain_http(response_of, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    assert "Strict-Transport-Security" not in response_of("/")


def test_it_redirects_plain_http_to_https_when_told_to(response_of, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = response_of("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"


def test_it_trusts_the_proxys_https_header(response_of, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert response_of("/", HTTP_X_FORWARDED_PROTO="https").status_code == 200


def test_it_marks_the_session_cookie_http_only(personas, settings):
    client = Client()
    response = client.post("/accounts/login/", {"login": "partner", "password": "partner-password-123"})
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["httponly"]
