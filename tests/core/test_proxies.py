"""Login throttling behind a proxy: the client's address comes from X-Forwarded-For only when the
request came from a trusted proxy; one client's failures never lock another out."""

from __future__ import annotations

from django.test import Client, RequestFactory

from criticalmass.core.proxies import client_address

PROXY = "10.0.0.2"
LOCKED_OUT = 429


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_it_reads_the_client_from_a_trusted_proxys_header(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_address(request_from(PROXY, "198.51.100.1")) == "198.51.100.1"


def test_it_ignores_the_header_from_anyone_else(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_address(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_it_ignores_the_header_when_no_proxy_is_trusted(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request_from(PROXY, "198.51.100.1")) == PROXY


def test_it_takes_the_address_the_proxy_saw_not_one_the_client_prepended(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_address(request_from(PROXY, "192.0.2.66, 198.51.100.1")) == "198.51.100.1"


def test_it_keeps_the_proxys_address_when_the_header_is_missing(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_address(request_from(PROXY)) == PROXY


def test_it_locks_by_username_and_address_together(settings):
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_it_does_not_lock_out_the_partner_behind_the_proxy_for_an_attackers_failures(personas, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    codes = [attacker.post("/accounts/login/", {"login": "partner", "password": "wrong"}).status_code
             for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert codes[-1] == LOCKED_OUT
    partner = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20")
    response = partner.post("/accounts/login/", {"login": "partner", "password": "partner-password-123"})
    assert response.status_code == 302
