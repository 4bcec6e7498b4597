"""A member's own account page: where their request to join stands, roles, organisations, and the
links to change the password, the e-mail address and the second factor."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from criticalmass.core.joining import email_verified
from criticalmass.core.middleware import needs_second_factor
from criticalmass.core.models import JoinRequest, User


@login_required
@require_safe
def account(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    return render(request, "core/account.html", {
        "join": JoinRequest.objects.filter(user=user).first(), "verified": email_verified(user),
        "memberships": user.memberships.select_related("organization"),
        "needs_second_factor": needs_second_factor(user),
    })
