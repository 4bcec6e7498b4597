"""Micro-grants: a call with a budget, applications with budget lines, reviewers' rubric scores, the
secretariat's decisions within the budget, and grantees' reports with receipts.

Money is a Decimal in the call's currency; totals (a budget's, what a call has left) are computed by
lib.grants, never typed. Applications, decisions and reports keep every version (simple-history).
"""

from __future__ import annotations

from decimal import Decimal

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from criticalmass.lib import grants

POSITIVE = [MinValueValidator(Decimal("0.01"))]


class ApplicantKind(models.TextChoices):
    STUDENT = "student", "Student"
    CLUB = "club", "University or youth club"
    WOMENS_GROUP = "womens_group", "Grassroots women's group"


class Call(models.Model):
    """A call for micro-grant applications, opened by the secretariat."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(max_length=5000)
    currency = models.CharField(max_length=3, help_text="ISO 4217, e.g. USD.")
    budget = models.DecimalField(max_digits=14, decimal_places=2, validators=POSITIVE,
                                 help_text="What the call may grant in all.")
    max_per_grant = models.DecimalField(max_digits=14, decimal_places=2, validators=POSITIVE)
    open_to_students = models.BooleanField(default=True)
    open_to_clubs = models.BooleanField(default=True, help_text="University or youth clubs.")
    open_to_womens_groups = models.BooleanField(default=True, help_text="Grassroots women's groups.")
    opens_on = models.DateField()
    deadline = models.DateField(help_text="Last day to apply.")
    report_deadline = models.DateField(help_text="Grantees report on activities and spending by this day.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-deadline", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        # Checked here rather than as a field validator, which migrations would have to import.
        if self.currency and pycountry.currencies.get(alpha_3=self.currency) is None:
            raise ValidationError({"currency": f"'{self.currency}' is not an ISO 4217 currency code "
                                               "(e.g. USD, EUR, KES)."})
        if self.max_per_grant and self.budget and self.max_per_grant > self.budget:
            raise ValidationError({"max_per_grant": "The maximum per grant cannot exceed the budget."})
        if self.opens_on and self.deadline and self.report_deadline and not (
                self.opens_on <= self.deadline < self.report_deadline):
            raise ValidationError({"deadline": "The call opens, then closes, then grantees report: "
                                               "opens on ≤ deadline < report deadline."})

    def eligible_kinds(self) -> list[str]:
        flags = [(self.open_to_students, ApplicantKind.STUDENT), (self.open_to_clubs, ApplicantKind.CLUB),
                 (self.open_to_womens_groups, ApplicantKind.WOMENS_GROUP)]
        return [str(kind) for is_open, kind in flags if is_open]

    def eligible_labels(self) -> list[str]:
        return [str(ApplicantKind(kind).label) for kind in self.eligible_kinds()]

    def is_open(self) -> bool:
        return self.opens_on <= timezone.localdate() <= self.deadline

    def awarded_amounts(self) -> list[Decimal]:
        return [a for a in self.applications.filter(status=Application.Status.FUNDED)
                .values_list("amount_awarded", flat=True) if a is not None]

    def awarded(self) -> Decimal:
        return grants.total(self.awarded_amounts())

    def remaining(self) -> Decimal:
        return grants.remaining(self.budget, self.awarded_amounts())


class RubricItem(models.Model):
    """One criterion reviewers score an application on (the secretariat edits the rubric per call)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rubric")
    name = models.CharField(max_length=200)
    guidance = models.CharField(max_length=500, blank=True)
    weight = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(1),
                                 validators=[MinValueValidator(Decimal(0))])
    max_score = models.PositiveSmallIntegerField(default=5, validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["call", "pk"]

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        FUNDED = "funded", "Funded"
        DECLINED = "declined", "Declined"

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="grant_applications")
    applicant_kind = models.CharField(max_length=20, choices=ApplicantKind.choices)
    group_name = models.CharField(max_length=300, help_text="Your club, group or university; listed "
                                  "publicly if the grant is made.")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL,
                                     help_text="The member organisation applying, if any.")
    country = models.ForeignKey("core.Country", null=True, blank=True, on_delete=models.SET_NULL)
    project_title = models.CharField(max_length=300)
    project = models.TextField(max_length=4000, help_text="What you will do.")
    advances_women = models.TextField(max_length=3000,
                                      help_text="How it advances women's participation in peace and "
                                                "security.")
    starts_on = models.DateField()
    ends_on = models.DateField()
    timeline = models.TextField(max_length=3000, help_text="The steps, with their months.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    amount_awarded = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    decision_reason = models.TextField(blank=True, max_length=2000)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "pk"]

    def __str__(self) -> str:
        return self.project_title

    def budget_total(self) -> Decimal:
        return grants.total(line.amount for line in self.budget_lines.all())


class BudgetLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    item = models.CharField(max_length=300)
    amount = models.DecimalField(max_digits=14, decimal_places=2, validators=POSITIVE)

    class Meta:
        ordering = ["application", "pk"]

    def __str__(self) -> str:
        return f"{self.item}: {self.amount}"


class Review(models.Model):
    """A reviewer's scores of one application, or her declared conflict of interest (then no scores)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    conflict = models.BooleanField(default=False, help_text="The reviewer declared a conflict of interest.")
    comment = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="one_review_each")]

    def __str__(self) -> str:
        return f"Review of {self.application_id} by {self.reviewer_id}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(RubricItem, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "item"]
        constraints = [models.UniqueConstraint(fields=["review", "item"], name="one_score_per_item")]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.score}"


class GrantReport(models.Model):
    """A grantee's report: what was done and what was spent (in the call's currency), with receipts."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="report")
    activities = models.TextField(max_length=5000)
    spent = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))])
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Report on {self.application}"


class Receipt(models.Model):
    """A file a grantee uploaded, kept under CRITICALMASS_UPLOAD_DIR by a random name, served only
    through grants:receipt to the grantee and the secretariat."""

    report = models.ForeignKey(GrantReport, on_delete=models.CASCADE, related_name="receipts")
    stored_name = models.CharField(max_length=100, unique=True)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class GrantReminder(models.Model):
    """Each reminder e-mail to a grantee, sent once: a second run skips the keys already here."""

    key = models.CharField(max_length=200, unique=True)
    recipient = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key
