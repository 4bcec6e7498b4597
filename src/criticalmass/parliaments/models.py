"""Women in national parliaments as the Inter-Parliamentary Union (IPU) counted them.

Two sources, both history: the IPU's historical table (one row per election or renewal of a chamber,
1945–2018) and its monthly ranking as of 1 September 2021. The current figure on a country's profile is
the WPS Index's parliamentary indicator; these are shown beside it, labelled with their dates.
"""

from __future__ import annotations

from django.db import models

from criticalmass.core.models import Country, Source


class Chamber(models.TextChoices):
    SINGLE = "single", "Single house"
    LOWER = "lower", "Lower house"
    UPPER = "upper", "Upper chamber"
    OTHER = "other", "Other assembly"  # temporary, constituent, special assemblies and councils


class ChamberElection(models.Model):
    """One election or renewal of a chamber and the women in it after (IPU history, 1945–2018)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="chamber_elections")
    chamber = models.CharField(max_length=10, choices=Chamber.choices)
    chamber_label = models.CharField(max_length=60, help_text="The chamber as the IPU names it.")
    year = models.PositiveSmallIntegerField(db_index=True)
    month = models.CharField(max_length=40, blank=True, help_text="The month(s) as the IPU wrote them.")
    continuous = models.BooleanField(default=False, help_text="A chamber renewed continuously, counted "
                                                              "that year (e.g. the House of Lords).")
    seats = models.PositiveIntegerField(null=True, blank=True)
    women = models.PositiveIntegerField(null=True, blank=True)
    share = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True,
                                help_text="Women's share of the seats (%), as the IPU gives it.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    source_row = models.PositiveIntegerField(help_text="Row in the source sheet (header is row 1).")

    class Meta:
        ordering = ["country", "year", "source_row"]
        constraints = [models.UniqueConstraint(fields=["source", "source_row"],
                                               name="parliaments_election_row_unique")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.year} {self.chamber}"


class ChamberStanding(models.Model):
    """A chamber's women on the date of an IPU monthly ranking (here: 1 September 2021)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="chamber_standings")
    chamber = models.CharField(max_length=10, choices=Chamber.choices)
    as_of = models.DateField(help_text="The ranking's date.")
    rank = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The country's rank (lower or "
                                            "single house); blank when the IPU gives none.")
    last_election = models.DateField(null=True, blank=True, help_text="First day of its month.")
    seats = models.PositiveIntegerField(null=True, blank=True)
    women = models.PositiveIntegerField(null=True, blank=True)
    share = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    source_row = models.PositiveIntegerField(help_text="Line in the source file.")

    class Meta:
        ordering = ["country", "as_of", "chamber"]
        constraints = [models.UniqueConstraint(fields=["country", "chamber", "as_of"],
                                               name="parliaments_standing_unique")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.chamber} {self.as_of}"
