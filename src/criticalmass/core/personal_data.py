"""A member's own data: see it, download it (JSON), delete it; and choose which notices come, in which
language. Deleting keeps public commitments and reports, attributed to the organisation and shown as a
former member's; everything personal goes. The account stays, inactive and nameless, with its roles and
memberships, so its public pages show a former member of its organisation rather than dangling."""

from __future__ import annotations

import json
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from criticalmass.core import erasure
from criticalmass.core.models import AuditEvent, JoinRequest, User, audit
from criticalmass.core.signals import member_data_requested, member_forgotten

ACCOUNT_FIELDS = ["username", "email", "display_name", "slug", "first_name", "last_name", "date_joined",
                  "last_login", "language", "notify_reminders", "notify_reviews"]


def collect(user: User) -> dict[str, Any]:
    """Everything the platform holds about the member, by section."""
    join = JoinRequest.objects.filter(user=user).first()
    data: dict[str, Any] = {
        "account": {name: getattr(user, name) for name in ACCOUNT_FIELDS},
        "roles": sorted(user.roles),
        "organisations": [{"organisation": m.organization.name, "position": m.position}
                          for m in user.memberships.select_related("organization")],
        "request_to_join": None if join is None else {
            "kind": join.kind, "organisation": str(join.organization or join.proposed_organization),
            "country": join.country_id, "languages": join.languages, "why": join.why,
            "status": join.status, "reason": join.reason, "requested_at": join.requested_at},
        "audit": [{"at": e.at, "action": e.action, "target": e.target}
                  for e in AuditEvent.objects.filter(user=user)],
    }
    for _receiver, sections in member_data_requested.send(sender=User, user=user):
        if isinstance(sections, dict):
            data.update(sections)
    return data


@transaction.atomic
def forget(user: User) -> None:
    organisations = list(user.organizations.values_list("name", flat=True))
    member_forgotten.send(sender=User, user=user)
    JoinRequest.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.username = user.slug = f"former-member-{user.pk}"
    user.email = user.first_name = user.last_name = user.display_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
    scrubbed = erasure.scrub_history(user)
    audit("member.deleted_own_data", f"core.user:{user.pk}",
          detail={"organisations": organisations, "history_rows_scrubbed": scrubbed})


@login_required
@require_safe
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "core/my_data.html", {"data": collect(request.user)})  # type: ignore[arg-type]


@login_required
@require_safe
def my_data_json(request: HttpRequest) -> HttpResponse:
    body = json.dumps(collect(request.user), default=str, indent=2, ensure_ascii=False)  # type: ignore[arg-type]
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="criticalmass-my-data.json"'
    return response


class DeleteForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput, label="Your password, to confirm")

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = DeleteForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        forget(user)
        logout(request)
        messages.success(request, "Your data is deleted. Your public commitments and reports stay, "
                         "shown as a former member's.")
        return redirect("parity:dashboard")
    return render(request, "core/delete_account.html", {"form": form}, status=400 if form.errors else 200)


class PreferencesForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ["notify_reminders", "notify_reviews", "language"]
        labels = {"notify_reminders": "Remind me of reporting deadlines",
                  "notify_reviews": "Tell me when reports await my verification",
                  "language": "Language of my mails"}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = PreferencesForm(request.POST if request.method == "POST" else None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your choices are saved.")
        return redirect("preferences")
    return render(request, "core/preferences.html", {"form": form}, status=400 if form.errors else 200)


# The notices a link in a mail can stop without logging in, and the preference each one clears.
NOTICES = {"reminders": "notify_reminders", "reviews": "notify_reviews"}
UNSUBSCRIBE_SALT = "criticalmass.unsubscribe"


def unsubscribe_token(user: User, notice: str) -> str:
    return signing.dumps({"user": user.pk, "notice": notice}, salt=UNSUBSCRIBE_SALT, compress=True)


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Stop one kind of notice from the link in its mail: the page asks, a post stops it (a mail
    scanner following the link changes nothing)."""
    try:
        found = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = User.objects.get(pk=found["user"], is_active=True)
        field = NOTICES[found["notice"]]
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError):
        return render(request, "core/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        setattr(user, field, False)
        user.save(update_fields=[field])
        audit("notices.unsubscribed", f"core.user:{user.pk}", user=user, detail={"notice": found["notice"]})
        return render(request, "core/unsubscribe.html", {"done": True, "notice": found["notice"]})
    return render(request, "core/unsubscribe.html", {"notice": found["notice"]})
