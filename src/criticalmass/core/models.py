"""Who uses the platform, and what every figure rests on: countries, organizations, sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", "Secretariat"
    PARTNER = "partner", "Partner"
    ADVOCATE = "advocate", "Advocate"
    REVIEWER = "reviewer", "Reviewer"
    VISITOR = "visitor", "Visitor"


class User(AbstractUser):
    """An account. Anonymous people are visitors too; `role` says what a logged-in person may do."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VISITOR)
    display_name = models.CharField(
        max_length=200, blank=True, help_text="Shown publicly instead of the username; may be a pseudonym."
    )

    def has_role(self, *roles: str) -> bool:
        return self.is_active and (self.is_superuser or self.role in roles)

    @property
    def is_secretariat(self) -> bool:
        return self.has_role(Role.SECRETARIAT)


class Country(models.Model):
    """A country or territory, keyed by its ISO 3166-1 alpha-3 code."""

    iso3 = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=200)
    region = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Government"
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental"
        CIVIL_SOCIETY = "civil_society", "Civil society"
        WOMENS_ORGANIZATION = "womens_organization", "Women's organisation"
        BUSINESS = "business", "Business"
        ACADEMIC = "academic", "Academic"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Source(models.Model):
    """A dataset file a figure comes from. Every Observation points at one, down to the row."""

    slug = models.SlugField(max_length=100, unique=True)
    dataset = models.CharField(max_length=300)
    publisher = models.CharField(max_length=300)
    version = models.CharField(max_length=100, blank=True)
    file = models.CharField(max_length=300, help_text="File name as published (no local path).")
    url = models.URLField(blank=True)
    licence = models.CharField(max_length=300, blank=True)
    citation = models.TextField()
    sha256 = models.CharField(max_length=64, blank=True, help_text="Checksum of the last imported file.")
    imported_at = models.DateTimeField(null=True, blank=True)
    label = models.CharField(
        max_length=300, blank=True,
        help_text="What sets this version apart, as given on import "
                  "(e.g. 'delegates at their lowest position').",
    )
    coverage = models.CharField(max_length=100, blank=True, help_text="First and last date of the data.")
    is_default = models.BooleanField(
        default=True,
        help_text="Pages and figures count this source's observations. One source per dataset is the "
                  "default: choosing one here unsets the others of the same dataset.",
    )

    class Meta:
        ordering = ["dataset"]

    def __str__(self) -> str:
        return f"{self.dataset}{f' [{self.label}]' if self.label else ''} ({self.file})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        if self.is_default:
            Source.objects.filter(dataset=self.dataset, is_default=True).exclude(pk=self.pk).update(
                is_default=False)


class DataNote(models.Model):
    """A flaw of a source, as its import found it: stored, shown beside the figure it concerns.

    `subject` names the record it concerns as a plain key ("agreement:8",
    "observation:unmiss/2013-01-31/troops/GHA"); an empty subject concerns the file as a whole.
    A re-import of the source replaces all its notes.
    """

    class Severity(models.TextChoices):
        INFO = "info", "Information"
        WARNING = "warning", "Warning"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="notes")
    source_row = models.PositiveIntegerField(null=True, blank=True)
    kind = models.SlugField(max_length=50)
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.WARNING)
    subject = models.CharField(max_length=200, blank=True, db_index=True)
    message = models.TextField()

    class Meta:
        ordering = ["source_id", "source_row", "pk"]
        indexes = [models.Index(fields=["source", "kind"])]

    def __str__(self) -> str:
        return f"{self.source_id} line {self.source_row}: {self.message}"


class AuditEvent(models.Model):
    """Who did what, when: imports, exports of sensitive data, permission-relevant changes."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=100)
    target = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target}"


def audit(action: str, target: str = "", user: User | None = None, *,
          detail: Mapping[str, object] | None = None) -> AuditEvent:
    """Record an event; `detail` is one mapping, so its keys never collide with the parameters."""
    return AuditEvent.objects.create(action=action, target=target, user=user, detail=dict(detail or {}))


class DataVersion(models.Model):
    """One row: a number bumped whenever what the figures are computed from changes (an import that
    changed something, an edit in the admin). Cached figures are keyed by it (core.data_version)."""

    number = models.PositiveBigIntegerField(default=0)
    # Random at each bump: a database restored from a backup, or a transaction rolled back, never
    # brings back a number that figures were cached under for other data.
    stamp = models.CharField(max_length=32, blank=True)

    def __str__(self) -> str:
        return f"data version {self.number}"
