"""Who a briefing is for and how to argue with them: data the secretariat edits in the admin."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from criticalmass.hub.models import AUDIENCE_TAGS, Argument, Evidence, tags_list


class Audience(models.Model):
    """A person a briefing is written for, e.g. a force commander or a donor."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    evidence_tags = models.CharField(
        max_length=300,
        help_text="Evidence audience tags that speak to this audience, comma-separated, "
        f"from: {', '.join(AUDIENCE_TAGS)}.",
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def tags(self) -> list[str]:
        return tags_list(self.evidence_tags.replace(" ", ""))

    def clean(self) -> None:
        bad = sorted(set(self.tags) - set(AUDIENCE_TAGS))
        if bad:
            raise ValidationError({"evidence_tags": f"Unknown audience tags: {', '.join(bad)}."})
        if not self.tags:
            raise ValidationError({"evidence_tags": "Give at least one audience tag."})


class ArgumentWeight(models.Model):
    """How much an argument type counts with an audience: arguments are ordered by weight, highest first."""

    audience = models.ForeignKey(Audience, on_delete=models.CASCADE, related_name="weights")
    argument = models.CharField(max_length=30, choices=Argument.choices)
    weight = models.PositiveSmallIntegerField(help_text="0 to 100; 0 leaves the argument out.")

    class Meta:
        ordering = ["audience", "-weight", "argument"]
        constraints = [
            models.UniqueConstraint(fields=["audience", "argument"], name="argumentweight_unique"),
            models.CheckConstraint(condition=models.Q(weight__lte=100), name="argumentweight_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.audience}: {self.get_argument_display()} {self.weight}"


class Objection(models.Model):
    """What an audience may object, and the answer, with the evidence behind the answer."""

    objection = models.CharField(max_length=300)
    answer = models.TextField()
    audiences = models.ManyToManyField(Audience, blank=True, help_text="None: every audience.")
    evidence = models.ManyToManyField(Evidence, blank=True, related_name="+")
    order = models.PositiveIntegerField(default=0)
    translations = models.JSONField(
        default=dict, blank=True,
        help_text='The objection and answer in other languages: {"fr": {"objection": "…", "answer": "…"}, '
        '"es": {…}, "ar": {…}}. A language left out shows the original, marked "not yet translated".',
    )

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.objection

    def in_language(self, language: str) -> tuple[str, str, bool]:
        """The objection and its answer in `language`, and whether they are translated; the original
        (English) text when no translation is stored."""
        found = self.translations.get(language) if isinstance(self.translations, dict) else None
        if isinstance(found, dict) and found.get("objection") and found.get("answer"):
            return str(found["objection"]), str(found["answer"]), True
        return self.objection, self.answer, language == "en"
