"""The secretariat's own pages (not the Django admin): requests to join, members, organisations and
memberships, resetting access, the audit, and the outbox of mail. Every change is audited."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.core import joining, outbox
from criticalmass.core.models import (
    AuditEvent,
    JoinRequest,
    Membership,
    Organization,
    OutboxMail,
    Role,
    User,
    audit,
)
from criticalmass.core.permissions import role_required

SECRETARIAT = Role.SECRETARIAT


def me(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


class DeclineForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                             label="Reason (sent to the applicant)")


class OrganizationForm(forms.ModelForm[Organization]):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = ["name", "kind", "country", "website"]


class MembershipForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.all(), label="Organisation")
    position = forms.ChoiceField(choices=Membership.Position.choices, label="Role in the organisation")


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(choices=Role.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple, label="Platform roles")


@role_required(SECRETARIAT)
@require_safe
def requests(request: HttpRequest) -> HttpResponse:
    pending = list(JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).select_related(
        "user", "organization", "country"))
    rows = [(join, joining.email_verified(join.user)) for join in pending]
    decided = JoinRequest.objects.exclude(status=JoinRequest.Status.PENDING).select_related(
        "user", "decided_by")[:50]
    return render(request, "secretariat/requests.html",
                  {"rows": rows, "decided": decided, "decline_form": DeclineForm()})


@role_required(SECRETARIAT)
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    join = get_object_or_404(JoinRequest, pk=pk, status=JoinRequest.Status.PENDING)
    if not joining.email_verified(join.user):
        messages.error(request, f"{join.user.display_name} has not verified their e-mail address yet.")
        return redirect("secretariat:requests")
    joining.approve(join, me(request), request.build_absolute_uri("/").rstrip("/"))
    messages.success(request, f"{join.user.display_name} is a member; a mail tells them (see the outbox).")
    return redirect("secretariat:requests")


@role_required(SECRETARIAT)
@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    join = get_object_or_404(JoinRequest, pk=pk, status=JoinRequest.Status.PENDING)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the applicant a reason.")
        return redirect("secretariat:requests")
    joining.decline(join, me(request), form.cleaned_data["reason"])
    messages.success(request, f"{join.user.display_name}'s request is declined; a mail tells them the reason "
                     "(see the outbox).")
    return redirect("secretariat:requests")


@role_required(SECRETARIAT)
@require_safe
def members(request: HttpRequest) -> HttpResponse:
    found = User.objects.prefetch_related("role_grants", "memberships__organization").order_by(
        "display_name", "pk")
    return render(request, "secretariat/members.html", {"members": found})


@role_required(SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def member(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's roles (the form sets them all at once) and memberships."""
    found = get_object_or_404(User, pk=pk)
    roles_form = RolesForm(request.POST if request.method == "POST" else None,
                           initial={"roles": sorted(found.roles)})
    if request.method == "POST" and roles_form.is_valid():
        wanted = set(roles_form.cleaned_data["roles"])
        with transaction.atomic():
            for role in found.roles - wanted:
                found.revoke(role)
            for role in wanted - found.roles:
                found.grant(role, by=me(request))
            audit("member.roles", f"core.user:{found.pk}", user=me(request), detail={"roles": sorted(wanted)})
        messages.success(request, "Roles saved.")
        return redirect("secretariat:member", found.pk)
    return render(request, "secretariat/member.html", {
        "member": found, "roles_form": roles_form, "membership_form": MembershipForm(),
        "memberships": found.memberships.select_related("organization"),
        "join": JoinRequest.objects.filter(user=found).first()}, status=400 if roles_form.errors else 200)


@role_required(SECRETARIAT)
@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(User, pk=pk)
    form = MembershipForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            Membership.objects.update_or_create(user=found, organization=form.cleaned_data["organization"],
                                                defaults={"position": form.cleaned_data["position"]})
            audit("membership.set", f"core.user:{found.pk}", user=me(request),
                  detail={"organization": form.cleaned_data["organization"].pk,
                          "position": form.cleaned_data["position"]})
        messages.success(request, "Membership saved.")
    else:
        messages.error(request, "Choose an organisation and a role in it.")
    return redirect("secretariat:member", found.pk)


@role_required(SECRETARIAT)
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Membership, pk=pk)
    with transaction.atomic():
        found.delete()
        audit("membership.removed", f"core.user:{found.user_id}", user=me(request),
              detail={"organization": found.organization_id})
    messages.success(request, "Membership removed.")
    return redirect("secretariat:member", found.user_id)


@role_required(SECRETARIAT)
@require_POST
def reset_access(request: HttpRequest, pk: int) -> HttpResponse:
    """Ends the member's sessions' use of the old password and sends them a link to set a new one;
    with `suspend`, also turns the account off (and back on with `restore`)."""
    found = get_object_or_404(User, pk=pk)
    action = request.POST.get("action", "reset")
    with transaction.atomic():
        if action == "suspend":
            found.is_active = False
            found.save(update_fields=["is_active"])
        elif action == "restore":
            found.is_active = True
            found.save(update_fields=["is_active"])
        else:
            found.set_unusable_password()
            found.save(update_fields=["password"])
            joining.send_password_reset(request, found)
        audit(f"member.access.{action}", f"core.user:{found.pk}", user=me(request))
    messages.success(request, {"suspend": "Account suspended.", "restore": "Account restored."}.get(
        action, "The old password no longer works; a link to set a new one was sent."))
    return redirect("secretariat:member", found.pk)


@role_required(SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def organisations(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The list of organisations, with a form to add one or (with pk) change one."""
    found = get_object_or_404(Organization, pk=pk) if pk else None
    form = OrganizationForm(request.POST if request.method == "POST" else None, instance=found)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            action = "organization.changed" if found else "organization.created"
            audit(action, f"core.organization:{saved.pk}", user=me(request))
        messages.success(request, f"{saved} saved.")
        return redirect("secretariat:organisations")
    listed = Organization.objects.select_related("country").prefetch_related("memberships__user")
    return render(request, "secretariat/organisations.html",
                  {"organisations": listed, "form": form, "editing": found},
                  status=400 if form.errors else 200)


@role_required(SECRETARIAT)
@require_safe
def audit_trail(request: HttpRequest) -> HttpResponse:
    page = Paginator(AuditEvent.objects.select_related("user"), 100).get_page(request.GET.get("page"))
    return render(request, "secretariat/audit.html", {"page": page})


OUTBOX_SHOWN = {"failed": [OutboxMail.Status.FAILED], "pending": [OutboxMail.Status.PENDING],
                "sent": [OutboxMail.Status.SENT], "all": list(OutboxMail.Status)}


@role_required(SECRETARIAT)
@require_safe
def outbox_list(request: HttpRequest) -> HttpResponse:
    """The mail the platform sends: failed for good first (with a button to try again), then waiting."""
    shown = request.GET.get("status", "failed")
    if shown not in OUTBOX_SHOWN:
        shown = "failed"
    mails = OutboxMail.objects.filter(status__in=OUTBOX_SHOWN[shown]).select_related("user")
    page = Paginator(mails, 50).get_page(request.GET.get("page"))
    counts = {status: OutboxMail.objects.filter(status=status).count() for status in OutboxMail.Status}
    return render(request, "secretariat/outbox.html",
                  {"page": page, "shown": shown, "counts": counts, "choices": list(OUTBOX_SHOWN)})


@role_required(SECRETARIAT)
@require_POST
def outbox_retry(request: HttpRequest, pk: int) -> HttpResponse:
    mail = get_object_or_404(OutboxMail, pk=pk, status=OutboxMail.Status.FAILED)
    outbox.try_again(mail, me(request))
    messages.success(request, f"The mail to {mail.recipient} goes out again, with a new round of tries.")
    return redirect("secretariat:outbox")
