"""Events pages: the panel pledge, events and their panels with the manel flag, and public tallies."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.core import membership
from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required
from criticalmass.core.sections import sections_for
from criticalmass.events import queries
from criticalmass.events.forms import BreachAnswerForm, EventForm, PledgeForm
from criticalmass.events.models import BreachAnswer, Event, Panel, PanelPledge, PanelPolicy
from criticalmass.figures.csv import csv_response


def posted(request: HttpRequest) -> QueryDict | None:
    """The posted data, even when empty (an empty form must fail validation, not show a blank form)."""
    return request.POST if request.method == "POST" else None


@require_safe
def events(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    found = list(queries.events())
    return render(request, "events/events.html", {
        "upcoming": [e for e in found if e.date >= today][::-1], "past": [e for e in found if e.date < today],
    })


@require_safe
def event(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(queries.events(), slug=slug)
    upcoming = found.date >= timezone.localdate()
    policy = PanelPolicy.current()
    rows = [(panel, flag, queries.suggestions(panel) if upcoming and flag != "balanced" else [])
            for panel in found.panels.all() for flag in [panel.balance(policy)]]
    return render(request, "events/event.html", {"event": found, "panels": rows, "upcoming": upcoming,
                                                 "tally": queries.event_tally(found),
                                                 "can_edit": request.user.is_authenticated and
                                                 membership.acts_for(request.user, found.organizer_id),
                                                 "sections": sections_for("event", found)})


@require_safe
def tallies(request: HttpRequest) -> HttpResponse:
    return render(request, "events/tallies.html", {
        "coalition": queries.coalition_tally(), "partners": queries.partner_tallies(),
        "breaches": queries.breaches(), "policy": PanelPolicy.current(),
        "pledges": PanelPledge.objects.select_related("user").order_by("taken_at"),
    })


@require_safe
def tallies_csv(request: HttpRequest, name: str) -> HttpResponse:
    if name == "coalition":
        rows, columns = [queries.coalition_tally()], queries.TALLY_COLUMNS
    elif name == "partners":
        rows, columns = queries.partner_tallies(), ["partner", "pledged", *queries.TALLY_COLUMNS]
    elif name == "breaches":
        rows, columns = queries.breaches(), queries.BREACH_COLUMNS
    else:
        raise Http404(f"There is no table '{name}' here.")
    cells = [[row[c] for c in columns] for row in rows]
    return csv_response(f"criticalmass-panels-{name}.csv", columns, cells)


@role_required(Role.PARTNER)
@require_http_methods(["GET", "HEAD", "POST"])
def event_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """A partner records an event for his organisation, or edits one his organisation organises."""
    partner: User = request.user  # type: ignore[assignment]
    found = get_object_or_404(Event, slug=slug) if slug else None
    if found is not None and not membership.acts_for(partner, found.organizer_id):
        raise PermissionDenied("This event is another organisation's.")
    organisations = membership.partner_organisations(partner)
    if not organisations:
        raise PermissionDenied("Partners record events for their organisation; you belong to none yet.")
    form = EventForm(posted(request), instance=found, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            audit("events.changed" if found else "events.recorded", f"events.event:{saved.pk}", user=partner,
                  detail={"organization": saved.organizer_id})
        messages.success(request, "Event saved.")
        return redirect("events:event", saved.slug)
    return render(request, "events/event_form.html", {"form": form, "event": found},
                  status=400 if form.errors else 200)


@role_required(Role.PARTNER)
@require_http_methods(["GET", "HEAD", "POST"])
def pledge(request: HttpRequest) -> HttpResponse:
    taken = PanelPledge.objects.filter(user=request.user).first()  # type: ignore[misc]
    form = PledgeForm(posted(request))
    if request.method == "POST" and taken is None and form.is_valid():
        partner: User = request.user  # type: ignore[assignment]
        try:
            with transaction.atomic():
                taken = PanelPledge.objects.create(user=partner)
                audit("events.pledged", f"events.panelpledge:{taken.pk}", user=partner)
        except IntegrityError:  # posted twice at once: the other post took the pledge
            messages.info(request, "You have already taken the panel pledge.")
            return redirect("events:tallies")
        messages.success(request, "Thank you: you took the panel pledge.")
        return redirect("events:tallies")
    return render(request, "events/pledge.html", {"form": form, "taken": taken},
                  status=400 if form.errors else 200)


@role_required(Role.PARTNER)
@require_POST
def breach_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """A pledge-taker answers publicly, once, his seat on an all-male or token panel."""
    partner: User = request.user  # type: ignore[assignment]
    panel = get_object_or_404(Panel, pk=pk)
    if not any(row["panel_id"] == panel.pk for row in queries.breaches(partner)):
        raise PermissionDenied("You can answer only for a panel you sat on after taking the pledge, "
                               "flagged all-male or token.")
    form = BreachAnswerForm(request.POST)
    back = redirect("charter:partner", partner.slug)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["text"]))
        return back
    try:
        with transaction.atomic():
            made = BreachAnswer.objects.create(panel=panel, partner=partner, text=form.cleaned_data["text"])
            audit("events.breach_answered", f"events.breachanswer:{made.pk}", user=partner)
    except IntegrityError:
        messages.info(request, "You have already answered for this panel; your answer is shown beside it.")
        return back
    messages.success(request, "Your answer is published beside the flag.")
    return back
