"""Champions vetted by women: before a new partner is listed as a champion, reviewers support or object on
behalf of their women's organisation (the reason is for the secretariat only); the secretariat decides."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from criticalmass.charter.forms import DecisionForm, OpinionForm
from criticalmass.charter.models import ChampionVetting, VettingOpinion
from criticalmass.core import membership
from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required


def me(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def vetting_context(request: HttpRequest) -> dict[str, Any]:
    user = me(request)
    found = list(ChampionVetting.objects.select_related("partner").prefetch_related(
        "opinions__organization"))
    organisation = membership.reviewing_organisation(user)
    mine = {o.vetting_id for v in found for o in v.opinions.all() if organisation
            and o.organization_id == organisation.pk}
    may_give = {v.pk for v in found if organisation and v.status == ChampionVetting.Status.PENDING
                and membership.may_verify(user, v.partner, None)}
    return {"vettings": found, "secretariat": user.is_secretariat, "organisation": organisation,
            "mine": mine, "may_give": may_give, "opinion_form": OpinionForm(),
            "decision_form": DecisionForm()}


@role_required(Role.REVIEWER, Role.SECRETARIAT)
@require_safe
def vetting(request: HttpRequest) -> HttpResponse:
    return render(request, "charter/vetting.html", vetting_context(request))


@role_required(Role.REVIEWER)
@require_POST
def opinion(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(ChampionVetting.objects.select_related("partner"), pk=pk)
    organisation = membership.reviewing_organisation(me(request))
    if organisation is None or not membership.may_verify(me(request), found.partner, None):
        raise PermissionDenied("Reviewers speak for their women's organisation, never on a colleague.")
    if found.status != ChampionVetting.Status.PENDING:
        messages.error(request, "The secretariat has decided on this partner; opinions are closed.")
        return redirect("charter:vetting")
    existing = VettingOpinion.objects.filter(vetting=found, organization=organisation).first()
    form = OpinionForm(request.POST, instance=existing)
    if not form.is_valid():
        return render(request, "charter/vetting.html", {**vetting_context(request), "opinion_form": form,
                                                        "failed": found.pk}, status=400)
    try:
        with transaction.atomic():
            given = form.save(commit=False)
            given.vetting, given.organization, given.reviewer = found, organisation, me(request)
            given.save()
            audit("charter.vetting_opinion", f"charter.championvetting:{found.pk}", user=me(request),
                  detail={"stance": given.stance, "organization": organisation.pk})
    except IntegrityError:  # posted twice at once: her organisation's opinion is recorded
        pass
    messages.success(request, f"{organisation}'s opinion on {found.partner.public_name} is recorded.")
    return redirect("charter:vetting")


@role_required(Role.SECRETARIAT)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(ChampionVetting.objects.select_related("partner"), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["status"]))
        return redirect("charter:vetting")
    with transaction.atomic():
        found.status, found.decided_at = form.cleaned_data["status"], timezone.now()
        found.decided_by = me(request)
        found.save(update_fields=["status", "decided_at", "decided_by"])
        audit("charter.vetting_decided", f"charter.championvetting:{found.pk}", user=me(request),
              detail={"status": found.status})
    messages.success(request, f"{found.partner.public_name}: {found.get_status_display().lower()}.")
    return redirect("charter:vetting")
