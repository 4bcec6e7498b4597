"""Gender review pages: the public list (and its CSV) and each document's status and history; submitting
(members with a role), assigning (the secretariat), reviewing (the assigned adviser or focal point)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.core.models import Role, User
from criticalmass.core.permissions import role_required
from criticalmass.figures.csv import csv_response
from criticalmass.reviews import gate
from criticalmass.reviews.forms import AssignForm, ReviewForm, SubmitForm
from criticalmass.reviews.models import Document, Status

SUBMITTERS = [Role.PARTNER, Role.ADVOCATE, Role.REVIEWER, Role.SECRETARIAT]
PAGE_SIZE = 25
CSV_COLUMNS = ["slug", "title", "kind", "status", "organisation", "plan", "process", "url", "submitted_at",
               "updated_at"]


def chosen_status(request: HttpRequest) -> str:
    status = request.GET.get("status", "")
    return status if status in Status.values else ""


@require_safe
def documents(request: HttpRequest) -> HttpResponse:
    status = chosen_status(request)
    page = Paginator(gate.documents(status), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reviews/documents.html",
                  {"page": page, "statuses": Status.choices, "status": status})


def csv_row(document: Document) -> list[Any]:
    return [document.slug, document.title, document.get_kind_display(), document.get_status_display(),
            document.organization.name if document.organization else "",
            document.plan.slug if document.plan else "", document.process.slug if document.process else "",
            document.url, document.submitted_at.date(), document.updated_at.date()]


@require_safe
def documents_csv(request: HttpRequest) -> HttpResponse:
    rows = (csv_row(d) for d in gate.documents(chosen_status(request)))
    return csv_response("criticalmass-gender-reviews.csv", CSV_COLUMNS, rows)


@require_safe
def document(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Document.objects.select_related("plan", "process", "organization", "reviewer"),
                              slug=slug)
    return render(request, "reviews/document.html", document_context(request, found))


def document_context(request: HttpRequest, found: Document, form: AssignForm | None = None) -> dict[str, Any]:
    user: User = request.user  # type: ignore[assignment]
    secretariat = user.is_authenticated and user.is_secretariat
    return {"document": found, "changes": found.status_changes.select_related("by"),
            "sees_comments": gate.sees_comments(found, user), "checks": found.checks.select_related("item"),
            "may_review": gate.may_review(found, user),
            "assign_form": (form or AssignForm()) if secretariat else None}


@role_required(*SUBMITTERS)
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    form = SubmitForm(request.POST if request.method == "POST" else None,
                      submitter=request.user)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        found = gate.submit(form.save(commit=False), request.user)  # type: ignore[arg-type]
        messages.success(request, "Submitted. The secretariat will assign a gender adviser or focal point.")
        return redirect("reviews:document", slug=found.slug)
    return render(request, "reviews/submit.html", {"form": form}, status=400 if form.errors else 200)


@role_required(Role.SECRETARIAT)
@require_POST
def assign(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Document, slug=slug)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return render(request, "reviews/document.html", document_context(request, found, form), status=400)
    gate.assign(found, form.cleaned_data["reviewer"], request.user)  # type: ignore[arg-type]
    messages.success(request, f"Assigned to {form.cleaned_data['reviewer'].public_name}.")
    return redirect("reviews:document", slug=found.slug)


@role_required(*[choice[0] for choice in Role.choices])
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest, slug: str) -> HttpResponse:
    """Only the adviser or focal point the secretariat assigned; anyone else gets 403."""
    found = get_object_or_404(Document, slug=slug)
    if not gate.may_review(found, request.user):  # type: ignore[arg-type]
        raise PermissionDenied
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        gate.record_review(found, request.user, form.answers(), form.cleaned_data["comments"],  # type: ignore[arg-type]
                           approved=form.cleaned_data["decision"] == "approve")
        messages.success(request, f"“{found.title}”: {found.get_status_display().lower()}.")
        return redirect("reviews:document", slug=found.slug)
    return render(request, "reviews/review.html", {"document": found, "form": form},
                  status=400 if form.errors else 200)
