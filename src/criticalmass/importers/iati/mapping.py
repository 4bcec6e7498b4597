"""Writing IATI activities: one AidActivity per iati-identifier, its recipient countries and
transactions. Activities of this file's source that the file no longer holds are removed; links to
plan actions made in the admin are kept for activities that stay."""

from __future__ import annotations

from pathlib import Path

from django.utils.text import slugify

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, run_import
from criticalmass.importers.iati.reader import Activity, read
from criticalmass.lib.csvread import RowError
from criticalmass.watchdog.models import AidActivity, AidRecipient, AidTransaction

DATASET = "iati"


def source_info(path: Path) -> SourceInfo:
    return SourceInfo(
        slug=f"iati-{slugify(path.stem)}"[:100], dataset="IATI aid activities",
        publisher="the file's reporting organisations (IATI Activity Standard 2.03)", version="2.03", url="https://iatistandard.org/en/",
        licence="As published by each reporting organisation",
        citation=f"IATI activity file {path.name} (IATI Activity Standard 2.03).",
    )


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    reading = read(path, progress)
    known = set(Country.objects.values_list("iso3", flat=True))
    for activity in reading.activities:
        for iso3, _ in activity.countries:
            if iso3 not in known:
                problem = f"{iso3} is not a known country"
                raise RowError(path.name, activity.line, "recipient-country/@code", problem)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="activities")
    return run_import(source_info(path), path, summary,
                      lambda source: save(reading.activities, source, summary))


def fields(activity: Activity, source: Source) -> dict[str, object]:
    return {"title": activity.title[:500], "reporting_org_ref": activity.reporting_org_ref,
            "reporting_org_name": activity.reporting_org_name,
            "participating_orgs": activity.participating_orgs,
            "gender_marker": activity.gender_marker, "sectors": activity.sectors, "budgets": activity.budgets,
            "source_id": source.pk, "source_row": activity.line}


def snapshot(found: AidActivity) -> tuple[object, ...]:
    return (sorted((r.country_id, r.percentage) for r in found.recipients.all()),
            [(t.type, t.date, t.value, t.currency, t.source_row) for t in found.transactions.all()])


def wanted(activity: Activity) -> tuple[object, ...]:
    return (sorted(activity.countries),
            [(t.type, t.date, t.value, t.currency, t.line) for t in activity.transactions])


def save(activities: list[Activity], source: Source, summary: ImportSummary) -> None:
    existing = {a.iati_identifier: a for a in AidActivity.objects.filter(source=source)
                .prefetch_related("recipients", "transactions")}
    for activity in activities:
        values = fields(activity, source)
        found = existing.pop(activity.identifier, None) or AidActivity.objects.filter(
            iati_identifier=activity.identifier).first()
        if found is None:
            found = AidActivity.objects.create(iati_identifier=activity.identifier, **values)
            summary.created += 1
        elif any(getattr(found, k) != v for k, v in values.items()) or snapshot(found) != wanted(activity):
            AidActivity.objects.filter(pk=found.pk).update(**values)
            summary.updated += 1
        else:
            summary.unchanged += 1
            continue
        replace_children(found, activity)
    AidActivity.objects.filter(pk__in=[a.pk for a in existing.values()]).delete()
    summary.removed = len(existing)


def replace_children(found: AidActivity, activity: Activity) -> None:
    found.recipients.all().delete()
    found.transactions.all().delete()
    AidRecipient.objects.bulk_create(AidRecipient(activity=found, country_id=iso3, percentage=percentage)
                                     for iso3, percentage in activity.countries)
    AidTransaction.objects.bulk_create(
        AidTransaction(activity=found, type=t.type, date=t.date, value=t.value, currency=t.currency,
                       source_row=t.line) for t in activity.transactions)
