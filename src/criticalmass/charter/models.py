"""The Charter and the accountability loop: signatures, commitments, reporting cycles, reports and
reviewers' verifications. Where a commitment stands is computed by lib.accountability."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
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
    goal = models.ForeignKey("charter.CharterGoal", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="commitments", help_text="The Charter goal it works towards.")
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


class CharterGoal(models.Model):
    """A structured, time-bound goal of one Charter version: what, target value and unit, deadline, and
    the processes or institutions it concerns."""

    version = models.ForeignKey(CharterVersion, on_delete=models.CASCADE, related_name="goals")
    order = models.PositiveIntegerField(default=1)
    what = models.CharField(max_length=300, help_text="e.g. Women among delegates.")
    target_value = models.DecimalField(max_digits=12, decimal_places=2)
    unit = models.CharField(max_length=50, help_text="e.g. %, posts, USD million.")
    deadline = models.DateField()
    processes = models.ManyToManyField("parity.Process", blank=True, related_name="charter_goals")
    institutions = models.CharField(max_length=500, blank=True,
                                    help_text="Institutions it concerns, in words, if not a process.")

    class Meta:
        ordering = ["version", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "what"],
                                               name="one_goal_of_a_kind_per_version")]

    def __str__(self) -> str:
        target = f"{self.target_value.normalize():f} {self.unit}"
        return f"v{self.version.number}: {self.what} — {target} by {self.deadline}"

    def scope(self) -> str:
        names = [p.name for p in self.processes.all()]
        return "; ".join([*names, *([self.institutions] if self.institutions else [])])


class Endorsement(models.Model):
    """A signatory's one-click endorsement of a later version: his signature stays as it was, listed
    under the version he signed, and this row says (publicly, with its date) he endorses the new one."""

    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="endorsements")
    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="endorsements")
    endorsed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["endorsed_at"]
        constraints = [models.UniqueConstraint(fields=["signature", "version"],
                                               name="one_endorsement_per_version")]

    def __str__(self) -> str:
        return f"{self.signature.name} endorsed v{self.version.number}"


class Consultation(models.Model):
    """A draft version opened by the secretariat to named organisations and advocates, for a period."""

    version = models.OneToOneField(CharterVersion, on_delete=models.PROTECT, related_name="consultation")
    opens_on = models.DateField()
    closes_on = models.DateField()
    organizations = models.ManyToManyField("core.Organization", blank=True, related_name="consultations",
                                           help_text="Invited organisations: their members comment.")
    advocates = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="consultations",
                                       help_text="Invited advocates (and other people), by name.")

    class Meta:
        ordering = ["-opens_on"]

    def __str__(self) -> str:
        return f"Consultation on v{self.version.number} ({self.opens_on} to {self.closes_on})"

    def is_open(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "The consultation closes after it opens."})
        if self.version_id and self.version.published_at is not None:
            raise ValidationError({"version": f"Version {self.version.number} is published or scheduled; "
                                   "consult on a draft (no publication date)."})


class ConsultationComment(models.Model):
    """A comment on one paragraph of a draft, by an invitee (on behalf of her organisation, or as an
    advocate, perhaps under a pseudonym), and the secretariat's answer."""

    class Response(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        CHANGED = "changed", "Accepted with changes"
        DECLINED = "declined", "Declined"

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", help_text="The invited organisation she speaks for.")
    pseudonym = models.CharField(max_length=100, blank=True, help_text="Shown instead of an advocate's name.")
    text = models.TextField(max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)
    response = models.CharField(max_length=10, choices=Response.choices, blank=True)
    reason = models.TextField(blank=True, max_length=1500, help_text="The secretariat's answer.")
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["paragraph", "created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on ¶{self.paragraph} of v{self.consultation.version.number}"

    def shown_author(self) -> str:
        if self.organization_id:
            return str(self.organization)
        return self.pseudonym or self.author.public_name


class ChampionVetting(models.Model):
    """Before a new partner is listed as a champion, women's organisations support or object; the
    secretariat decides. While pending or declined, his signature is not listed."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting women's organisations and the secretariat"
        LISTED = "listed", "Listed as a champion"
        DECLINED = "declined", "Not listed"

    partner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetting")
    opened_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return f"Vetting of {self.partner}"

    def supporters(self) -> int:
        """Women's organisations that support him (an organisation count, shown whatever its size)."""
        supporting = self.opinions.filter(stance=VettingOpinion.Stance.SUPPORT)
        return supporting.values("organization").distinct().count()


class VettingOpinion(models.Model):
    """A women's organisation's support or objection, given by one of its reviewers; the reason is seen by
    the secretariat only."""

    class Stance(models.TextChoices):
        SUPPORT = "support", "Support"
        OBJECT = "object", "Object"

    vetting = models.ForeignKey(ChampionVetting, on_delete=models.CASCADE, related_name="opinions")
    organization = models.ForeignKey("core.Organization", on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    stance = models.CharField(max_length=10, choices=Stance.choices)
    reason = models.TextField(max_length=1500, help_text="Seen by the secretariat only.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["vetting", "organization"],
                                               name="one_opinion_per_organisation")]

    def __str__(self) -> str:
        return f"{self.get_stance_display()} from {self.organization}"
