"""Writing IATI activities: one AidActivity per iati-identifier, its recipient countries and
transactions. Activities of this file's source that the file no longer holds are removed; links to
plan actions made in the admin are kept for activities that stay. An activity the reader refused, or
whose country the platform does not know, is left out and kept as a note (kind "refused-activity");
the summary counts them as `refused`."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from django.utils.text import slugify

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, coverage, run_import
from criticalmass.importers.iati.reader import REFUSED, Activity, Reading, Transaction, read, subject
from criticalmass.lib.notes import Note
from criticalmass.watchdog.models import AidActivity, AidRecipient, AidTransaction

DATASET = "iati"
CENT = Decimal("0.01")  # AidTransaction.value keeps cents: values are rounded to them (half to even)


def versions_text(reading: Reading) -> str:
    return ", ".join(sorted(reading.versions)) or "none read"


def publishers(activities: list[Activity]) -> list[str]:
    names = {a.reporting_org_ref: a.reporting_org_name for a in activities}
    return [f"{ref} ({name})" if name else ref for ref, name in sorted(names.items())]


def source_info(path: Path, reading: Reading) -> SourceInfo:
    orgs, generated = publishers(reading.activities), reading.generated
    dated = f", generated {generated.isoformat()}" if generated else ", undated"
    who = orgs[0] if len(orgs) == 1 else f"{len(orgs)} reporting organisations"
    return SourceInfo(
        slug=f"iati-{slugify(path.stem)}"[:100], dataset="IATI aid activities",
        publisher=f"{who} (IATI Activity Standard)"[:300], version=f"IATI {versions_text(reading)}"[:100],
        url="https://iatistandard.org/en/", licence="As published by each reporting organisation",
        citation=(f"IATI activity file {path.name}{dated} (IATI {versions_text(reading)}), published by "
                  f"{'; '.join(orgs) or 'no organisation read'}."),
    )


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    reading = read(path, progress)
    known = set(Country.objects.values_list("iso3", flat=True))
    refused = list(reading.refused)
    for activity in list(reading.activities):
        unknown = [iso3 for iso3, _ in activity.countries if iso3 not in known]
        if unknown:
            reading.activities.remove(activity)
            message = (f"activity {activity.identifier} (IATI {activity.version}, starting on line "
                       f"{activity.line}) refused: recipient-country/@code: {unknown[0]} is not a country "
                       "the platform knows")
            refused.append(Note(activity.line, message, REFUSED, subject(activity.identifier, activity.line)))
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, unit="activities",
                            warnings=[*refused, *reading.warnings], refused=len(refused))
    dates = [t.date for a in reading.activities for t in a.transactions]
    return run_import(source_info(path, reading), path, summary,
                      lambda source: save(reading.activities, source, summary, reading.generated),
                      covered=coverage(min(dates, default=None), max(dates, default=None)))


def fields(activity: Activity, source: Source, file_date: dt.date | None) -> dict[str, object]:
    return {"title": activity.title[:500], "reporting_org_ref": activity.reporting_org_ref[:200],
            "reporting_org_name": activity.reporting_org_name[:300], "iati_version": activity.version,
            "published": activity.published or file_date, "dates": activity.dates,
            "participating_orgs": activity.participating_orgs,
            "gender_marker": activity.gender_marker, "sectors": activity.sectors, "budgets": activity.budgets,
            "source_id": source.pk, "source_row": activity.line}


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def transaction_key(t: Transaction) -> tuple[object, ...]:
    return (t.type, t.date, cents(t.value), t.currency, t.value_date, t.line)


def snapshot(found: AidActivity) -> tuple[object, ...]:
    return (sorted((r.country_id, r.percentage) for r in found.recipients.all()),
            [(t.type, t.date, t.value, t.currency, t.value_date, t.source_row)
             for t in found.transactions.all()])


def share(percentage: Decimal | None) -> Decimal | None:
    """A recipient-country percentage as AidRecipient keeps it (three decimals)."""
    return None if percentage is None else percentage.quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)


def wanted(activity: Activity) -> tuple[object, ...]:
    transactions = sorted(map(transaction_key, activity.transactions), key=lambda k: (k[1], k[5]))
    return sorted((iso3, share(p)) for iso3, p in activity.countries), transactions


def unchanged(found: AidActivity, values: dict[str, object], activity: Activity) -> bool:
    return all(getattr(found, k) == v for k, v in values.items()) and snapshot(found) == wanted(activity)


def save(activities: list[Activity], source: Source, summary: ImportSummary, file_date: dt.date | None
         ) -> None:
    existing = {a.iati_identifier: a for a in AidActivity.objects.filter(source=source)
                .prefetch_related("recipients", "transactions")}
    for activity in activities:
        values = fields(activity, source, file_date)
        found = existing.pop(activity.identifier, None) or AidActivity.objects.filter(
            iati_identifier=activity.identifier).first()
        if found is None:
            found = AidActivity.objects.create(iati_identifier=activity.identifier, **values)
            summary.created += 1
        elif not unchanged(found, values, activity):
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
    AidRecipient.objects.bulk_create(
        AidRecipient(activity=found, country_id=iso3, percentage=share(percentage))
        for iso3, percentage in activity.countries)
    AidTransaction.objects.bulk_create(
        AidTransaction(activity=found, type=t.type, date=t.date, value=cents(t.value), currency=t.currency,
                       value_date=t.value_date, source_row=t.line) for t in activity.transactions)

