"""Headers Django's SecurityMiddleware and django-csp (the Content-Security-Policy) do not set, idle
sessions, and the second factor some roles need."""

import time
from collections.abc import Callable
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation


class SecureHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


def idle_limit_seconds(user: Any) -> int:
    """Secretariat, staff and reviewer sessions end sooner when idle than the others'."""
    strict = user.is_staff or user.has_role(*settings.SECOND_FACTOR_ROLES)
    minutes = settings.IDLE_TIMEOUT_MINUTES if strict else settings.IDLE_TIMEOUT_MINUTES_OTHERS
    return int(minutes) * 60


class IdleTimeoutMiddleware:
    """Logs out a session idle for longer than its limit; the next page asks to log in again."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get("last_seen")
            if isinstance(last_seen, int) and now - last_seen > idle_limit_seconds(request.user):
                logout(request)
                return redirect_to_login(request.get_full_path())
            request.session["last_seen"] = now
        return self.get_response(request)


# What an account without its second factor may still post: setting it up, logging out.
SETUP_PATHS = ("/accounts/2fa/", "/accounts/reauthenticate/", "/accounts/logout/",
               "/accounts/password/change/")


def needs_second_factor(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(*settings.SECOND_FACTOR_ROLES)
                and not is_mfa_enabled(user, [Authenticator.Type.TOTP]))


class SecondFactorRequiredMiddleware:
    """Secretariat and reviewer accounts set up a second factor (TOTP) before they change anything:
    until then every change they send is turned back to the set-up page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        unsafe = request.method not in ("GET", "HEAD", "OPTIONS")
        if unsafe and not request.path.startswith(SETUP_PATHS) and needs_second_factor(request.user):
            messages.warning(request, "Set up a second factor (an authenticator app) before you change "
                             "anything: your account's role requires it.")
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class NoStoreForMembersMiddleware:
    """A logged-in person's pages are never kept by browsers or proxies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
        return response


class MemberLanguageMiddleware:
    """A member who has not chosen a language on this browser reads the pages in the one stored with
    her account (issue 12's notice language). The switcher's cookie, once set, wins."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        stored = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if stored and not chosen and stored in dict(settings.LANGUAGES):
            translation.activate(stored)
            request.LANGUAGE_CODE = stored
        return self.get_response(request)
