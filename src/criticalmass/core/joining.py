"""Asking to join, and the secretariat's answer.

Sign-up (django-allauth) is a request to join: the account is created with no role, so nothing about
the applicant is public and it can change nothing; the secretariat approves (granting the role the
applicant asked for and the membership of their organisation) or declines with a reason, and the
applicant is told by mail either way. Only a verified e-mail address can be approved. An approval sends
`core.signals.member_approved` (a new champion's vetting opens in the charter app).
"""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from criticalmass.core import outbox
from criticalmass.core.models import Country, JoinRequest, Membership, Organization, Role, User, audit
from criticalmass.core.signals import member_approved

logger = logging.getLogger(__name__)

ROLE_OF_KIND = {
    JoinRequest.Kind.CHAMPION: Role.PARTNER,
    JoinRequest.Kind.WOMENS_ORGANIZATION: Role.REVIEWER,
    JoinRequest.Kind.ADVOCATE: Role.ADVOCATE,
    JoinRequest.Kind.YOUTH: Role.ADVOCATE,
}


class JoinForm(forms.Form):
    """The fields allauth's sign-up form adds: who you are, for which organisation, and why."""

    display_name = forms.CharField(max_length=200, label="Name or pseudonym",
                                   help_text="Shown publicly once you are approved; never your login name.")
    kind = forms.ChoiceField(choices=JoinRequest.Kind.choices, label="I ask to join as")
    organization = forms.ModelChoiceField(Organization.objects.all(), required=False, label="My organisation",
                                          empty_label="(not listed: I propose it below)")
    proposed_organization = forms.CharField(max_length=300, required=False, label="Or propose it: its name")
    proposed_kind = forms.ChoiceField(choices=[("", "—"), *Organization.Kind.choices], required=False,
                                      label="Its kind")
    country = forms.ModelChoiceField(Country.objects.all(), label="Country")
    languages = forms.CharField(max_length=200, label="Languages I work in", help_text="e.g. English, French")
    why = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
                          label="Why I ask to join")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if not cleaned.get("organization") and not cleaned.get("proposed_organization", "").strip():
            raise forms.ValidationError("Choose your organisation, or propose it by its name.")
        if cleaned.get("proposed_organization") and not cleaned.get("proposed_kind"):
            self.add_error("proposed_kind", "Say what kind of organisation you propose.")
        return cleaned

    def signup(self, request: HttpRequest, user: User) -> None:
        data = self.cleaned_data
        user.display_name = data["display_name"].strip()
        user.save(update_fields=["display_name"])
        join = JoinRequest.objects.create(
            user=user, kind=data["kind"], organization=data.get("organization"),
            proposed_organization=data.get("proposed_organization", "").strip(),
            proposed_kind=data.get("proposed_kind", ""), country=data["country"],
            languages=data["languages"].strip(), why=data["why"].strip())
        audit("member.requested", f"core.joinrequest:{join.pk}", user=user, detail={"kind": join.kind})


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    """allauth's adapter; accounts made by sign-up start with no role (a request to join)."""

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return reverse("account")


def email_verified(user: User) -> bool:
    return bool(EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists())


def tell(user: User, subject: str, lines: list[str]) -> None:
    """Write the mail to the outbox in the decision's transaction: the queue sends it after the commit,
    retrying a refused or unreachable mail server; a mail that fails for good is listed for the
    secretariat (core.outbox). Decisions are essential mail: no unsubscribe link."""
    outbox.enqueue(user, f"Critical Mass: {subject}", "\n".join([f"Dear {user.display_name},", "", *lines]),
                   kind="decision")


@transaction.atomic
def approve(join: JoinRequest, by: User, site: str = "") -> None:
    """Grant the asked role; add the member to their organisation, created if it was proposed."""
    organisation = join.organization
    if organisation is None:
        organisation, _ = Organization.objects.get_or_create(
            name=join.proposed_organization,
            defaults={"kind": join.proposed_kind or Organization.Kind.OTHER, "country": join.country})
        join.organization = organisation
    Membership.objects.get_or_create(user=join.user, organization=organisation)
    role = ROLE_OF_KIND[JoinRequest.Kind(join.kind)]
    join.user.grant(role, by=by)
    join.status, join.decided_by, join.decided_at = JoinRequest.Status.APPROVED, by, timezone.now()
    join.save()
    audit("member.approved", f"core.joinrequest:{join.pk}", user=by,
          detail={"member": join.user.pk, "organization": organisation.pk})
    member_approved.send(sender=JoinRequest, user=join.user, kind=join.kind, role=role, by=by)
    tell(join.user, "you are a member", [
        f"The secretariat approved your request to join as {join.get_kind_display().lower()}, "
        f"for {organisation}.", "", f"Log in: {site or settings.SITE_URL}{reverse('login')}"])


@transaction.atomic
def decline(join: JoinRequest, by: User, reason: str) -> None:
    join.status, join.reason = JoinRequest.Status.DECLINED, reason
    join.decided_by, join.decided_at = by, timezone.now()
    join.save()
    audit("member.declined", f"core.joinrequest:{join.pk}", user=by, detail={"member": join.user.pk})
    tell(join.user, "your request to join", [
        "The secretariat declined your request to join, for this reason:", "", reason, "",
        f"Your account and your data: {settings.SITE_URL}{reverse('account')}"])


def send_password_reset(request: HttpRequest, user: User) -> None:
    """allauth's password-reset mail, to the member's address: a link to set a new password."""
    from allauth.account.forms import ResetPasswordForm  # allauth's forms import this module's JoinForm

    form = ResetPasswordForm({"email": user.email})
    if form.is_valid():
        form.save(request)
