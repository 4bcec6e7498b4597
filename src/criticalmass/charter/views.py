"""Charter pages: the public Charter and accountability pages, and the forms of partners and reviewers.

Public pages are read-only. Partners sign, make commitments and report on their own; reviewers
confirm or dispute reports; the secretariat reads every commitment's history.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.charter import charts, figures, history, queries, record
from criticalmass.charter.forms import AnswerForm, CommitmentForm, ReportForm, SignatureForm, VerificationForm
from criticalmass.charter.models import (
    Commitment,
    Report,
    ReportingCycle,
    Signature,
    Verification,
    current_version,
    published,
)
from criticalmass.core import membership
from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required
from criticalmass.events import queries as events_queries
from criticalmass.figures import charts as parity_charts
from criticalmass.figures.csv import csv_response, table_response

PARTNER = (Role.PARTNER,)
COMMITMENT_FIELDS = ["cycle", "what", "indicator", "baseline", "target", "deadline", "process",
                     "organization", "event", "plan"]
REPORT_FIELDS = ["progress", "narrative", "evidence"]


def me(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def posted(request: HttpRequest) -> QueryDict | None:
    """The posted data, even when empty (an empty form must fail validation, not show a blank form)."""
    return request.POST if request.method == "POST" else None


# ---- Public --------------------------------------------------------------------------------

@require_safe
def charter(request: HttpRequest) -> HttpResponse:
    signed = None
    if request.user.is_authenticated:
        signed = Signature.objects.filter(user=me(request), withdrawn_at__isnull=True).first()
    version = current_version()
    return render(request, "charter/charter.html", {
        "version": version, "signatures": queries.listed_signatures(), "signed": signed,
        "signatories": queries.signatory_rows(version),
        "goals": version.goals.prefetch_related("processes") if version else [],
        "consultation": queries.consultation_of(version),
        "endorsable": signed is not None and version is not None and queries.may_endorse(signed, version),
    })


@require_safe
def versions(request: HttpRequest) -> HttpResponse:
    found = list(published().prefetch_related("goals__processes"))
    return render(request, "charter/versions.html", {
        "versions": [(v, queries.version_changes(v)) for v in found]})


def overall_tables() -> dict[str, list[dict[str, Any]]]:
    items = list(queries.commitments())
    return {"cycles": queries.by_cycle(items), "partners": queries.by_partner(items),
            "commitments": queries.commitment_rows(items), "signatories": queries.signatories()}


def with_records(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The commitment rows with each one's public record (weakenings, corrections), for the page."""
    found = record.records([row["commitment"] for row in rows])
    return [{**row, "record": found[row["commitment"].pk]} for row in rows]


def partner_tables(slug: str) -> tuple[User, dict[str, list[dict[str, Any]]]]:
    owner = get_object_or_404(User.objects.filter(role_grants__role=Role.PARTNER), slug=slug)
    items = list(queries.commitments(owner))
    return owner, {"cycles": queries.by_cycle(items), "commitments": queries.commitment_rows(items)}


TREND_CAPTION = "Reported and met or exceeded, as shares of the commitments due, by cycle (oldest first)"


def trend(tables: dict[str, list[dict[str, Any]]], csv_url: str) -> dict[str, Any]:
    """The trend over cycles as a figure: its table (CSV at csv_url) and its chart, None with no cycles."""
    table = figures.trend_table(tables["cycles"], TREND_CAPTION)
    table.csv_url = csv_url
    return {"trend": table, "trend_chart": parity_charts.chart("cycle_shares", table, charts.TREND)}


@require_safe
def accountability(request: HttpRequest) -> HttpResponse:
    tables = overall_tables()
    return render(request, "charter/accountability.html", {
        "tables": tables, "owner": None, "commitments": with_records(tables["commitments"]),
        **trend(tables, reverse("charter:accountability_csv", args=["trend"])),
    })


@require_safe
def partner(request: HttpRequest, slug: str) -> HttpResponse:
    owner, tables = partner_tables(slug)
    signature = Signature.objects.filter(user=owner).select_related("version", "organization").order_by(
        F("withdrawn_at").desc(nulls_first=True), "-signed_at").first()  # the active one, else the last
    return render(request, "charter/accountability.html", {
        "tables": tables, "owner": owner, "owner_name": queries.public_name(owner), "signature": signature,
        "commitments": with_records(tables["commitments"]),
        "signature_corrections": record.signature_corrections(owner),
        "panel_tally": events_queries.partner_tally(owner),
        **trend(tables, reverse("charter:partner_csv", args=[owner.slug, "trend"])),
    })


def dicts_csv(rows: list[dict[str, Any]], columns: list[str], filename: str) -> HttpResponse:
    return csv_response(f"criticalmass-{filename}.csv", columns, [[row[c] for c in columns] for row in rows])


def table_columns(name: str) -> list[str]:
    return {"cycles": ["cycle", "deadline", *queries.SUMMARY_COLUMNS],
            "partners": ["partner", *queries.SUMMARY_COLUMNS],
            "commitments": queries.COMMITMENT_COLUMNS, "signatories": queries.SIGNATORY_COLUMNS}[name]


@require_safe
def accountability_csv(request: HttpRequest, name: str) -> HttpResponse:
    tables = overall_tables()
    if name == "trend":
        return table_response(figures.trend_table(tables["cycles"], TREND_CAPTION),
                                  "criticalmass-accountability-trend")
    if name not in tables:
        raise Http404(f"There is no table '{name}' here.")
    return dicts_csv(tables[name], table_columns(name), f"accountability-{name}")


@require_safe
def partner_csv(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    owner, tables = partner_tables(slug)
    if name == "trend":
        return table_response(figures.trend_table(tables["cycles"], TREND_CAPTION),
                                  f"criticalmass-accountability-{owner.slug}-trend")
    if name not in tables:
        raise Http404(f"There is no table '{name}' here.")
    return dicts_csv(tables[name], table_columns(name), f"accountability-{owner.slug}-{name}")


# ---- Signing -------------------------------------------------------------------------------

@role_required(*PARTNER)
@require_http_methods(["GET", "HEAD", "POST"])
def sign(request: HttpRequest) -> HttpResponse:
    version = current_version()
    if version is None:
        raise Http404("The Charter has not been published yet.")
    if Signature.objects.filter(user=me(request), withdrawn_at__isnull=True).exists():
        messages.info(request, "You have already signed the Charter.")
        return redirect("charter:charter")
    initial = {"name": me(request).display_name or me(request).get_full_name()}
    form = SignatureForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                signature = form.save(commit=False)
                signature.user, signature.version = me(request), version
                signature.consented_at = timezone.now()
                signature.save()
                audit("charter.signed", f"charter.signature:{signature.pk}", user=me(request),
                      detail={"version": version.number})
        except IntegrityError:  # the same form posted twice at once: the other post signed
            messages.info(request, "You have already signed the Charter.")
            return redirect("charter:charter")
        messages.success(request, f"Thank you: you signed version {version.number} of the Charter.")
        return redirect("charter:charter")
    return render(request, "charter/sign.html", {"form": form, "version": version}, status=400 if
                  form.errors else 200)


@role_required(*PARTNER)
@require_POST
def withdraw(request: HttpRequest) -> HttpResponse:
    signature = Signature.objects.filter(user=me(request), withdrawn_at__isnull=True).first()
    if signature is None:
        messages.error(request, "You have no signature to withdraw.")
        return redirect("charter:charter")
    with transaction.atomic():
        signature.withdrawn_at = timezone.now()
        signature.save(update_fields=["withdrawn_at"])
        audit("charter.withdrawn", f"charter.signature:{signature.pk}", user=me(request))
    messages.success(request, "Your signature is withdrawn; you are no longer listed.")
    return redirect("charter:charter")


# ---- Commitments and reports ---------------------------------------------------------------

def may_edit(user: User, commitment: Commitment) -> bool:
    """His own commitment, a colleague's of his organisation (as a partner), or any for the secretariat."""
    if commitment.owner_id == user.pk or user.is_secretariat:
        return True
    return user.has_role(Role.PARTNER) and membership.share_an_organisation(user, commitment.owner)


def own_commitment(request: HttpRequest, pk: int) -> Commitment:
    """The commitment if it is the partner's or his organisation's (or the user is the secretariat);
    404 if none, else 403."""
    commitment = get_object_or_404(queries.commitments(), pk=pk)
    if not may_edit(me(request), commitment):
        raise PermissionDenied("This commitment is another organisation's.")
    return commitment


@role_required(*PARTNER)
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    my_organisations = membership.organisation_ids(me(request))
    colleagues = User.objects.filter(memberships__organization_id__in=my_organisations)
    items = list(queries.commitments().filter(Q(owner=me(request)) | Q(owner__in=colleagues)).distinct())
    cycles = ReportingCycle.objects.all()
    counts = {cycle.pk: sum(c.cycle_id == cycle.pk for c in items) for cycle in cycles}
    short = [c for c in cycles if c.is_open() and counts[c.pk] < c.min_commitments]
    return render(request, "charter/mine.html", {"commitments": items, "short": short,
                                                 "answer_form": AnswerForm()})


@role_required(Role.PARTNER, Role.SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def commitment_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    commitment = own_commitment(request, pk) if pk else None
    if commitment is None and not me(request).has_role(Role.PARTNER):
        raise PermissionDenied("Only partners make commitments.")
    if commitment and not me(request).is_secretariat and timezone.localdate() > commitment.cycle.deadline:
        messages.error(request, f"{commitment.cycle} closed on {commitment.cycle.deadline}; its commitments "
                       "can no longer be changed. Ask the secretariat if something is wrong.")
        return redirect("charter:mine")
    before = history.snapshot(commitment, COMMITMENT_FIELDS) if commitment else {}
    verified = getattr(commitment, "report", None) if commitment else None
    changed_before = {v.pk for v in record.changed_verdicts(verified)} if verified else set()
    signer = commitment.owner if commitment else me(request)
    form = CommitmentForm(posted(request), instance=commitment, reason_required=me(request).is_secretariat,
                          signed_version=queries.signed_version_id(signer))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            if commitment is None:
                saved.owner = me(request)
            saved._change_reason = form.cleaned_data.get("reason") or None
            saved.save()
            action = "commitment.changed" if commitment else "commitment.created"
            history.record(action, saved.pk, me(request), before, history.snapshot(saved, COMMITMENT_FIELDS))
            if verified:
                verified.commitment = saved
                record.tell_reviewers(verified, changed_before)
        messages.success(request, "Commitment saved.")
        return redirect("charter:mine" if me(request).has_role(Role.PARTNER) else "charter:accountability")
    return render(request, "charter/commitment_form.html", {"form": form, "commitment": commitment},
                  status=400 if form.errors else 200)


@role_required(*PARTNER)
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = own_commitment(request, pk)
    existing = getattr(commitment, "report", None)
    if timezone.localdate() > commitment.cycle.deadline:
        messages.error(request, f"The deadline of {commitment.cycle} ({commitment.cycle.deadline}) "
                       "has passed; "
                       "reports can no longer be made or changed.")
        return redirect("charter:mine")
    before = history.snapshot(existing, REPORT_FIELDS) if existing else {}
    changed_before = {v.pk for v in record.changed_verdicts(existing)} if existing else set()
    form = ReportForm(posted(request), instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved: Report = form.save(commit=False)
                saved.commitment = commitment
                saved.save()
                action = "report.changed" if existing else "report.created"
                history.record(action, commitment.pk, me(request), before,
                               history.snapshot(saved, REPORT_FIELDS))
                record.tell_reviewers(saved, changed_before)
        except IntegrityError:  # posted twice at once: the other post made the report; it is kept
            messages.info(request, "This commitment's report was just saved; it is shown below.")
            return redirect("charter:mine")
        messages.success(request, "Report saved.")
        return redirect("charter:mine")
    return render(request, "charter/report_form.html", {"form": form, "commitment": commitment},
                  status=400 if form.errors else 200)


@role_required(Role.SECRETARIAT)
@require_safe
def commitment_history(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(queries.commitments(), pk=pk)
    events = [(event, history.describe(event.detail.get("changes", {}))) for event in history.of(pk)]
    return render(request, "charter/history.html", {"commitment": commitment, "events": events})


@require_safe
def public_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every version of a commitment, its report and the verdicts on it, for anyone to read."""
    commitment = get_object_or_404(queries.commitments(), pk=pk)
    found = record.records([commitment])[pk]
    return render(request, "charter/public_history.html", {
        "commitment": commitment, "record": found, "owner_name": queries.public_name(commitment.owner)})


HISTORY_COLUMNS = ["at", "record", "kind", "by", "secretariat_correction", "what"]


@require_safe
def public_history_csv(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(queries.commitments(), pk=pk)
    entries = record.records([commitment])[pk].entries
    rows = [[entry.at.isoformat(), entry.record, entry.kind, entry.by,
             entry.reason if entry.correction else "", entry.what] for entry in entries]
    return csv_response(f"criticalmass-commitment-{pk}-history.csv", HISTORY_COLUMNS, rows)


# ---- Verification --------------------------------------------------------------------------

def reports_to_review() -> QuerySet[Report]:
    return Report.objects.select_related("commitment__owner", "commitment__cycle").prefetch_related(
        "verifications__reviewer", "verifications__organization").order_by("-updated_at")


def review_context(request: HttpRequest) -> dict[str, Any]:
    reports = list(reports_to_review())
    verifiable = {r.pk for r in reports if me(request).has_role(Role.REVIEWER)
                  and membership.may_verify(me(request), r.commitment.owner, r.commitment.organization_id)}
    return {"reports": reports, "verifiable": verifiable,
            "reviewing_for": membership.reviewing_organisation(me(request)),
            "reviewing_choices": membership.reviewing_organisations(me(request))}


@role_required(Role.REVIEWER, Role.SECRETARIAT)
@require_safe
def review(request: HttpRequest) -> HttpResponse:
    return render(request, "charter/review.html", {**review_context(request), "form": VerificationForm(
        organisations=membership.reviewing_organisations(me(request)))})


@role_required(Role.REVIEWER)
@require_POST
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Report.objects.select_related("commitment__owner"), pk=pk)
    if not membership.may_verify(me(request), found.commitment.owner, found.commitment.organization_id):
        raise PermissionDenied("Reviewers verify for their women's organisation, never their own "
                               "organisation's report.")
    existing = Verification.objects.filter(report=found, reviewer=me(request)).first()
    form = VerificationForm(request.POST, instance=existing,
                            organisations=membership.reviewing_organisations(me(request)))
    if not form.is_valid():
        return render(request, "charter/review.html", {**review_context(request), "form": form,
                                                       "failed": found.pk}, status=400)
    try:
        with transaction.atomic():
            verification = form.save(commit=False)
            verification.report, verification.reviewer = found, me(request)
            record.bind(verification)
            verification.save()
            history.record("report.verified", found.commitment_id, me(request), {},
                           {"verdict": verification.verdict, "comment": verification.comment,
                            "organization": str(verification.organization)})
    except IntegrityError:  # posted twice at once: the other post recorded this reviewer's verdict
        messages.info(request, "Your verdict on this report is recorded.")
        return redirect("charter:review")
    messages.success(request, f"Your verdict ({verification.get_verdict_display().lower()}) is recorded.")
    return redirect("charter:review")


@role_required(*PARTNER)
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    verification = get_object_or_404(Verification.objects.select_related("report__commitment"), pk=pk)
    own_commitment(request, verification.report.commitment_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["answer"]))
        return redirect("charter:mine")
    with transaction.atomic():
        verification.answer, verification.answered_at = form.cleaned_data["answer"], timezone.now()
        verification.save(update_fields=["answer", "answered_at"])
        history.record("verification.answered", verification.report.commitment_id, me(request), {},
                       {"answer": verification.answer})
    messages.success(request, "Your answer is published beside the reviewer's comment.")
    return redirect("charter:mine")
