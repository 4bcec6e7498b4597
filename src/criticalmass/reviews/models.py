"""The gender review gate: a document that moves policy (a partner's draft policy, a mandate draft, a
national plan draft) is submitted, the secretariat assigns a gender adviser or focal point, who reviews
it against the checklist and returns it with comments. Its status shows wherever it is linked; every
status it had is kept (StatusChange, and the document's own history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from criticalmass.core.models import Organization
from criticalmass.parity.models import Process
from criticalmass.watchdog.models import Plan


class ChecklistItem(models.Model):
    """One thing a review checks; seeded from the mandate rubric, edited by the secretariat."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="What the reviewer looks for.")
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Inactive items are kept for past reviews only.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    NOT_REVIEWED = "not_reviewed", "Not reviewed"
    UNDER_REVIEW = "under_review", "Under review"
    CHANGES = "reviewed_with_changes", "Reviewed with changes"
    APPROVED = "approved", "Approved"


class Document(models.Model):
    class Kind(models.TextChoices):
        PARTNER_POLICY = "partner_policy", "A partner's draft policy"
        MANDATE_DRAFT = "mandate_draft", "A mandate draft"
        NATIONAL_PLAN_DRAFT = "national_plan_draft", "A national plan draft"
        OTHER = "other", "Another document that moves policy"

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True, help_text="Where the draft can be read.")
    excerpt = models.TextField(blank=True, max_length=5000, help_text="The passages to review.")
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="reviewed_documents")
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="reviewed_documents")
    process = models.ForeignKey(Process, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="reviewed_documents")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="submitted_documents")
    submitted_at = models.DateTimeField(auto_now_add=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="documents_to_review")
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NOT_REVIEWED,
                              db_index=True)
    comments = models.TextField(blank=True, max_length=10000, help_text="The reviewer's comments, returned.")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # Erasure (core.erasure): a document is the organisation's, not its submitter's; no field is personal.
    OWNER_FIELDS = ["submitted_by"]
    PERSONAL_FIELDS: list[str] = []

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return self.title


class StatusChange(models.Model):
    """One status a document took, by whom, when: the visible trail of the gate."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=30, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.status}"


class CheckResult(models.Model):
    """The reviewer's answer for one checklist item of one document."""

    class Answer(models.TextChoices):
        MET = "met", "Met"
        PARTLY = "partly", "Partly met"
        NOT_MET = "not_met", "Not met"
        NOT_APPLICABLE = "not_applicable", "Does not apply"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="checks")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=20, choices=Answer.choices)
    comment = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["item__order", "item__name"]
        constraints = [models.UniqueConstraint(fields=["document", "item"], name="one_check_per_item")]

    def __str__(self) -> str:
        return f"{self.document_id}/{self.item_id}: {self.answer}"
