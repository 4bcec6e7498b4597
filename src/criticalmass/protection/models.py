"""Protection context: which armed actors were reported to commit sexual violence, by country and year.

One record is one row of SVAC (an armed actor in one conflict in one year) in one country of the
conflict's location: a conflict located in two countries (Iraq and Kuwait, 1990–91) gives the row
once under each. The three prevalence codes are the dataset's own, one per report it read.
"""

from __future__ import annotations

from django.db import models

from criticalmass.core.models import Country, Source


class ActorType(models.IntegerChoices):
    """SVAC's actor_type (after UCDP's dyadic sides)."""

    STATE = 1, "State (government)"
    STATE_SUPPORTING_GOVERNMENT = 2, "State supporting the government"
    REBEL = 3, "Rebel group"
    STATE_SUPPORTING_REBELS = 4, "State supporting the rebels"
    SECOND_STATE = 5, "Second state in an interstate conflict"
    PRO_GOVERNMENT_MILITIA = 6, "Pro-government militia"


class SexualViolenceReport(models.Model):
    """One SVAC actor-year in one country of its conflict's location, with its prevalence codes.

    A prevalence code is 0 (no report of sexual violence by the actor), 1 (isolated), 2 (numerous)
    or 3 (massive); None where the dataset found no report to read ("NA", -99 in the workbook).
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="sexual_violence_reports")
    source_row = models.PositiveIntegerField()
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="sexual_violence_reports")
    location_order = models.PositiveSmallIntegerField(help_text="1 for gwnoloc, 2 for gwnoloc2...")
    year = models.PositiveSmallIntegerField()
    conflict_id = models.PositiveIntegerField(help_text="UCDP/PRIO conflict ID (conflictid_new).")
    actor = models.CharField(max_length=300)
    actor_id = models.PositiveIntegerField(null=True, blank=True, help_text="UCDP actor ID (actorid_new).")
    actor_type = models.PositiveSmallIntegerField(choices=ActorType.choices)
    location = models.CharField(max_length=300, help_text="The conflict's location as SVAC names it.")
    state_prev = models.PositiveSmallIntegerField(null=True, blank=True, help_text="U.S. State Department.")
    ai_prev = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Amnesty International.")
    hrw_prev = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Human Rights Watch.")
    forms = models.CharField(max_length=50, blank=True, help_text="SVAC form codes, e.g. '1,7'.")
    conflict_active = models.BooleanField(help_text="An active conflict-year (conflictyear).")

    class Meta:
        ordering = ["country_id", "year", "actor"]
        constraints = [models.UniqueConstraint(fields=["source", "source_row", "country"],
                                               name="protection_one_report_per_row_and_country")]
        indexes = [models.Index(fields=["country", "year"])]

    def __str__(self) -> str:
        return f"{self.actor}, {self.country_id} {self.year}"

    @property
    def reported(self) -> bool:
        """At least one of the three sources reported sexual violence by the actor that year."""
        return any(code for code in (self.state_prev, self.ai_prev, self.hrw_prev))
