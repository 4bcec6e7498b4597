"""The Charter and the accountability loop: signatures, commitments, reporting cycles, reports and
reviewers' verifications. Where a commitment stands is computed by lib.accountability."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from criticalmass.lib import accountability, revisions


class CharterVersion(models.Model):
    """One version of the Charter's text. Drafts (no published_at) are never shown publicly."""

    number = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=300)
    text = models.TextField()
    summary_of_changes = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True, help_text="Empty while a draft.")

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Charter v{self.number}: {self.title}"


def published() -> models.QuerySet[CharterVersion]:
    """Versions whose publication time has come; a later time schedules a version."""
    return CharterVersion.objects.filter(published_at__lte=timezone.now())


def current_version() -> CharterVersion | None:
    return published().order_by("-number").first()


class Signature(models.Model):
    """A partner's signature, listed publicly because they consented. Withdrawn ones are kept, unlisted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signatures")
    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="signatures")
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL)
    consented_at = models.DateTimeField(help_text="When the partner consented to be listed publicly.")
    signed_at = models.DateTimeField(default=timezone.now)
    show_profile = models.BooleanField(default=False, help_text="Show the photo and bio publicly.")
    photo_url = models.URLField(blank=True)
    bio = models.TextField(blank=True, max_length=1000)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["signed_at"]
        constraints = [models.UniqueConstraint(fields=["user"], condition=models.Q(withdrawn_at__isnull=True),
                                               name="one_active_signature_per_user")]

    def __str__(self) -> str:
        return f"{self.name} signed v{self.version.number}"


class ReportingCycle(models.Model):
    """Opened by the secretariat: commitments made for it are reported on by its deadline."""

    name = models.CharField(max_length=100, unique=True)
    opens_on = models.DateField()
    deadline = models.DateField()
    min_commitments = models.PositiveIntegerField(default=1, help_text="Commitments each partner makes.")

    class Meta:
        ordering = ["-deadline"]

    def __str__(self) -> str:
        return self.name

    def is_open(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.deadline


class Commitment(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="commitments")
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="commitments")
    what = models.TextField(help_text="What you will do.")
    indicator = models.CharField(max_length=300)
    baseline = models.CharField(max_length=200)
    target = models.CharField(max_length=200)
    deadline = models.DateField()
    process = models.ForeignKey("parity.Process", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="commitments")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL)
    event = models.ForeignKey("events.Event", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="commitments")
    plan = models.ForeignKey("watchdog.Plan", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="commitments",
                             help_text="The National Action Plan or law it concerns.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-cycle__deadline", "pk"]

    def __str__(self) -> str:
        return self.what[:80]

    def status(self, today: dt.date | None = None) -> str:
        report = getattr(self, "report", None)
        return accountability.status(self.cycle.deadline, today or timezone.localdate(),
                                     report.progress if report else None)

    def status_label(self) -> str:
        return accountability.STATUS_LABELS[self.status()]

    def disputed(self) -> bool:
        report = getattr(self, "report", None)
        return bool(report and report.disputed())


class Report(models.Model):
    class Progress(models.TextChoices):
        EXCEEDED = "exceeded", "Exceeded"
        MET = "met", "Met"
        LIMITED = "limited", "Limited progress"
        NONE = "none", "No progress"

    commitment = models.OneToOneField(Commitment, on_delete=models.CASCADE, related_name="report")
    progress = models.CharField(max_length=20, choices=Progress.choices)
    narrative = models.TextField(max_length=1500)
    evidence = models.TextField(blank=True, help_text="Evidence links, one web address a line.")
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"Report on {self.commitment}"

    def evidence_links(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]

    def disputed(self) -> bool:
        return any(v.verdict == Verification.Verdict.DISPUTE for v in self.verifications.all())

    def confirmed(self) -> bool:
        """Confirmed by every reviewer, of the text shown now (a later edit undoes a confirmation)."""
        verifications = list(self.verifications.all())
        return bool(verifications) and all(v.verdict == Verification.Verdict.CONFIRM and not v.changed()
                                           for v in verifications)

    def changed_after_verification(self) -> bool:
        return any(v.changed() for v in self.verifications.all())

    def fingerprint(self) -> str:
        """What a reviewer verifies: the report and the terms of its commitment."""
        return revisions.fingerprint(verified_fields(self.commitment, self))


COMMITMENT_TERMS = ["what", "indicator", "baseline", "target", "deadline"]
REPORT_TEXT = ["progress", "narrative", "evidence"]


def verified_fields(commitment: object, report: object) -> dict[str, object]:
    """The fields a verdict is bound to, read from the rows or from their historical versions."""
    return {**{name: getattr(commitment, name) for name in COMMITMENT_TERMS},
            **{name: getattr(report, name) for name in REPORT_TEXT}}


class Verification(models.Model):
    """A reviewer's verdict on a report, given on behalf of her women's organisation (shown publicly); a
    dispute is shown publicly beside the partner's answer."""

    class Verdict(models.TextChoices):
        CONFIRM = "confirm", "Confirmed"
        DISPUTE = "dispute", "Disputed"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="verifications")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", help_text="The women's organisation that verified.")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    comment = models.TextField(max_length=1500)
    answer = models.TextField(blank=True, max_length=1500, help_text="The partner's answer.")
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    verified_report = models.ForeignKey(
        "charter.HistoricalReport", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The version of the report this verdict was given on.")
    verified_commitment = models.ForeignKey(
        "charter.HistoricalCommitment", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The version of the commitment this verdict was given on.")
    verified_fingerprint = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of the verified report and commitment terms.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["report", "reviewer"],
                                               name="one_verdict_per_reviewer")]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} by {self.reviewer}"

    def changed(self) -> bool:
        """Whether the report or its commitment changed since this verdict was given."""
        return bool(self.verified_fingerprint) and self.verified_fingerprint != self.report.fingerprint()


class Reminder(models.Model):
    """Each reminder e-mail, sent once: the key says what it was about, so a second run skips it."""

    key = models.CharField(max_length=200, unique=True)
    recipient = models.EmailField()
    subject = models.CharField(max_length=300)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key
