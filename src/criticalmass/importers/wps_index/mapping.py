"""Writing the WPS Index rows as WpsIndexScore, one per country and edition.

A code that is not an ISO 3166-1 country (Kosovo's XKX) is left out with a warning. Countries of this
edition that the file no longer holds are removed, so the table is exactly the file's.
"""

from __future__ import annotations

from pathlib import Path

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, run_import
from criticalmass.importers.wps_index.reader import IndexRow, read
from criticalmass.watchdog.models import WpsIndexScore

DATASET = "wps-index"
SOURCE = SourceInfo(
    slug="giwps-wps-index-2025",
    dataset="Women, Peace and Security Index 2025/26, Table 1",
    publisher="Georgetown Institute for Women, Peace and Security (GIWPS) and PRIO",
    version="2025/26",
    url="https://giwps.georgetown.edu/the-index/",
    licence="GIWPS terms: publicly downloadable, citation required",
    citation="Georgetown Institute for Women, Peace and Security and Peace Research Institute Oslo. "
             "Women, Peace, and Security Index 2025/26. Washington, DC: GIWPS and PRIO, 2025. "
             "'2025 WPS Index Table 1' (WPS-Index-2025-Data.xlsx).",
)


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    reading = read(path, progress)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="country scores")
    known = set(Country.objects.values_list("iso3", flat=True))
    rows = []
    for row in reading.rows:
        if row.iso3 in known:
            rows.append(row)
        else:
            summary.warn(row.line, f"{row.iso3} ({row.country}) is not an ISO 3166-1 country code; left out")
    return run_import(SOURCE, path, summary, lambda source: save(rows, reading.edition, source, summary))


def values(row: IndexRow, source: Source) -> dict[str, object]:
    return {"rank": row.rank, "score": row.score, "region": row.region, "indicators": row.indicators,
            "source_id": source.pk, "source_row": row.line}


def save(rows: list[IndexRow], edition: int, source: Source, summary: ImportSummary) -> None:
    existing = {s.country_id: s for s in WpsIndexScore.objects.filter(edition=edition)}
    for row in rows:
        wanted = values(row, source)
        found = existing.pop(row.iso3, None)
        if found is None:
            WpsIndexScore.objects.create(country_id=row.iso3, edition=edition, **wanted)
            summary.created += 1
        elif any(getattr(found, k) != v for k, v in wanted.items()):
            WpsIndexScore.objects.filter(pk=found.pk).update(**wanted)
            summary.updated += 1
        else:
            summary.unchanged += 1
    WpsIndexScore.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()
    summary.removed = len(existing)
