"""Trainings in cycles, their questionnaires and trainers' follow-ups, and cross-gender dialogues.

A programme belongs to a partner organisation (planned by its focal point or head) or to the
secretariat (no organisation). Participation is kept as counts by sex and role per session: names are
not needed, and a person counted can be a pseudonym or nobody named at all. Questionnaire answers are
entered as tallies (how many answered 1, 2 ... 5) by the organiser from the paper or online forms they
ran: no answer is tied to a person, and every figure from them is suppressed below five answers.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

RESERVED_SLUGS = {"new", "cascade", "dialogues", "questionnaire", "cycles", "sessions", "trainers",
                  "followups", "actions", "data"}


class Format(models.TextChoices):
    WOMEN_ONLY = "women_only", "Women only"
    MEN_ONLY = "men_only", "Men only"
    MIXED = "mixed", "Mixed"


class Track(models.TextChoices):
    WPS = "wps", "Women, peace and security"
    MASCULINITIES = "masculinities", "Gender norms and masculinities"
    MEDIATION = "mediation", "Mediation and negotiation"
    OTHER = "other", "Other"


class Programme(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    topic = models.CharField(max_length=300,
                             help_text="What it teaches, e.g. Resolution 1325 and its sequels.")
    track = models.CharField(max_length=20, choices=Track.choices, default=Track.WPS)
    audience = models.CharField(max_length=300, help_text="Who it is for, e.g. officers, students.")
    language = models.CharField(max_length=50, help_text="e.g. English, French, Arabic.")
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.MIXED)
    trains_trainers = models.BooleanField(default=False, help_text="Training of trainers: followed up at 3 "
                                          "and 6 months.")
    youth = models.BooleanField(default=False, help_text="Aimed at students and youth.")
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="programmes",
                                     help_text="The partner organisation that runs it; "
                                               "empty: the secretariat.")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"'{self.slug}' is the address of another page; choose another."})


class Cycle(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cycles")
    name = models.CharField(max_length=100, help_text="e.g. Cycle 1, Accra 2026.")
    country = models.ForeignKey("core.Country", null=True, blank=True, on_delete=models.SET_NULL)
    starts_on = models.DateField()
    ends_on = models.DateField()
    items = models.ManyToManyField("trainings.Item", blank=True, related_name="cycles",
                                   help_text="The questionnaire items asked before and after.")
    history = HistoricalRecords(m2m_fields=[items])

    class Meta:
        ordering = ["programme", "starts_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"],
                                               name="one_cycle_name_per_programme"),
                       models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                              name="cycle_ends_after_it_starts")]

    def __str__(self) -> str:
        return f"{self.programme}: {self.name}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The cycle cannot end before it starts."})

    def follow_up_due(self, months: int) -> dt.date:
        """The day a trainer's follow-up at `months` falls due: that many months after the cycle ends."""
        month = self.ends_on.month - 1 + months
        year, month = self.ends_on.year + month // 12, month % 12 + 1
        for day in range(self.ends_on.day, 0, -1):  # 31 August + 6 months: the last day of February
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        raise AssertionError("unreachable")  # pragma: no cover


class Session(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    place = models.CharField(max_length=200, blank=True, help_text="Leave empty for an online session.")
    online = models.BooleanField(default=False)
    facilitators = models.CharField(max_length=300, blank=True,
                                    help_text="Names or pseudonyms, as they agree.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.cycle} on {self.date}"

    def clean(self) -> None:
        if not self.online and not self.place.strip():
            raise ValidationError({"place": "Say where the session is, or tick 'online'."})


class Attendance(models.Model):
    """How many people of one role came to a session, by sex. Counts only: nobody is named here."""

    class Role(models.TextChoices):
        PARTICIPANT = "participant", "Participant"
        TRAINER = "trainer", "Trainer in training"
        FACILITATOR = "facilitator", "Facilitator"
        OBSERVER = "observer", "Observer"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    role = models.CharField(max_length=20, choices=Role.choices)
    women = models.PositiveIntegerField(default=0)
    men = models.PositiveIntegerField(default=0)
    not_stated = models.PositiveIntegerField(default=0, help_text="People who did not state their sex.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "role"]
        constraints = [models.UniqueConstraint(fields=["session", "role"], name="one_count_per_session_role")]

    def __str__(self) -> str:
        return f"{self.session}: {self.role}"


class Item(models.Model):
    """A questionnaire item the secretariat writes; answered on a scale of 1 (strongly disagree) to 5."""

    class Kind(models.TextChoices):
        KNOWLEDGE = "knowledge", "Knowledge"
        ATTITUDE = "attitude", "Attitude"
        GENDER_NORMS = "gender_norms", "Gender norms"

    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    active = models.BooleanField(default=True, help_text="Offered for new cycles.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.text


class Tally(models.Model):
    """How many answered 1, 2, 3, 4 and 5 to one item, before or after one cycle."""

    class Phase(models.TextChoices):
        PRE = "pre", "Before"
        POST = "post", "After"

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="tallies")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="tallies")
    phase = models.CharField(max_length=4, choices=Phase.choices)
    score_1 = models.PositiveIntegerField(default=0, verbose_name="answered 1 (strongly disagree)")
    score_2 = models.PositiveIntegerField(default=0, verbose_name="answered 2")
    score_3 = models.PositiveIntegerField(default=0, verbose_name="answered 3")
    score_4 = models.PositiveIntegerField(default=0, verbose_name="answered 4")
    score_5 = models.PositiveIntegerField(default=0, verbose_name="answered 5 (strongly agree)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "item", "phase"]
        constraints = [models.UniqueConstraint(fields=["cycle", "item", "phase"], name="one_tally_per_phase")]

    def __str__(self) -> str:
        return f"{self.cycle}: {self.item_id} {self.phase}"

    @property
    def counts(self) -> list[int]:
        return [self.score_1, self.score_2, self.score_3, self.score_4, self.score_5]


class Trainer(models.Model):
    """A member trained as a trainer in a cycle, followed up at 3 and 6 months."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="trainers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="trainings_given")

    class Meta:
        ordering = ["cycle", "pk"]
        constraints = [models.UniqueConstraint(fields=["cycle", "user"], name="one_trainer_per_cycle")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.cycle}"


FOLLOW_UP_MONTHS = (3, 6)


class FollowUp(models.Model):
    """A trainer's answer at 3 or 6 months: how many people trained since, where, in which language."""

    trainer = models.ForeignKey(Trainer, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField(choices=[(m, f"{m} months") for m in FOLLOW_UP_MONTHS])
    people_trained = models.PositiveIntegerField(help_text="People you trained since the training.")
    country = models.ForeignKey("core.Country", on_delete=models.PROTECT, help_text="Where you trained them.")
    place = models.CharField(max_length=200, blank=True, help_text="Town, institution (optional).")
    language = models.CharField(max_length=50, help_text="The language you trained in.")
    reported_at = models.DateTimeField(auto_now=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["trainer", "months"]
        constraints = [models.UniqueConstraint(fields=["trainer", "months"], name="one_follow_up_per_month")]

    def __str__(self) -> str:
        return f"{self.trainer} at {self.months} months"


class Dialogue(models.Model):
    """A cross-gender dialogue: women and men at one table, sometimes women among themselves first."""

    class DialogueFormat(models.TextChoices):
        WOMEN_FIRST = "women_first_then_mixed", "Women only first, then mixed"
        SEPARATE_FIRST = "separate_then_mixed", "Women and men apart first, then mixed"
        MIXED = "mixed", "Mixed throughout"

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    date = models.DateField()
    place = models.CharField(max_length=200)
    format = models.CharField(max_length=30, choices=DialogueFormat.choices)
    organization = models.ForeignKey("core.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="dialogues", help_text="Empty: the secretariat.")
    event = models.ForeignKey("events.Event", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="dialogues", help_text="The event it was part of, if any.")
    women = models.PositiveIntegerField(default=0)
    men = models.PositiveIntegerField(default=0)
    not_stated = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return self.title


class AgreedAction(models.Model):
    """An action a dialogue agreed; a partner can make it one of his commitments (the link is kept)."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(max_length=500)
    commitment = models.ForeignKey("charter.Commitment", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="agreed_actions")
    history = HistoricalRecords()

    class Meta:
        ordering = ["dialogue", "pk"]

    def __str__(self) -> str:
        return self.text
