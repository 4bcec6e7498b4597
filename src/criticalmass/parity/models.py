"""Processes (negotiations, operations, reconstruction), who sat or served in them, and targets."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from criticalmass.core.models import Country, Source


class Process(models.Model):
    class Kind(models.TextChoices):
        NEGOTIATION = "negotiation", "Peace negotiation"
        OPERATION = "operation", "Peace operation"
        RECONSTRUCTION = "reconstruction", "Post-conflict reconstruction"
        # The UN's months without a mission breakdown (2018-03..2019-08): one process stands for every
        # peace operation together. Never a mission: rankings and mission lists leave it out.
        ALL_OPERATIONS = "all_operations", "All peace operations together (no mission breakdown)"

    class Sponsor(models.TextChoices):
        UN = "UN", "United Nations"
        AU = "AU", "African Union"
        ECOWAS = "ECOWAS", "ECOWAS"
        ASEAN = "ASEAN", "ASEAN"
        EU = "EU", "European Union"
        OTHER = "other", "Other"

    slug = models.SlugField(max_length=120, unique=True)
    code = models.CharField(max_length=60, blank=True, db_index=True, help_text="e.g. UNMISS")
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    sponsor = models.CharField(max_length=10, choices=Sponsor.choices, default=Sponsor.OTHER)
    host_country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "processes"

    def __str__(self) -> str:
        return self.name


class Category(models.TextChoices):
    """Who is counted: a peacekeeping category, or a delegate role at the negotiating table."""

    TOTAL = "total", "All uniformed personnel"
    TROOPS = "troops", "Troops"
    STAFF_OFFICERS = "staff_officers", "Staff officers"
    EXPERTS_ON_MISSION = "experts_on_mission", "Experts on mission / military observers"
    FORMED_POLICE = "formed_police", "Formed police units"
    INDIVIDUAL_POLICE = "individual_police", "Individual police"
    ALL_DELEGATES = "all_delegates", "All delegates"
    SIGNATORIES = "signatories", "Signatories"
    NEGOTIATORS = "negotiators", "Negotiators"
    MEDIATORS = "mediators", "Mediators"
    OBSERVERS = "observers", "Observers"
    LOGISTICS = "logistics", "Logistics"
    ADVISERS = "advisers", "Advisers"
    WOMENS_COMMITTEE = "womens_committee", "Women's committee members"
    UNKNOWN_ROLE = "unknown_role", "Role unknown"


PEACEKEEPING_CATEGORIES = [
    Category.TROOPS, Category.STAFF_OFFICERS, Category.EXPERTS_ON_MISSION, Category.FORMED_POLICE,
    Category.INDIVIDUAL_POLICE,
]
# What the peace operations' totals count: every mission, and the months reported without a breakdown.
PEACE_OPERATION_KINDS: list[str] = [Process.Kind.OPERATION, Process.Kind.ALL_OPERATIONS]
DELEGATE_ROLES = [
    Category.SIGNATORIES, Category.NEGOTIATORS, Category.MEDIATORS, Category.OBSERVERS,
    Category.LOGISTICS, Category.ADVISERS, Category.WOMENS_COMMITTEE, Category.UNKNOWN_ROLE,
]


class Observation(models.Model):
    """A count of people in one role of one process on one date, as the source gives it.

    `women`, `men` and `unknown` are null when the source does not say; `total` is what the
    source gives as the total. Nothing here is ever inferred from names.
    """

    # No index of its own: the (process, role, date) index below serves lookups by process.
    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    date = models.DateField()
    role = models.CharField(max_length=30, choices=Category.choices, db_index=True)
    contributing_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    document = models.CharField(
        max_length=100, blank=True, default="",
        help_text="The agreement or report counted, e.g. 'PA-X 8'; blank for monthly statistics.",
    )
    women = models.PositiveIntegerField(null=True, blank=True)
    men = models.PositiveIntegerField(null=True, blank=True)
    unknown = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField()
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    source_row = models.PositiveIntegerField(help_text="Line in the source file (header is line 1).")

    class Meta:
        ordering = ["process", "date", "role"]
        # Per source: two versions of a dataset (e.g. PADD coded at highest and at lowest position)
        # count the same process, date and role side by side. Clashes between datasets are refused
        # by the importer (importers.base.refuse_clashes).
        constraints = [
            models.UniqueConstraint(
                fields=["process", "date", "role", "contributing_country", "document", "source"],
                condition=Q(contributing_country__isnull=False),
                name="observation_unique_with_country",
            ),
            models.UniqueConstraint(
                fields=["process", "date", "role", "document", "source"],
                condition=Q(contributing_country__isnull=True),
                name="observation_unique_without_country",
            ),
        ]
        indexes = [models.Index(fields=["process", "role", "date"])]

    def __str__(self) -> str:
        return f"{self.process} {self.date} {self.role}: {self.women}/{self.total}"

    @property
    def share(self) -> float | None:
        if self.women is None or not self.total:
            return None
        return 100.0 * self.women / self.total


class TargetPolicy(models.Model):
    """A target the secretariat edits: escalating to parity, or anchored to official values."""

    class Kind(models.TextChoices):
        ESCALATING = "escalating", "Escalating: floor from a start year, rising each year"
        ANCHORED = "anchored", "Anchored: values per category and year, interpolated between"

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    citation = models.TextField(blank=True, help_text="Where the policy's numbers come from.")
    floor = models.DecimalField(max_digits=5, decimal_places=2, default=30,
                                help_text="Escalating: target (%) in the start year.")
    start_year = models.PositiveIntegerField(default=2025)
    step = models.DecimalField(max_digits=5, decimal_places=2, default=5,
                               help_text="Escalating: points added each year.")
    cap = models.DecimalField(max_digits=5, decimal_places=2, default=50,
                              help_text="The target never exceeds this (parity).")
    close_within = models.DecimalField(
        max_digits=5, decimal_places=2, default=5,
        help_text="A share this many points or fewer below target is 'close'.",
    )
    is_default = models.BooleanField(default=False, help_text="Used where no policy is chosen.")

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name_plural = "target policies"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Percentages within 0..100 and a floor no higher than the cap, each said plainly."""
        errors: dict[str, str] = {}
        for name, label in [("floor", "The floor"), ("step", "The yearly step"), ("cap", "The cap"),
                            ("close_within", "The 'close' margin")]:
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 100:
                errors[name] = f"{label} is a percentage: it must be between 0 and 100, not {value}."
        if "floor" not in errors and "cap" not in errors and self.floor is not None and self.cap is not None \
                and self.floor > self.cap:
            errors["floor"] = (f"The floor ({self.floor}%) is above the cap ({self.cap}%): the target would "
                               "start higher than it may ever be. Lower the floor or raise the cap.")
        if self.start_year is not None and not 1900 <= self.start_year <= 2100:
            errors["start_year"] = f"The start year must be between 1900 and 2100, not {self.start_year}."
        if errors:
            raise ValidationError(errors)


class TargetAnchor(models.Model):
    """An official (or secondary-sourced) target value of an anchored policy."""

    policy = models.ForeignKey(TargetPolicy, on_delete=models.CASCADE, related_name="anchors")
    role = models.CharField(max_length=30, choices=Category.choices)
    year = models.PositiveIntegerField()
    value = models.DecimalField(max_digits=5, decimal_places=2)
    citation = models.TextField(help_text="Where this value is published.")

    class Meta:
        ordering = ["policy", "role", "year"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "role", "year"], name="anchor_unique")
        ]

    def __str__(self) -> str:
        return f"{self.policy.slug} {self.role} {self.year}: {self.value}%"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.value is not None and not 0 <= self.value <= 100:
            errors["value"] = f"A target is a percentage: it must be between 0 and 100, not {self.value}."
        if self.year is not None and not 1900 <= self.year <= 2100:
            errors["year"] = f"The year must be between 1900 and 2100, not {self.year}."
        if errors:
            raise ValidationError(errors)


class DataAgePolicy(models.Model):
    """How old figures may be before the pages say so, and which missions the ranking still counts.

    One row, edited by the secretariat (design rule 6: thresholds are data, not constants).
    """

    stale_after_months = models.PositiveSmallIntegerField(
        default=12,
        help_text="A page whose latest month is more than this many months old says so in a banner.")
    report_window_months = models.PositiveSmallIntegerField(
        default=3, help_text="The ranking on a month ranks a mission on its latest month within this many "
        "months up to that month (1 = that month only); a mission with no month in the window, or closed "
        "by then, is listed apart.")

    class Meta:
        verbose_name = "data age policy"
        verbose_name_plural = "data age policy"

    def __str__(self) -> str:
        return (f"Stale after {self.stale_after_months} months; "
                f"ranking window {self.report_window_months} months")

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.stale_after_months is not None and self.stale_after_months < 1:
            errors["stale_after_months"] = "Figures are stale after at least 1 month."
        if self.report_window_months is not None and self.report_window_months < 1:
            errors["report_window_months"] = "The window holds at least the month ranked (1)."
        if errors:
            raise ValidationError(errors)
