"""Peace agreements (PA-X), their gender provisions (PA-X Gender) and the coalition's pillars.

Agreements and provisions come from imports; pillars and which gender code counts towards which
pillar are policy, edited by the secretariat in the admin (seeded by migration 0002).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from criticalmass.core.models import Country, Source
from criticalmass.parity.models import Process


class Pillar(models.Model):
    """One of the coalition's pillars: participation, protection, empowerment, institutions and law,
    implementation."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0, help_text="Where the pillar comes in tables.")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class GenderCode(models.Model):
    """A PA-X Gender code (a column of pax_gender_v9.csv, e.g. WggVioSex) and the pillar it counts for."""

    code = models.CharField(max_length=40, unique=True, help_text="The column name in PA-X Gender.")
    label = models.CharField(max_length=200, help_text="PA-X's own label (gender_categories.csv).")
    pillar = models.ForeignKey(Pillar, null=True, blank=True, on_delete=models.SET_NULL, related_name="codes",
                               help_text="Blank: the code counts for no pillar.")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.label} ({self.code})"


class Agreement(models.Model):
    """A peace agreement as PA-X codes it, one per PA-X agreement id (AgtId)."""

    pax_id = models.PositiveIntegerField(unique=True, help_text="PA-X agreement id (AgtId).")
    version = models.CharField(max_length=20, blank=True, help_text="PA-X's version of the agreement (Ver).")
    name = models.CharField(max_length=600)
    date = models.DateField(db_index=True, help_text="Date signed (Dat).")
    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="agreements")
    conflict = models.CharField(max_length=300, help_text="Country or entity (Con).")
    conflict_type = models.CharField(max_length=60, blank=True, help_text="Contp.")
    region = models.CharField(max_length=100, db_index=True, help_text="Reg.")
    status = models.CharField(max_length=100, blank=True)
    agreement_type = models.CharField(max_length=20, blank=True, help_text="Agtp: Inter, Intra, ...")
    stage = models.CharField(max_length=20, blank=True, db_index=True, help_text="Stage: Pre, SubPar, ...")
    substage = models.CharField(max_length=20, blank=True)
    parties = models.TextField(blank=True, help_text="Part.")
    third_parties = models.TextField(blank=True, help_text="ThrdPart.")
    gender_provisions = models.BooleanField(help_text="GeWom: provisions on women, girls and gender.")
    countries = models.ManyToManyField(Country, blank=True, related_name="agreements",
                                       help_text="Loc1ISO and Loc2ISO.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    source_row = models.PositiveIntegerField(help_text="Line in the source file (header is line 1).")

    class Meta:
        ordering = ["date", "pax_id"]

    def __str__(self) -> str:
        return f"PA-X {self.pax_id}: {self.name}"


class Provision(models.Model):
    """An agreement has a provision coded with this PA-X Gender code (the cell is 1)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="provisions")
    code = models.ForeignKey(GenderCode, on_delete=models.PROTECT, related_name="provisions")
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    source_row = models.PositiveIntegerField(help_text="Line in the source file (header is line 1).")

    class Meta:
        ordering = ["agreement", "code"]
        constraints = [models.UniqueConstraint(fields=["agreement", "code"], name="provision_unique")]

    def __str__(self) -> str:
        return f"PA-X {self.agreement.pax_id}: {self.code.code}"


class Mandate(models.Model):
    """A Security Council resolution establishing or renewing a peace operation's mandate."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="mandates",
                                limit_choices_to={"kind": Process.Kind.OPERATION})
    resolution = models.CharField(max_length=100, help_text="e.g. S/RES/2729 (2024)")
    adopted = models.DateField(null=True, blank=True, help_text="Blank when the source does not give it.")
    expires = models.DateField(null=True, blank=True, db_index=True,
                               help_text="The day the mandate ends unless the Council renews it.")
    url = models.URLField(blank=True, help_text="The resolution's text.")
    # Where an imported mandate was read (the UN mandate registry); blank for one entered in the admin.
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="mandates")
    source_row = models.PositiveIntegerField(null=True, blank=True,
                                             help_text="Line in the source file (header is line 1).")
    cited_in = models.CharField(max_length=100, blank=True,
                                help_text="The UN document the source read it from, e.g. A/80/604/Add.1.")
    as_of = models.DateField(null=True, blank=True,
                             help_text="The source's date: a renewal after it is not known to it.")
    final = models.BooleanField(default=False,
                                help_text="The Council extended the mandate for a final time.")

    class Meta:
        ordering = ["process", "-adopted"]
        constraints = [models.UniqueConstraint(fields=["process", "resolution"], name="mandate_unique")]

    def __str__(self) -> str:
        return f"{self.process.code or self.process.name}: {self.resolution}"


class RubricItem(models.Model):
    """One thing a mandate is scored on, and how much it weighs. The secretariat edits the rubric."""

    class Category(models.TextChoices):
        PROTECTION = "protection", "Protection"
        PARTICIPATION = "participation", "Participation"
        EMPOWERMENT = "empowerment", "Empowerment"
        RESOURCES = "resources", "Resources"
        GOALS = "goals", "Measurable goals"
        ACCOUNTABILITY = "accountability", "Accountability"

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    description = models.TextField(blank=True, help_text="What a reviewer looks for.")
    weight = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ScoreEntry(models.Model):
    """A reviewer's rating of one rubric item for one mandate or one agreement (exactly one of them), with
    the text quoted and where it is. Agreements are scored on the same rubric as mandates."""

    class Rating(models.TextChoices):
        YES = "yes", "Provided"
        PARTIAL = "partial", "Partly provided"
        NO = "no", "Absent"

    mandate = models.ForeignKey(Mandate, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="entries")
    agreement = models.ForeignKey(Agreement, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="entries")
    item = models.ForeignKey(RubricItem, on_delete=models.PROTECT, related_name="entries")
    rating = models.CharField(max_length=10, choices=Rating.choices)
    quote = models.TextField(blank=True, help_text="The mandate's words.")
    reference = models.CharField(max_length=200, blank=True, help_text="e.g. operative paragraph 19(b)")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["mandate", "item"]
        verbose_name_plural = "score entries"
        constraints = [
            models.UniqueConstraint(fields=["mandate", "item"], name="score_entry_unique"),
            models.UniqueConstraint(fields=["agreement", "item"], name="score_entry_agreement_unique"),
            models.CheckConstraint(
                condition=(models.Q(mandate__isnull=False, agreement__isnull=True)
                           | models.Q(mandate__isnull=True, agreement__isnull=False)),
                name="score_entry_mandate_or_agreement"),
        ]

    def __str__(self) -> str:
        return f"{self.mandate or self.agreement}: {self.item.slug} {self.rating}"
