"""Plans and laws on Women, Peace and Security, their actions, legal reporting duties, the rubric that
scores them, the Georgetown WPS Index and aid activities (IATI). Every record names its source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models

from criticalmass.core.models import Country, Source
from criticalmass.lib import plans as plan_rules


class Plan(models.Model):
    """A National Action Plan on Resolution 1325, a law, or a national strategy."""

    class Kind(models.TextChoices):
        NAP = "nap", "National Action Plan"
        LAW = "law", "Law"
        STRATEGY = "strategy", "Strategy"

    class Status(models.TextChoices):
        FROM_PERIOD = "", "From its period"
        IN_FORCE = plan_rules.IN_FORCE, "In force"
        EXPIRED = plan_rules.EXPIRED, "Expired"
        IN_DEVELOPMENT = plan_rules.IN_DEVELOPMENT, "In development"
        SUPERSEDED = plan_rules.SUPERSEDED, "Superseded"

    slug = models.SlugField(max_length=100, unique=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="plans")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NAP)
    generation = models.PositiveSmallIntegerField(null=True, blank=True,
                                                  help_text="1 for a country's first plan of this kind.")
    title = models.CharField(max_length=400, blank=True)
    adopted_year = models.PositiveSmallIntegerField(null=True, blank=True)
    adopted_month = models.PositiveSmallIntegerField(null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(null=True, blank=True)
    lead_agency = models.CharField(max_length=400, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, blank=True, default="",
                              help_text="Leave empty to read it from the period and the successors.")
    document_url = models.URLField(max_length=500, blank=True)
    # The rubric's answers; None is unknown (scores 0 and is shown as unknown).
    allocated_budget = models.BooleanField(null=True, blank=True)
    indicators_with_targets = models.BooleanField(null=True, blank=True)
    time_bound_actions = models.BooleanField(null=True, blank=True)
    monitoring_framework = models.BooleanField(null=True, blank=True)
    civil_society_involved = models.BooleanField(null=True, blank=True)
    source_title = models.CharField(max_length=400)
    source_url = models.URLField(max_length=500)
    verification = models.CharField(max_length=4, default="V",
                                    help_text="V read in the source, V2 secondary (see shared/research).")
    notes = models.TextField(blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT,
                               help_text="The imported file this plan came from.")
    source_row = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["country__name", "kind", "generation", "adopted_year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(adopted_month__isnull=True) | models.Q(
                adopted_month__gte=1, adopted_month__lte=12), name="watchdog_plan_month_1_12"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.country} {self.get_kind_display()} {self.generation or ''}".strip()

    @property
    def adopted(self) -> str:
        if self.adopted_year and self.adopted_month:
            return f"{self.adopted_year}-{self.adopted_month:02d}"
        return str(self.adopted_year or "")

    @property
    def period(self) -> str:
        if self.period_start or self.period_end:
            return f"{self.period_start or '?'}–{self.period_end or '?'}"
        return ""


class Obligation(models.Model):
    """A legal duty to deliver something (a strategy, a report to the legislature) by a date, or again
    and again. See lib/deadlines.py for how deliveries meet due dates."""

    slug = models.SlugField(max_length=100, unique=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="obligations")
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="obligations", help_text="The law or plan that imposes the duty.")
    title = models.CharField(max_length=300)
    legal_basis = models.CharField(max_length=300, blank=True)
    responsible = models.CharField(max_length=300, blank=True)
    first_due = models.DateField()
    every_months = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty: due once.")
    occurrences = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="With a recurrence: how many times; empty: for ever.")
    source_title = models.CharField(max_length=400)
    source_url = models.URLField(max_length=500)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["first_due", "title"]

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="deliveries")
    delivered_on = models.DateField()
    title = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500, blank=True)
    source_title = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["delivered_on"]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.obligation}: {self.delivered_on}"


class Agency(models.Model):
    """An agency that implements a plan (e.g. the Department of State under the US strategy)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="watchdog_agency_unique")]

    def __str__(self) -> str:
        return self.name


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    DELAYED = "delayed", "Delayed"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Action(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="actions")
    objective = models.CharField(max_length=500)
    indicator = models.CharField(max_length=500, blank=True)
    baseline = models.CharField(max_length=200, blank=True)
    target = models.CharField(max_length=200, blank=True)
    deadline = models.DateField(null=True, blank=True)
    responsible_unit = models.CharField(max_length=300, blank=True)
    budget_amount = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    budget_currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217, e.g. USD.")
    budget_year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.objective


class StatusUpdate(models.Model):
    """Who reported what about an action, when, with what evidence. A partner's report is a proposal
    until a reviewer or the secretariat accepts it; theirs apply at once."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    reported_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    note = models.TextField(blank=True)
    evidence_url = models.URLField(max_length=500, blank=True)
    accepted = models.BooleanField(default=False)

    class Meta:
        ordering = ["-reported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.status}"


class Criterion(models.Model):
    """One line of the scorecard rubric, with its weight: data the secretariat edits."""

    slug = models.SlugField(max_length=50, unique=True)
    label = models.CharField(max_length=200)
    weight = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(1))
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = "scorecard criterion"
        verbose_name_plural = "scorecard criteria"

    def __str__(self) -> str:
        return f"{self.label} (weight {self.weight})"


class WpsIndexScore(models.Model):
    """A country's Georgetown WPS Index score and rank in one edition, with its indicators."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="wps_index_scores")
    edition = models.PositiveSmallIntegerField()
    rank = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty: not ranked.")
    score = models.DecimalField(max_digits=8, decimal_places=6, null=True, blank=True)
    region = models.CharField(max_length=100, blank=True)
    indicators = models.JSONField(default=dict, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    source_row = models.PositiveIntegerField()

    class Meta:
        ordering = ["edition", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["country", "edition"], name="watchdog_wps_index_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.edition}: {self.score}"


def today() -> dt.date:
    """Today's date where the platform judges deadlines (settings.TIME_ZONE)."""
    from django.utils import timezone

    return timezone.localdate()


class AidActivity(models.Model):
    """An aid activity as published in the IATI Activity Standard (2.01-2.03, 1.01-1.05), linked to countries
    and actions. Codes are stored as IATI 2.x codes whatever the version read."""

    iati_identifier = models.CharField(max_length=200, unique=True)
    iati_version = models.CharField(
        max_length=10, blank=True,
        help_text="The IATI version the activity was read as (its own or its file's).")
    published = models.DateField(
        null=True, blank=True, help_text="The activity's last-updated-datetime, else its generated-datetime, "
                                         "else its file's generated-datetime.")
    dates = models.JSONField(default=list, blank=True,
                             help_text="[{type, date}]: activity-date types 1 planned start, 2 actual start, "
                                       "3 planned end, 4 actual end.")
    title = models.CharField(max_length=500, blank=True)
    reporting_org_ref = models.CharField(max_length=200)
    reporting_org_name = models.CharField(max_length=300, blank=True)
    participating_orgs = models.JSONField(default=list, blank=True,
                                          help_text="[{role, ref, type, name}] as published.")
    gender_marker = models.PositiveSmallIntegerField(
        null=True, blank=True,
        help_text="DAC gender equality policy marker: 0 not targeted, 1 significant, 2 principal.")
    sectors = models.JSONField(default=list, blank=True, help_text="[{vocabulary, code, percentage}].")
    budgets = models.JSONField(
        default=list, blank=True,
        help_text="[{type, status, period_start, period_end, value, currency, value_date}].")
    actions = models.ManyToManyField(Action, blank=True, related_name="aid_activities",
                                     help_text="The plan actions this activity funds.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    source_row = models.PositiveIntegerField(help_text="The line of the file where the activity starts.")

    class Meta:
        ordering = ["iati_identifier"]
        verbose_name_plural = "aid activities"

    def __str__(self) -> str:
        return f"{self.iati_identifier}: {self.title}"


class AidRecipient(models.Model):
    activity = models.ForeignKey(AidActivity, on_delete=models.CASCADE, related_name="recipients")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="aid_recipients")
    percentage = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)

    class Meta:
        ordering = ["country_id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "country"], name="watchdog_aid_recipient_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.country_id} {self.percentage}"


class AidTransaction(models.Model):
    activity = models.ForeignKey(AidActivity, on_delete=models.CASCADE, related_name="transactions")
    type = models.CharField(
        max_length=3, help_text="IATI TransactionType code: 2 commitment, 3 disbursement, 4 expenditure...")
    date = models.DateField()
    value = models.DecimalField(max_digits=20, decimal_places=2)
    currency = models.CharField(max_length=3)
    value_date = models.DateField(null=True, blank=True, help_text="The date of the value's exchange rate.")
    source_row = models.PositiveIntegerField()

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.type} {self.date} {self.value} {self.currency}"
