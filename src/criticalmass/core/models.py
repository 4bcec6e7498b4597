"""Who uses the platform, and what every figure rests on: countries, organizations, sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.db import models
from django.utils.text import slugify


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", "Secretariat"
    PARTNER = "partner", "Partner"
    ADVOCATE = "advocate", "Advocate"
    REVIEWER = "reviewer", "Reviewer"
    VISITOR = "visitor", "Visitor"


# Languages a member may choose for mail (and, when the interface is translated, the pages).
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")]


class UserManager(BaseUserManager["User"]):
    """Django's manager, taking the platform roles to grant as `roles=[...]`."""

    use_in_migrations = False  # migrations never import the application (tests/test_migrations.py)

    def create_user(self, username: str, email: str | None = None, password: str | None = None,
                    roles: Iterable[str] = (), **extra_fields: Any) -> User:
        user = super().create_user(username, email, password, **extra_fields)
        for role in roles:
            user.grant(role)
        return user

    def create_superuser(self, username: str, email: str | None = None, password: str | None = None,
                         roles: Iterable[str] = (), **extra_fields: Any) -> User:
        user = super().create_superuser(username, email, password, **extra_fields)
        for role in roles:
            user.grant(role)
        return user


class User(AbstractUser):
    """An account. What a person may do comes from their platform roles (RoleGrant) and their
    memberships of organisations, never from being a superuser: superuser is for operating the site.

    Publicly a member is shown by `slug` and `display_name`, never by the login name.
    """

    display_name = models.CharField(
        max_length=200, blank=True, help_text="Shown publicly instead of the username; may be a pseudonym."
    )
    slug = models.SlugField(max_length=120, unique=True, null=True, blank=True,
                            help_text="The member's public address; never the login name.")
    notify_reminders = models.BooleanField(default=True, help_text="Reminders of reporting deadlines.")
    notify_reviews = models.BooleanField(default=True,
                                         help_text="Notices of reports awaiting verification.")
    language = models.CharField(max_length=8, choices=LANGUAGES, default="en",
                                help_text="The language of mails and, later, of the pages.")
    deleted_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member deleted their data; shown as a former member.")

    objects = UserManager()  # type: ignore[misc]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = unique_slug(self.display_name or "member", exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def roles(self) -> frozenset[str]:
        """The platform roles held, read once per loaded account."""
        cached: frozenset[str] | None = self.__dict__.get("_roles")
        if cached is None:
            cached = frozenset(self.role_grants.values_list("role", flat=True)) if self.pk else frozenset()
            self.__dict__["_roles"] = cached
        return cached

    @property
    def role_list(self) -> list[str]:
        return sorted(self.roles)

    def has_role(self, *roles: str) -> bool:
        """The one check every view calls. Superusers get nothing for being superusers."""
        return self.is_active and bool(self.roles.intersection(roles))

    def grant(self, role: str, by: User | None = None) -> None:
        RoleGrant.objects.get_or_create(user=self, role=role, defaults={"granted_by": by})
        self.__dict__.pop("_roles", None)

    def revoke(self, role: str) -> None:
        RoleGrant.objects.filter(user=self, role=role).delete()
        self.__dict__.pop("_roles", None)

    @property
    def is_secretariat(self) -> bool:
        return self.has_role(Role.SECRETARIAT)

    @property
    def public_name(self) -> str:
        """The display name or pseudonym; never the login name."""
        if self.deleted_at is not None:
            organisation = self.organizations.order_by("name").values_list("name", flat=True).first()
            return f"Former member of {organisation}" if organisation else "Former member"
        if self.display_name:
            return self.display_name
        return "A member" if self.is_active else "Former member"


def unique_slug(text: str, exclude_pk: int | None = None) -> str:
    base = slugify(text)[:100] or "member"
    candidate, number = base, 1
    others = User.objects.exclude(pk=exclude_pk) if exclude_pk is not None else User.objects.all()
    while others.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class RoleGrant(models.Model):
    """One platform role held by one account; an account may hold several."""

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)
    granted_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["user_id", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_grant_per_role")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.role}"


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
    """An organisation members belong to. Proposed ones (from a request to join) wait for the secretariat."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Government"
        MILITARY_POLICE = "military_police", "Military or police"
        INTERGOVERNMENTAL = "intergovernmental", "UN or regional body"
        CIVIL_SOCIETY = "civil_society", "Civil society"
        WOMENS_ORGANIZATION = "womens_organization", "Women's organisation"
        BUSINESS = "business", "Business"
        ACADEMIC = "academic", "Academic"
        YOUTH_CLUB = "youth_club", "Youth club"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    website = models.URLField(blank=True)
    members = models.ManyToManyField("core.User", through="core.Membership", related_name="organizations")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A member of an organisation, with their role in it. Permissions follow memberships."""

    class Position(models.TextChoices):
        MEMBER = "member", "Member"
        FOCAL_POINT = "focal_point", "Focal point"
        HEAD = "head", "Head"

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    position = models.CharField(max_length=20, choices=Position.choices, default=Position.MEMBER)
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization__name", "user_id"]
        constraints = [models.UniqueConstraint(fields=["user", "organization"],
                                               name="one_membership_per_org")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.organization_id} ({self.position})"


class JoinRequest(models.Model):
    """A request to join: the account exists, holds no role and shows nowhere until the secretariat
    approves."""

    class Kind(models.TextChoices):
        CHAMPION = "champion", "Champion (partner)"
        WOMENS_ORGANIZATION = "womens_organization", "Women's organisation (reviewer)"
        ADVOCATE = "advocate", "Grassroots advocate"
        YOUTH = "youth", "University or youth club"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the secretariat"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    user = models.OneToOneField("core.User", on_delete=models.CASCADE, related_name="join_request")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="join_requests")
    proposed_organization = models.CharField(max_length=300, blank=True)
    proposed_kind = models.CharField(max_length=30, choices=Organization.Kind.choices, blank=True)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    languages = models.CharField(max_length=200)
    why = models.TextField(max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(blank=True, max_length=2000, help_text="Why it was declined; told to them.")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.user_id} as {self.kind} ({self.status})"


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


class OutboxMail(models.Model):
    """A mail to send, written in the same transaction as the change it tells of (core.outbox), so it is
    never lost: the queue sends it after the commit, retrying with back-off; after the last try it is
    marked failed and the secretariat sees it (/secretariat/outbox/) and can try again."""

    class Status(models.TextChoices):
        PENDING = "pending", "waiting to be sent"
        SENT = "sent", "sent"
        FAILED = "failed", "failed after every try"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="outbox_mails")
    recipient = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    kind = models.CharField(max_length=50, help_text="What the mail is about: reminder, review, decision.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(help_text="Not tried again before this time.")
    claimed_until = models.DateTimeField(null=True, blank=True,
                                         help_text="A sender holds the mail until then (no double sending).")
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="core_outbox_due")]

    def __str__(self) -> str:
        return f"{self.subject} to {self.recipient} ({self.status})"
