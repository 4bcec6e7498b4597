"""The reference tables: each policy's targets year by year, and the datasets every figure cites."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_noop

from criticalmass.core.models import DataNote
from criticalmass.figures.tables import Column, Table, one_decimal
from criticalmass.lib.targets import Target
from criticalmass.parity import queries, standing
from criticalmass.parity.figures import label
from criticalmass.parity.models import Category, TargetPolicy

TRAJECTORY_YEARS = range(2018, 2031)  # the one span of years every trajectory is shown for


def trajectory_lines(policy: TargetPolicy) -> list[tuple[str | None, list[Target]]]:
    """A policy's targets, year by year over TRAJECTORY_YEARS: one line (category None) if it escalates,
    else one per category it anchors, in the model's order. Pages, CSV and API all show these."""
    if policy.kind == TargetPolicy.Kind.ESCALATING:
        return [(None, standing.trajectory(policy, Category.TOTAL, TRAJECTORY_YEARS))]
    return [(role, standing.trajectory(policy, role, TRAJECTORY_YEARS))
            for role in standing.policy_roles(policy, Category.values)]


def line_label(role: str | None) -> str:
    return label(role) if role else "every role"


def trajectory_grid(policy: TargetPolicy) -> list[tuple[str, list[Target]]]:
    """The policies page's grid: each line of the trajectory, labelled."""
    return [(label(role) if role else "Every role", line) for role, line in trajectory_lines(policy)]


def trajectories(policy: TargetPolicy) -> list[dict[str, Any]]:
    """The trajectory as the API gives it."""
    return [{"role": role, "points": [{"year": t.year, "value": one_decimal(t.value),
                                       "provenance": str(t.provenance)} for t in line]}
            for role, line in trajectory_lines(policy)]


def trajectories_table(policies: Iterable[TargetPolicy]) -> Table:
    """Each policy's target for each category and year, with where the value comes from."""
    rows = [{"policy": policy.slug, "role": line_label(role), "year": target.year,
             "target": one_decimal(target.value), "target_provenance": str(target.provenance)}
            for policy in policies for role, line in trajectory_lines(policy) for target in line]
    columns = [Column("policy", gettext_noop("Policy")),
               Column("role", gettext_noop("Role"), row_header=True),
               Column("year", gettext_noop("Year"), "year"), Column("target", gettext_noop("Target"), "pct"),
               Column("target_provenance", gettext_noop("Provenance"))]
    years = f"{TRAJECTORY_YEARS[0]}–{TRAJECTORY_YEARS[-1]}"
    return Table("trajectories", f"Target trajectories, {years}", columns, rows)


SOURCE_COLUMNS = [
    Column("dataset", gettext_noop("Dataset"), link=lambda row: row["url"] or None, row_header=True),
    Column("publisher", gettext_noop("Publisher")),
    Column("version", gettext_noop("Version"), none="—"),
    Column("file", gettext_noop("File")),
    Column("licence", gettext_noop("Licence"), none="—"),
    Column("citation", gettext_noop("Citation")),
    Column("imported_at", gettext_noop("Imported"), none=gettext_noop("not yet")),
    Column("observation_count", gettext_noop("Observations"), "int"),
    Column("note_count", gettext_noop("Notes on the data"), "int", link=lambda row: notes_link(row)),
]


def notes_link(row: dict[str, Any]) -> str | None:
    return reverse("parity:source_notes", args=[row["slug"]]) if row["note_count"] else None


def sources_table() -> Table:
    notes = dict(DataNote.objects.order_by().values_list("source").annotate(n=Count("pk")))
    rows = [{"slug": s.slug, "dataset": s.dataset, "publisher": s.publisher, "version": s.version or None,
             "file": s.file, "url": s.url, "licence": s.licence or None, "citation": s.citation,
             "imported_at": s.imported_at.strftime("%Y-%m-%d %H:%M UTC") if s.imported_at else None,
             "observation_count": getattr(s, "observation_count", 0), "source": s.citation,
             "note_count": notes.get(s.pk, 0)}
            for s in queries.sources_with_counts()]
    return Table("sources", "Imported datasets", SOURCE_COLUMNS, rows)
