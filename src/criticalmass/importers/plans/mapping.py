"""Writing a plans file's rows as Plans, by slug: new slugs are created, changed plans updated.

Plans the file does not name are left alone (a file may hold one country's plans only). The file is
recorded as a Source ("plans-" + its name) and each plan keeps the line it was read from.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.text import slugify

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, run_import
from criticalmass.importers.plans.reader import PlanRow, Reading, read
from criticalmass.lib.csvread import RowError
from criticalmass.watchdog.models import Plan

DATASET = "plans"


def source_info(path: Path) -> SourceInfo:
    return SourceInfo(
        slug=f"plans-{slugify(path.stem)}"[:100], dataset="Plans and laws on Women, Peace and Security",
        publisher="Critical Mass secretariat, from the sources named on each plan", version="",
        url="", licence="Each plan's facts: see its own source",
        citation=f"Plans and laws registry, file {path.name}; each plan cites the source it was read in.",
    )


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    reading = read(path, progress)
    check_countries(path.name, reading)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, unit="plans")
    return run_import(source_info(path), path, summary, lambda source: save_plans(reading, source, summary))


def check_countries(name: str, reading: Reading) -> None:
    known = set(Country.objects.values_list("iso3", flat=True))
    for plan in reading.plans:
        if plan.iso3 not in known:
            problem = f"{plan.iso3!r} is not a known country code; nothing imported"
            raise RowError(name, plan.line, "iso3", problem)


def save_plans(reading: Reading, source: Source, summary: ImportSummary) -> None:
    existing = Plan.objects.in_bulk([p.slug for p in reading.plans], field_name="slug")
    for row in reading.plans:
        values = {**row.fields, "country_id": row.iso3, "source_row": row.line}
        plan = existing.get(row.slug)
        if plan is None:
            Plan.objects.create(slug=row.slug, source=source, **values)
            summary.created += 1
        elif changed(plan, values) or plan.source_id != source.pk:
            save(plan, values, source)
            summary.updated += 1
        else:
            summary.unchanged += 1


def changed(plan: Plan, values: dict[str, object]) -> bool:
    return any(getattr(plan, name) != value for name, value in values.items())


def save(plan: Plan, values: dict[str, object], source: Source) -> None:
    for name, value in values.items():
        setattr(plan, name, value)
    plan.source = source
    plan.save()


__all__ = ["PlanRow", "import_file"]
