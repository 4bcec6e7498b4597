"""Trainings pages: programmes with their cycles and results, the cascade, dialogues (public, GET only);
planning forms for the secretariat and the focal points and heads of the owning organisation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required
from criticalmass.figures.pages import link_csvs, one_table
from criticalmass.figures.tables import Table
from criticalmass.trainings import figures
from criticalmass.trainings import permissions as may
from criticalmass.trainings.forms import (
    AgreedActionForm,
    AttendanceForm,
    CommitmentLinkForm,
    CycleForm,
    DialogueForm,
    FollowUpForm,
    ItemForm,
    ProgrammeForm,
    SessionForm,
    TallyForm,
    TrainerForm,
)
from criticalmass.trainings.models import (
    FOLLOW_UP_MONTHS,
    AgreedAction,
    Attendance,
    Cycle,
    Dialogue,
    FollowUp,
    Item,
    Programme,
    Session,
    Tally,
    Trainer,
)

PER_PAGE = 50
PLANNERS = (Role.SECRETARIAT, Role.PARTNER)
MEMBERS = tuple(Role.values)
FORM_METHODS = ["GET", "HEAD", "POST"]


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def member(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def require_planner(request: HttpRequest, organisation_id: int | None) -> None:
    if not may.may_plan(request.user, organisation_id):
        raise PermissionDenied("Only the secretariat and the focal points and heads of the organisation "
                               "that runs it plan this.")


def organisations_for(user: User) -> Any:
    """None for the secretariat (any organisation, or its own), else the partner's planning organisations."""
    if user.has_role(Role.SECRETARIAT):
        return None
    found = may.planning_organisations(user)
    if not found:
        raise PermissionDenied("Partners plan trainings for an organisation they are focal point or head of.")
    return found


def show_form(request: HttpRequest, form: forms.BaseForm, title: str, back: str) -> HttpResponse:
    return render(request, "trainings/form.html", {"form": form, "title": title, "back": back},
                  status=400 if form.errors else 200)


def save_audited(request: HttpRequest, form: forms.ModelForm[Any], action: str,
                 before_save: Callable[[Any], None] | None = None) -> Model:
    with transaction.atomic():
        saved = form.save(commit=False)
        if before_save is not None:
            before_save(saved)
        saved.save()
        form.save_m2m()
        audit(action, f"trainings.{type(saved).__name__.lower()}:{saved.pk}", user=member(request))
    assert isinstance(saved, Model)
    return saved


# Public pages ---------------------------------------------------------------------------------------

def programme_tables(request: HttpRequest) -> tuple[dict[str, Table], Any]:
    found = figures.programmes()
    track = request.GET.get("track", "")
    if track:
        found = found.filter(track=track)
    if request.GET.get("youth") == "yes":
        found = found.filter(youth=True)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return link_csvs({"programmes": figures.programmes_table(page.object_list)}, "trainings:programmes_csv",
                     []), page


@require_safe
def programmes(request: HttpRequest) -> HttpResponse:
    tables, page = programme_tables(request)
    return render(request, "trainings/programmes.html", {
        "tables": tables, "page_obj": page, "can_plan": request.user.is_authenticated and
        may.may_plan_any(member(request))})


@require_safe
def programmes_csv(request: HttpRequest, name: str) -> HttpResponse:
    tables = {"programmes": figures.programmes_table(figures.programmes())}
    return one_table(tables, name, "trainings")


def programme_figures(programme: Programme) -> dict[str, Table]:
    return link_csvs({"cycles": figures.cycles_table(programme), "results": figures.results_table(programme)},
                     "trainings:programme_csv", [programme.slug])


@require_safe
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(figures.programmes(), slug=slug)
    cycles = found.cycles.prefetch_related("sessions__attendance", "trainers__user", "items")
    return render(request, "trainings/programme.html", {
        "programme": found, "tables": programme_figures(found), "cycles": cycles,
        "can_plan": may.may_plan(request.user, found.organization_id)})


@require_safe
def programme_csv(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    found = get_object_or_404(Programme, slug=slug)
    return one_table(programme_figures(found), name, f"training-{slug}")


@require_safe
def cascade(request: HttpRequest) -> HttpResponse:
    tables = link_csvs({"cascade": figures.cascade_table()}, "trainings:cascade_csv", [])
    return render(request, "trainings/cascade.html", {"tables": tables})


@require_safe
def cascade_csv(request: HttpRequest, name: str) -> HttpResponse:
    return one_table({"cascade": figures.cascade_table()}, name, "trainings")


@require_safe
def dialogues(request: HttpRequest) -> HttpResponse:
    page = Paginator(figures.dialogues(), PER_PAGE).get_page(request.GET.get("page"))
    tables = link_csvs({"dialogues": figures.dialogues_table(page.object_list)},
                       "trainings:dialogues_csv", [])
    return render(request, "trainings/dialogues.html", {
        "tables": tables, "page_obj": page,
        "can_plan": request.user.is_authenticated and may.may_plan_any(member(request))})


@require_safe
def dialogues_csv(request: HttpRequest, name: str) -> HttpResponse:
    return one_table({"dialogues": figures.dialogues_table(figures.dialogues())}, name, "trainings")


@require_safe
def dialogue(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(figures.dialogues(), slug=slug)
    shown = figures.people(found.women, found.men, found.not_stated)
    return render(request, "trainings/dialogue.html", {
        "dialogue": found, "people": shown, "actions": found.actions.select_related("commitment"),
        "can_plan": may.may_plan(request.user, found.organization_id),
        "is_partner": request.user.is_authenticated and member(request).has_role(Role.PARTNER)})


# Planning -------------------------------------------------------------------------------------------

@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def programme_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    found = get_object_or_404(Programme, slug=slug) if slug else None
    if found is not None:
        require_planner(request, found.organization_id)
    form = ProgrammeForm(posted(request), instance=found, organisations=organisations_for(member(request)))
    if request.method == "POST" and form.is_valid():
        saved = save_audited(request, form, "trainings.programme_changed" if found else "trainings.planned")
        messages.success(request, "Programme saved.")
        return redirect("trainings:programme", saved.slug)  # type: ignore[attr-defined]
    return show_form(request, form, f"Edit {found}" if found else "Plan a training programme",
                     found.slug if found else "")


@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def cycle_new(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Programme, slug=slug)
    require_planner(request, found.organization_id)
    form = CycleForm(posted(request), instance=Cycle(programme=found))
    if request.method == "POST" and form.is_valid():
        save_audited(request, form, "trainings.cycle_added")
        messages.success(request, "Cycle added.")
        return redirect("trainings:programme", found.slug)
    return show_form(request, form, f"Add a cycle to {found}", found.slug)


def planned_cycle(request: HttpRequest, pk: int) -> Cycle:
    found = get_object_or_404(Cycle.objects.select_related("programme"), pk=pk)
    require_planner(request, found.programme.organization_id)
    return found


@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = planned_cycle(request, pk)
    form = SessionForm(posted(request), instance=Session(cycle=cycle))
    if request.method == "POST" and form.is_valid():
        save_audited(request, form, "trainings.session_added")
        messages.success(request, "Session added.")
        return redirect("trainings:programme", cycle.programme.slug)
    return show_form(request, form, f"Add a session to {cycle}", cycle.programme.slug)


@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Count who came to a session, one role at a time; counting a role again replaces its counts."""
    session = get_object_or_404(Session.objects.select_related("cycle__programme"), pk=pk)
    require_planner(request, session.cycle.programme.organization_id)
    role = request.POST.get("role", "") if request.method == "POST" else ""
    existing = Attendance.objects.filter(session=session, role=role).first()
    form = AttendanceForm(posted(request), instance=existing or Attendance(session=session))
    if request.method == "POST" and form.is_valid():
        save_audited(request, form, "trainings.attendance_counted")
        messages.success(request, "Attendance counted.")
        return redirect("trainings:programme", session.cycle.programme.slug)
    return show_form(request, form, f"Count who came to the session of {session.date}",
                     session.cycle.programme.slug)


@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def answers(request: HttpRequest, pk: int) -> HttpResponse:
    """Enter the answers of a questionnaire as tallies; entering an item and phase again replaces them."""
    cycle = planned_cycle(request, pk)
    data = posted(request)
    item = data.get("item", "") if data is not None else ""
    existing = (Tally.objects.filter(cycle=cycle, item_id=int(item), phase=data.get("phase", "")).first()
                if data is not None and item.isascii() and item.isdigit() and len(item) < 19 else None)
    form = TallyForm(data, instance=existing or Tally(cycle=cycle), cycle=cycle)
    if request.method == "POST" and form.is_valid():
        save_audited(request, form, "trainings.answers_entered")
        messages.success(request, "Answers entered.")
        return redirect("trainings:programme", cycle.programme.slug)
    return show_form(request, form, f"Enter questionnaire answers for {cycle}", cycle.programme.slug)


@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def trainer_add(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = planned_cycle(request, pk)
    form = TrainerForm(posted(request))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            trainer, created = Trainer.objects.get_or_create(cycle=cycle, user=form.cleaned_data["member"])
            if created:
                audit("trainings.trainer_added", f"trainings.trainer:{trainer.pk}", user=member(request))
        messages.success(request, "Trainer added: they will be asked to follow up at 3 and 6 months.")
        return redirect("trainings:programme", cycle.programme.slug)
    return show_form(request, form, f"Add a trainer trained in {cycle}", cycle.programme.slug)


@role_required(*MEMBERS)
@require_http_methods(FORM_METHODS)
def follow_up(request: HttpRequest, pk: int, months: int) -> HttpResponse:
    trainer = get_object_or_404(Trainer.objects.select_related("cycle__programme", "user"), pk=pk)
    if not may.may_follow_up(member(request), trainer):
        raise PermissionDenied("Only the trainer and the programme's planners answer this follow-up.")
    if months not in FOLLOW_UP_MONTHS:
        return redirect("trainings:follow_up", trainer.pk, FOLLOW_UP_MONTHS[0])
    existing = FollowUp.objects.filter(trainer=trainer, months=months).first()
    form = FollowUpForm(posted(request), instance=existing or FollowUp(trainer=trainer, months=months))
    if request.method == "POST" and form.is_valid():
        save_audited(request, form, "trainings.followed_up",
                     lambda saved: setattr(saved, "reported_by", member(request)))
        messages.success(request, "Thank you: your follow-up is recorded.")
        return redirect("trainings:my_follow_ups")
    return show_form(request, form, f"Since {trainer.cycle} ({months} months): how many did you train, "
                     "where, in which language?", "")


@login_required
@require_safe
def my_follow_ups(request: HttpRequest) -> HttpResponse:
    trainers = Trainer.objects.filter(user=member(request)).select_related("cycle__programme") \
        .prefetch_related("follow_ups")
    rows = [(t, [(m, t.cycle.follow_up_due(m), next((f for f in t.follow_ups.all() if f.months == m), None))
                 for m in FOLLOW_UP_MONTHS]) for t in trainers]
    return render(request, "trainings/my_follow_ups.html", {"rows": rows})


@role_required(Role.SECRETARIAT)
@require_http_methods(FORM_METHODS)
def items(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The questionnaire items: the secretariat writes them; edits keep their history."""
    found = get_object_or_404(Item, pk=pk) if pk else None
    form = ItemForm(posted(request), instance=found)
    if request.method == "POST" and form.is_valid():
        save_audited(request, form, "trainings.item_changed" if found else "trainings.item_added")
        messages.success(request, "Item saved.")
        return redirect("trainings:items")
    return render(request, "trainings/items.html", {"form": form, "item": found, "items": Item.objects.all()},
                  status=400 if form.errors else 200)


@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def dialogue_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    found = get_object_or_404(Dialogue, slug=slug) if slug else None
    if found is not None:
        require_planner(request, found.organization_id)
    form = DialogueForm(posted(request), instance=found, organisations=organisations_for(member(request)))
    if request.method == "POST" and form.is_valid():
        saved = save_audited(request, form,
                             "trainings.dialogue_changed" if found else "trainings.dialogue_held")
        messages.success(request, "Dialogue saved.")
        return redirect("trainings:dialogue", saved.slug)  # type: ignore[attr-defined]
    return show_form(request, form, f"Edit {found}" if found else "Record a dialogue", "")


@role_required(*PLANNERS)
@require_http_methods(FORM_METHODS)
def action_new(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Dialogue, slug=slug)
    require_planner(request, found.organization_id)
    form = AgreedActionForm(posted(request), instance=AgreedAction(dialogue=found))
    if request.method == "POST" and form.is_valid():
        save_audited(request, form, "trainings.action_agreed")
        messages.success(request, "Agreed action recorded.")
        return redirect("trainings:dialogue", found.slug)
    return show_form(request, form, f"An action agreed at {found}", "")


@role_required(Role.PARTNER)
@require_http_methods(FORM_METHODS)
def action_commitment(request: HttpRequest, pk: int) -> HttpResponse:
    """A partner says which of his commitments takes up an agreed action (make it first under
    My commitments); the link is public and kept in the action's history."""
    action = get_object_or_404(AgreedAction.objects.select_related("dialogue", "commitment"), pk=pk)
    if action.commitment is not None and action.commitment.owner_id != member(request).pk:
        raise PermissionDenied("Another partner's commitment already takes up this action.")
    form = CommitmentLinkForm(posted(request), partner=member(request))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            action.commitment = form.cleaned_data["commitment"]
            action.save()
            audit("trainings.action_committed", f"trainings.agreedaction:{action.pk}", user=member(request),
                  detail={"commitment": action.commitment.pk})
        messages.success(request, "The agreed action now links to your commitment.")
        return redirect("trainings:dialogue", action.dialogue.slug)
    return render(request, "trainings/action_commitment.html", {"form": form, "action": action},
                  status=400 if form.errors else 200)
