"""Evidence, practices and stories, and the "click here" cards: what the hub shows.

Tags (argument types, audiences, themes) are stored as ",a,b," so that one LIKE finds a tag on
SQLite and PostgreSQL alike (JSONField containment is not available on SQLite).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from simple_history.models import HistoricalRecords

from criticalmass.core.models import Country


class Grade(models.TextChoices):
    VERIFIED = "verified", "Verified in the primary source"
    SECONDARY = "secondary", "Secondary source only"
    RECALLED = "recalled", "Recalled, not checked"
    INFERRED = "inferred", "Inferred"


class Kind(models.TextChoices):
    EVIDENCE = "evidence", "Evidence"
    BASELINE = "baseline", "Baseline"
    TARGET = "target", "Target"
    OBLIGATION = "obligation", "Obligation"
    COUNTER = "counter-evidence", "Counter-evidence"


class Argument(models.TextChoices):
    EMPIRICAL = "empirical_effectiveness", "Empirical effectiveness"
    RIGHTS = "legal_rights", "Legal and human rights"
    SECURITY = "security_utilitarian", "Security"
    PERSONAL = "personal_relational", "Personal and relational"
    CAREER = "career_reputation", "Career and reputation"


AUDIENCE_TAGS = [
    "military",
    "police",
    "peacekeeping_tcc",
    "diplomats",
    "mediators",
    "development_donors",
    "legislators",
    "business",
    "civil_society",
    "un_system",
    "academics",
    "general_public",
    "men_allies",
]


def tags_text(values: list[str]) -> str:
    return "," + ",".join(values) + "," if values else ""


def tags_list(text: str) -> list[str]:
    return [t for t in text.split(",") if t]


def has_tag(field: str, tag: str) -> Q:
    return Q(**{f"{field}__contains": f",{tag},"})


class EvidenceQuerySet(models.QuerySet["Evidence"]):
    def public(self) -> EvidenceQuerySet:
        """Verified items, unless the secretariat decided otherwise for one item."""
        return self.filter(Q(public=True) | Q(public__isnull=True, grade=Grade.VERIFIED))


class Evidence(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    claim = models.TextField()
    number = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=200, blank=True)
    year = models.CharField(max_length=20, blank=True, help_text="Year or period the number describes.")
    source_title = models.CharField(max_length=400)
    source_org = models.CharField(max_length=300)
    source_year = models.PositiveIntegerField(null=True, blank=True)
    url = models.URLField(max_length=500, blank=True)
    grade = models.CharField(max_length=20, choices=Grade.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    arguments = models.CharField(max_length=300, blank=True, help_text="Argument types, comma-separated.")
    audiences = models.CharField(max_length=500, blank=True, help_text="Audience tags, comma-separated.")
    themes = models.CharField(max_length=500, blank=True, help_text="Themes, comma-separated.")
    qualifies = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="qualified_by",
        help_text="For counter-evidence: the claims it qualifies, shown beside them.",
    )
    public = models.BooleanField(
        null=True, blank=True, help_text="Empty: public only if verified. Yes or No overrides the grade."
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.claim[:80]

    @property
    def is_public(self) -> bool:
        return self.public if self.public is not None else self.grade == Grade.VERIFIED

    @property
    def argument_list(self) -> list[str]:
        return tags_list(self.arguments)

    @property
    def argument_labels(self) -> list[str]:
        labels = dict(Argument.choices)
        return [str(labels.get(a, a)) for a in self.argument_list]

    @property
    def audience_list(self) -> list[str]:
        return tags_list(self.audiences)

    @property
    def theme_list(self) -> list[str]:
        return tags_list(self.themes)

    def citation(self) -> str:
        year = f", {self.source_year}" if self.source_year else ""
        return f"{self.source_org}, “{self.source_title}”{year}"

    def figure(self) -> str:
        if self.number is None:
            return ""
        number = f"{self.number.normalize():f}"
        return f"{number}{self.unit}" if self.unit.startswith("%") else f"{number} {self.unit}".strip()

    def clean(self) -> None:
        unknown = set(self.argument_list) - set(Argument.values)
        if unknown:
            raise ValidationError({"arguments": f"Unknown argument types: {', '.join(sorted(unknown))}."})
        unknown = set(self.audience_list) - set(AUDIENCE_TAGS)
        if unknown:
            raise ValidationError({"audiences": f"Unknown audience tags: {', '.join(sorted(unknown))}."})


def public_evidence() -> QuerySet[Evidence]:
    return Evidence.objects.public().prefetch_related("qualified_by")


class Status(models.TextChoices):
    PENDING = "pending", "Awaiting review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Not published"


class Practice(models.Model):
    """A best practice, toolkit or story, submitted by a logged-in person, public once reviewed."""

    class Type(models.TextChoices):
        PRACTICE = "practice", "Best practice"
        TOOLKIT = "toolkit", "Toolkit"
        STORY = "story", "Story"

    slug = models.SlugField(max_length=80, unique=True)
    type = models.CharField(max_length=20, choices=Type.choices, default=Type.PRACTICE)
    title = models.CharField(max_length=200)
    what = models.TextField(help_text="What was done, or the story.")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    where = models.CharField(max_length=200, blank=True, help_text="Place, region or institution.")
    who = models.CharField(max_length=300, blank=True)
    results = models.TextField(blank=True)
    contacts = models.TextField(blank=True, help_text="Shown publicly only if the author agreed to it.")
    show_contacts = models.BooleanField(default=False)
    themes = models.CharField(max_length=500, blank=True, help_text="Themes, comma-separated.")
    anonymous = models.BooleanField(default=False, help_text="Publish without the author's name.")
    consent = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="practices")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # The contacts are never copied into the history: past contact details would outlive the author's
    # wish to change or remove them.
    history = HistoricalRecords(excluded_fields=["contacts"])
    # Erasure (core.erasure): the author's stories are hers; these fields of their history are personal.
    OWNER_FIELDS = ["author"]
    PERSONAL_FIELDS = ["where", "who"]
    AUDIT_HIDDEN = ["contacts"]  # the admin's audit never copies them (core.admin_audit)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def byline(self) -> str:
        if self.author.deleted_at is not None:
            return "An advocate"
        if self.anonymous:
            return "Anonymous"
        return self.author.public_name

    @property
    def public_who(self) -> str:
        """Who did it, as the public sees it: nothing for an anonymous story (an organisation names her)."""
        return "" if self.anonymous else self.who

    @property
    def public_where(self) -> str:
        """The place, as the public sees it: for an anonymous story, the country only (a village or an
        institution could name her)."""
        return "" if self.anonymous else self.where

    @property
    def theme_list(self) -> list[str]:
        return tags_list(self.themes)


class ConsentRequest(models.Model):
    """The secretariat asks a story's author to change how it is published (anonymous, contacts shown);
    nothing changes until she confirms on her own page."""

    class Field(models.TextChoices):
        ANONYMOUS = "anonymous", "Publish without her name"
        SHOW_CONTACTS = "show_contacts", "Publish her contacts"

    class Answer(models.TextChoices):
        PENDING = "pending", "Waiting for the author"
        CONFIRMED = "confirmed", "Confirmed by the author"
        DECLINED = "declined", "Declined by the author"

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="consent_requests")
    field = models.CharField(max_length=20, choices=Field.choices)
    value = models.BooleanField(help_text="The value asked for.")
    reason = models.CharField(max_length=300, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    answer = models.CharField(max_length=10, choices=Answer.choices, default=Answer.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.practice_id}: {self.field}={self.value} ({self.answer})"

    @property
    def asked(self) -> str:
        """The change asked for, in words."""
        if self.field == self.Field.ANONYMOUS:
            return "Publish it without your name" if self.value else "Publish it with your name"
        return "Publish your contacts" if self.value else "Stop publishing your contacts"


class Card(models.Model):
    """One "click here" card: where a role should go first. Edited by the secretariat."""

    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=100, help_text="The role, e.g. 'Mission leader'.")
    blurb = models.CharField(max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title


class CardLink(models.Model):
    class Type(models.TextChoices):
        DATA = "data", "Data"
        EVIDENCE = "evidence", "Evidence"
        PRACTICE = "practice", "Practices"
        SUPPORT = "support", "Support"

    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="links")
    type = models.CharField(max_length=20, choices=Type.choices)
    label = models.CharField(max_length=200)
    url = models.CharField(max_length=500, help_text="A path on this site (/negotiations/) or a web address.")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if not (
            self.url.startswith("/") or self.url.startswith("https://") or self.url.startswith("http://")
        ):
            raise ValidationError({"url": "Give a path on this site starting with / or a web address."})


class SearchDocument(models.Model):
    """One searchable item (evidence, practice, process, country), public only.

    SQLite indexes it in an FTS5 table kept in step by triggers; PostgreSQL in `vector`, a tsvector
    filled by the search service. Both are created in migrations.
    """

    type = models.CharField(max_length=20, db_index=True)
    ref = models.CharField(max_length=120)
    title = models.CharField(max_length=400)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    country = models.CharField(max_length=3, blank=True)
    kind = models.CharField(max_length=20, blank=True)
    themes = models.CharField(max_length=500, blank=True)
    audiences = models.CharField(max_length=500, blank=True)
    arguments = models.CharField(max_length=300, blank=True)
    vector = SearchVectorField(null=True, editable=False, help_text="PostgreSQL only; a trigger fills it.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["type", "ref"], name="searchdocument_unique")]

    def __str__(self) -> str:
        return f"{self.type}: {self.title}"
