"""Panel pledge and manel watch: events have panels, panels have speakers whose gender is
self-declared or unknown (never guessed); a roster of women experts who opted in to be suggested."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from criticalmass.lib import panels

RESERVED_SLUGS = {"pledge", "tallies", "new"}  # /events/pledge/, /events/tallies/, /events/new/: pages


class PanelPledge(models.Model):
    """A partner's pledge not to sit on panels without women."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="panel_pledge")
    taken_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Panel pledge of {self.user}"


class PanelPolicy(models.Model):
    """The secretariat's tokenism rule (one row): a panel below the threshold share of women, or with a
    single woman if so set, is token."""

    threshold = models.DecimalField(max_digits=5, decimal_places=1, default=Decimal("30.0"),
                                    validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(100)],
                                    help_text="Women's share (%) below which a panel is token.")
    single_woman_is_token = models.BooleanField(
        default=True, help_text="A single woman among three speakers or more is token.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "panel policy"

    def __str__(self) -> str:
        single = ", a single woman is token" if self.single_woman_is_token else ""
        return f"Token below {self.threshold}% women{single}"

    @classmethod
    def current(cls) -> panels.Policy:
        found = cls.objects.order_by("pk").first()
        if found is None:
            return panels.Policy()
        return panels.Policy(float(found.threshold), found.single_woman_is_token)


class Event(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=300)
    date = models.DateField()
    place = models.CharField(max_length=200, blank=True)
    organizer = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.SET_NULL)
    url = models.URLField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"'{self.slug}' is the address of another page; choose another."})


class Panel(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="panels")
    title = models.CharField(max_length=300)
    topics = models.CharField(max_length=300, blank=True, help_text="Comma-separated, e.g. mediation.")
    language = models.CharField(max_length=50, blank=True, help_text="e.g. English, French, Arabic.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "pk"]

    def __str__(self) -> str:
        return f"{self.event}: {self.title}"

    def genders(self) -> list[str]:
        return [speaker.gender for speaker in self.speakers.all()]

    def flag(self) -> str:
        return panels.panel_flag(self.genders())

    def balance(self, policy: panels.Policy | None = None) -> str:
        """all_male, token, balanced, uncertain or empty under the secretariat's panel policy."""
        return panels.balance(self.genders(), policy or PanelPolicy.current())


class Speaker(models.Model):
    class Gender(models.TextChoices):
        WOMAN = "woman", "Woman"
        MAN = "man", "Man"
        NON_BINARY = "non_binary", "Non-binary"
        UNKNOWN = "unknown", "Unknown (not declared)"

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=200)
    gender = models.CharField(max_length=20, choices=Gender.choices, default=Gender.UNKNOWN,
                              help_text="As the speaker declares it. Never guessed from a name.")
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="panel_seats", help_text="The partner, if a partner speaks.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["panel", "pk"]

    def __str__(self) -> str:
        return self.name


class Expert(models.Model):
    """A woman expert who opted in to be suggested as a speaker. Only opted-in experts are shown."""

    name = models.CharField(max_length=200)
    expertise = models.CharField(max_length=300, help_text="Comma-separated topics.")
    languages = models.CharField(max_length=200, help_text="Comma-separated languages.")
    bio = models.TextField(blank=True, max_length=1000)
    profile_url = models.URLField(blank=True)
    opted_in = models.BooleanField(default=False, help_text="She agreed to be suggested publicly.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BreachAnswer(models.Model):
    """A pledge-taker's public answer to one breach: his seat on an all-male or token panel."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="breach_answers")
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=1500)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["answered_at"]
        constraints = [models.UniqueConstraint(fields=["panel", "partner"], name="one_answer_per_breach")]

    def __str__(self) -> str:
        return f"Answer of {self.partner} on {self.panel}"
