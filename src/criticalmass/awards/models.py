"""Distinguished Partner Awards: a round with categories and weighted criteria, nominations by women's
organisations and members (each with the nominee's record as the platform held it), the jury's marks
with conflict-of-interest declarations, and the secretariat's decisions with their reasons.

Scores are computed by lib.awards from the marks, never typed. Decisions keep every version.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

MAX_MARK = Decimal(10)


class Round(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=300)
    description = models.TextField(max_length=5000, blank=True)
    nominations_open = models.DateField()
    nominations_close = models.DateField()
    published_at = models.DateTimeField(null=True, blank=True,
                                        help_text="When the laureates were published; empty until then.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-nominations_close", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        opens, closes = self.nominations_open, self.nominations_close
        if opens and closes and closes < opens:
            raise ValidationError({"nominations_close": "Nominations cannot close before they open."})

    def taking_nominations(self) -> bool:
        return self.nominations_open <= timezone.localdate() <= self.nominations_close


class Category(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=200)
    description = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["round", "pk"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """What the jury marks, 0–10, weighed as the secretariat sets it (e.g. commitments met and verified)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=200)
    guidance = models.CharField(max_length=500, blank=True)
    weight = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(1),
                                 validators=[MinValueValidator(Decimal(0))])

    class Meta:
        ordering = ["round", "pk"]
        verbose_name_plural = "criteria"

    def __str__(self) -> str:
        return f"{self.name} (×{self.weight})"


class Juror(models.Model):
    """A reviewer the secretariat appointed to a round's jury."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["round", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_seat_per_juror")]

    def __str__(self) -> str:
        return f"{self.user} on {self.round}"


class Nomination(models.Model):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="nominations")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="nominations")
    nominee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="nominations")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL,
                                     help_text="The nominee's organisation, when the award is also theirs.")
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(max_length=3000)
    record = models.JSONField(default=dict, help_text="The nominee's record on the platform when nominated.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "category", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "category", "nominee"],
                                               name="one_nomination_per_category")]

    def __str__(self) -> str:
        return f"{self.nominee} for {self.category}"


class Declaration(models.Model):
    """A juror's conflict-of-interest declaration on a nomination; with a conflict, she marks nothing."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="declarations")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    conflict = models.BooleanField()
    note = models.CharField(max_length=500, blank=True)
    declared_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["nomination", "pk"]
        constraints = [models.UniqueConstraint(fields=["nomination", "juror"], name="one_declaration_each")]

    def __str__(self) -> str:
        return f"{self.juror_id} on {self.nomination_id}: {'conflict' if self.conflict else 'none'}"


class Mark(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="marks")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="marks")
    value = models.DecimalField(max_digits=4, decimal_places=2,
                                validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_MARK)])
    history = HistoricalRecords()

    class Meta:
        ordering = ["nomination", "criterion", "pk"]
        constraints = [models.UniqueConstraint(fields=["nomination", "juror", "criterion"],
                                               name="one_mark_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"


class Decision(models.Model):
    """The laureate of a category, with the reason (and how a tie was broken, when there was one)."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="decisions")
    category = models.OneToOneField(Category, on_delete=models.PROTECT, related_name="decision")
    laureate = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True,
                                help_text="The laureate's score when decided (computed).")
    tie = models.BooleanField(default=False, help_text="Several nominees led with the same score.")
    reason = models.TextField(max_length=3000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "category"]

    def __str__(self) -> str:
        return f"{self.category}: {self.laureate}"
