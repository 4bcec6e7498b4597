"""The client's address, for login throttling: X-Forwarded-For is believed only from a trusted proxy.

Behind the documented TLS proxy every request comes from the proxy's address; reading the header from
anyone else would let a client pick the address it is throttled under.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The proxy's view of the client when the request came through a trusted proxy, else REMOTE_ADDR.

    The header's last address not itself a trusted proxy is the client (proxies append, clients can
    prepend anything they like).
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    trusted = set(settings.TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    for address in reversed([part for part in forwarded if part]):
        if address not in trusted:
            return address
    return remote


def login_name(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The login name axes counts failures under: allauth authenticates with `username`, its form posts
    `login`."""
    if credentials and credentials.get("username"):
        return str(credentials["username"])
    posted = request.POST.get("login") if request is not None else None
    return str(posted) if posted else None
