"""Micro-grant pages: calls and the public grants list (with CSV and IATI XML), applying, reviewing,
deciding within the budget, and reporting with receipts."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required
from criticalmass.figures.csv import csv_response
from criticalmass.grants import iati, queries, services
from criticalmass.grants.forms import ApplicationForm, BudgetLines, DecisionForm, GrantReportForm, ReviewForm
from criticalmass.grants.models import Application, Call, GrantReport, Receipt
from criticalmass.lib.uploads import UploadRefused

APPLICANT_ROLES = (Role.ADVOCATE, Role.VISITOR)
PAGE_SIZE = 50


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def member(request: HttpRequest) -> User:
    user: User = request.user  # type: ignore[assignment]
    return user


@require_safe
def calls(request: HttpRequest) -> HttpResponse:
    grants_page = Paginator(queries.funded(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "grants/calls.html", {
        "calls": Call.objects.all(), "page": grants_page,
        "rows": [queries.grant_row(g) for g in grants_page.object_list]})


@require_safe
def call(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Call, slug=slug)
    funded = queries.funded().filter(call=found)
    return render(request, "grants/call.html", {"call": found, "rows": [queries.grant_row(g) for g in funded],
                                                "rubric": found.rubric.all()})


@require_safe
def grant(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(queries.funded(), pk=pk)
    return render(request, "grants/grant.html", {"grant": found, "row": queries.grant_row(found),
                                                 "report": getattr(found, "report", None)})


@require_safe
def grants_csv(request: HttpRequest) -> HttpResponse:
    rows = [queries.grant_row(g) for g in queries.funded()]
    return csv_response("criticalmass-grants.csv", ["id", *queries.GRANT_COLUMNS],
                        [[row[c] for c in ["id", *queries.GRANT_COLUMNS]] for row in rows])


@require_safe
def iati_xml(request: HttpRequest) -> HttpResponse:
    return HttpResponse(iati.activities_xml(queries.funded()), content_type="application/xml; charset=utf-8")


@role_required(*APPLICANT_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Call, slug=slug)
    if not found.is_open():
        messages.info(request, f"This call is closed: applications were taken from {found.opens_on} to "
                      f"{found.deadline}.")
        return redirect("grants:call", found.slug)
    form = ApplicationForm(posted(request), call=found, prefix="app")
    lines = BudgetLines(posted(request), call=found, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        with transaction.atomic():
            form.instance.call, form.instance.applicant = found, member(request)
            saved = form.save()
            lines.instance = saved
            lines.save()
            audit("grants.applied", f"grants.application:{saved.pk}", user=member(request))
        messages.success(request, "Application sent. Reviewers will score it; you will find the decision "
                         "under My grant applications.")
        return redirect("grants:mine")
    return render(request, "grants/apply.html", {"call": found, "form": form, "lines": lines},
                  status=400 if request.method == "POST" else 200)


@role_required(*APPLICANT_ROLES)
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    applications = Application.objects.filter(applicant=member(request)).select_related("call", "report")
    return render(request, "grants/mine.html", {"applications": applications})


def visible_application(user: User, pk: int) -> Application:
    """The applicant, a reviewer without a conflict, or the secretariat see an application; others 403."""
    found = get_object_or_404(Application.objects.select_related("call", "applicant"), pk=pk)
    if found.applicant_id == user.pk or user.has_role(Role.SECRETARIAT):
        return found
    if user.has_role(Role.REVIEWER) and services.conflict_of_interest(user, found) is None:
        return found
    raise PermissionDenied("This application is not yours to see.")


@role_required(Role.REVIEWER, Role.SECRETARIAT, *APPLICANT_ROLES)
@require_safe
def application(request: HttpRequest, pk: int) -> HttpResponse:
    found = visible_application(member(request), pk)
    secretariat = member(request).has_role(Role.SECRETARIAT)
    return render(request, "grants/application.html", {
        "application": found, "lines": found.budget_lines.all(),
        "reviews": found.reviews.prefetch_related("scores__item") if secretariat else [],
        "score": services.rubric_score(found) if secretariat else None,
        "remaining": found.call.remaining(), "decision_form": DecisionForm() if secretariat else None,
        "report": getattr(found, "report", None)})


@role_required(Role.REVIEWER, Role.SECRETARIAT)
@require_safe
def review_list(request: HttpRequest) -> HttpResponse:
    user = member(request)
    waiting = (Application.objects.filter(status=Application.Status.SUBMITTED)
               .select_related("call", "applicant"))
    if not user.has_role(Role.SECRETARIAT):
        waiting = [a for a in waiting if services.conflict_of_interest(user, a) is None]  # type: ignore[assignment]
    reviewed = set(Application.objects.filter(reviews__reviewer=user).values_list("pk", flat=True))
    return render(request, "grants/review_list.html", {"applications": waiting, "reviewed": reviewed})


@role_required(Role.REVIEWER)
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    reviewer = member(request)
    found = get_object_or_404(Application.objects.select_related("call"), pk=pk)
    why_not = services.conflict_of_interest(reviewer, found)
    if why_not:
        raise PermissionDenied(f"You may not review this application: {why_not}")
    if found.status != Application.Status.SUBMITTED:
        messages.info(request, "This application is decided; reviews are closed.")
        return redirect("grants:review_list")
    rubric = list(found.call.rubric.all())
    form = ReviewForm(posted(request), rubric=rubric)
    if request.method == "POST" and form.is_valid():
        scores = {item: form.cleaned_data[f"item_{item.pk}"] for item in rubric}
        services.save_review(found, reviewer, conflict=form.cleaned_data["conflict"],
                             comment=form.cleaned_data["comment"], scores=scores)
        messages.success(request, "Review saved.")
        return redirect("grants:review_list")
    return render(request, "grants/review.html", {"application": found, "form": form,
                                                  "lines": found.budget_lines.all()},
                  status=400 if request.method == "POST" else 200)


@role_required(Role.SECRETARIAT)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Application, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(request, f"{field}: {' '.join(str(e) for e in errors)}")
        return redirect("grants:application", found.pk)
    fund = form.cleaned_data["decision"] == "fund"
    try:
        services.decide(found.pk, fund=fund, amount=form.cleaned_data["amount"] if fund else None,
                        reason=form.cleaned_data["reason"], by=member(request))
    except services.DecisionRefused as refused:
        messages.error(request, f"Not decided: {refused}")
        return redirect("grants:application", found.pk)
    messages.success(request, "Decision recorded.")
    return redirect("grants:application", found.pk)


@role_required(*APPLICANT_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Application.objects.select_related("call"), pk=pk)
    if found.applicant_id != member(request).pk:
        raise PermissionDenied("This grant is not yours to report on.")
    if found.status != Application.Status.FUNDED:
        raise PermissionDenied("Only a funded grant is reported on.")
    existing = GrantReport.objects.filter(application=found).first()
    form = GrantReportForm(posted(request), request.FILES or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            save_report(form, found, member(request))
        except UploadRefused as refused:
            form.add_error("receipts", str(refused))
        else:
            messages.success(request, "Report saved.")
            return redirect("grants:mine")
    return render(request, "grants/report.html", {"application": found, "form": form, "report": existing},
                  status=400 if request.method == "POST" else 200)


def save_report(form: GrantReportForm, application: Application, user: User) -> None:
    """The report and every receipt, or nothing (a refused file undoes the whole post)."""
    written: list[Path] = []
    try:
        with transaction.atomic():
            form.instance.application = application
            saved = form.save()
            for upload in form.cleaned_data["receipts"]:
                receipt = services.save_receipt(saved, upload)
                written.append(services.upload_dir() / receipt.stored_name)
            audit("grants.reported", f"grants.application:{application.pk}", user=user,
                  detail={"receipts": len(written)})
    except UploadRefused:
        for path in written:
            path.unlink(missing_ok=True)
        raise


@role_required(Role.SECRETARIAT, *APPLICANT_ROLES)
@require_safe
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Receipt.objects.select_related("report__application"), pk=pk)
    user = member(request)
    if found.report.application.applicant_id != user.pk and not user.has_role(Role.SECRETARIAT):
        raise PermissionDenied("This receipt is not yours to see.")
    path = services.upload_dir() / found.stored_name
    if not path.is_file():
        raise Http404("The file is missing from the upload folder; tell the secretariat.")
    audit("grants.receipt_read", f"grants.receipt:{found.pk}", user=user)
    # Read whole (receipts are at most lib.limits.MAX_UPLOAD): always a download, never shown inline.
    response = HttpResponse(path.read_bytes(), content_type=found.content_type)
    response["Content-Disposition"] = content_disposition_header(True, found.original_name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response
