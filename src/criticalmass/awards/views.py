"""Award pages: rounds and their published laureates (with CSV), nominating, the jury's marks, and the
secretariat's decisions and publication."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.awards import queries, services
from criticalmass.awards.forms import DecisionForm, MarkForm, NominationForm
from criticalmass.awards.models import Category, Declaration, Mark, Nomination, Round
from criticalmass.awards.record import record_lines
from criticalmass.core.models import Role, User
from criticalmass.core.permissions import role_required
from criticalmass.figures.csv import csv_response

NOMINATOR_ROLES = (Role.PARTNER, Role.ADVOCATE, Role.REVIEWER)


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def member(request: HttpRequest) -> User:
    user: User = request.user  # type: ignore[assignment]
    return user


@require_safe
def rounds(request: HttpRequest) -> HttpResponse:
    return render(request, "awards/rounds.html", {
        "rounds": Round.objects.all(),
        "rows": [queries.laureate_row(d) for d in queries.published_decisions()]})


@require_safe
def round_page(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Round, slug=slug)
    rows = [queries.laureate_row(d) for d in queries.published_decisions().filter(round=found)]
    return render(request, "awards/round.html", {"round": found, "rows": rows,
                                                 "categories": found.categories.all(),
                                                 "criteria": found.criteria.all()})


@require_safe
def laureates_csv(request: HttpRequest) -> HttpResponse:
    rows = [queries.laureate_row(d) for d in queries.published_decisions()]
    return csv_response("criticalmass-laureates.csv", queries.LAUREATE_COLUMNS,
                        [[row[c] for c in queries.LAUREATE_COLUMNS] for row in rows])


@role_required(*NOMINATOR_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def nominate(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Round, slug=slug)
    if not found.taking_nominations():
        messages.info(request, f"Nominations are taken from {found.nominations_open} to "
                      f"{found.nominations_close}.")
        return redirect("awards:round", found.slug)
    form = NominationForm(posted(request), round_=found, nominator=member(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.nominate(found, data["category"], data["nominee"], data["organization"], data["reason"],
                              member(request))
        except services.Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Nomination sent. The jury will see the nominee's record.")
            return redirect("awards:round", found.slug)
    return render(request, "awards/nominate.html", {"round": found, "form": form},
                  status=400 if request.method == "POST" else 200)


def juror_round(request: HttpRequest, slug: str) -> Round:
    found = get_object_or_404(Round, slug=slug)
    if not services.is_juror(member(request), found):
        raise PermissionDenied("You are not on this round's jury.")
    return found


@role_required(Role.REVIEWER)
@require_safe
def jury(request: HttpRequest, slug: str) -> HttpResponse:
    found = juror_round(request, slug)
    juror = member(request)
    declared = {d.nomination_id: d.conflict for d in Declaration.objects.filter(juror=juror,
                                                                                nomination__round=found)}
    rows = [(n, services.juror_conflict(juror, n), declared.get(n.pk), record_lines(n.record))
            for n in found.nominations.select_related("category", "nominee", "organization")]
    return render(request, "awards/jury.html", {"round": found, "rows": rows})


@role_required(Role.REVIEWER)
@require_http_methods(["GET", "HEAD", "POST"])
def mark(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = get_object_or_404(Nomination.objects.select_related("round", "nominee", "category"), pk=pk)
    juror_round(request, nomination.round.slug)
    juror = member(request)
    why_not = services.juror_conflict(juror, nomination)
    if why_not:
        raise PermissionDenied(f"You are excluded from marking this nominee: {why_not}")
    if nomination.round.published_at is not None:
        messages.info(request, "The laureates are published; marks are closed.")
        return redirect("awards:jury", nomination.round.slug)
    criteria = list(nomination.round.criteria.all())
    initial = {f"criterion_{m.criterion_id}": m.value for m in Mark.objects.filter(nomination=nomination,
                                                                                     juror=juror)}
    form = MarkForm(posted(request), criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_marks(nomination, juror, conflict=data["conflict"], note=data["note"],
                            marks={c: data[f"criterion_{c.pk}"] for c in criteria})
        messages.success(request, "Conflict declared; no marks kept." if data["conflict"] else "Marks saved.")
        return redirect("awards:jury", nomination.round.slug)
    return render(request, "awards/mark.html", {"nomination": nomination, "form": form,
                                                "record": record_lines(nomination.record)},
                  status=400 if request.method == "POST" else 200)


@role_required(Role.SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def decide(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Round, slug=slug)
    status = 200
    if request.method == "POST":
        category_id = request.POST.get("category", "")
        category = get_object_or_404(Category, round=found,
                                     pk=int(category_id) if category_id.isascii() and category_id.isdigit()
                                     and len(category_id) < 19 else 0)
        form = DecisionForm(request.POST, category=category)
        if form.is_valid():
            try:
                services.decide(found, category, form.cleaned_data["laureate"], form.cleaned_data["reason"],
                                member(request))
            except services.Refused as refused:
                messages.error(request, f"Not decided: {refused}")
            else:
                messages.success(request, f"Decision recorded for {category.name}.")
            return redirect("awards:decide", found.slug)
        errors = " ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, f"{category.name}: {errors}")
        status = 400
    tables = [(c, services.standings(found, c), getattr(c, "decision", None), DecisionForm(category=c))
              for c in found.categories.all()]
    return render(request, "awards/decide.html", {"round": found, "tables": tables}, status=status)


@role_required(Role.SECRETARIAT)
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Round, slug=slug)
    try:
        services.publish(found, member(request))
    except services.Refused as refused:
        messages.error(request, str(refused))
        return redirect("awards:decide", found.slug)
    messages.success(request, "Laureates published.")
    return redirect("awards:round", found.slug)
