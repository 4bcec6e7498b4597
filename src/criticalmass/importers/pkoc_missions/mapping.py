"""Mapping PKOC's mission_start.csv onto peace operations (Process.start_date).

- A mission whose code is a peace operation's code gets the first day of PKOC's month as its start
  date. Where the date stored before falls in the same month it is kept (it is more precise, e.g.
  the day of the resolution in the project's registry); where it falls in another month PKOC's
  month replaces it, with a warning naming both.
- A mission no process has yet becomes a peace operation (sponsor UN, slug the code in lower case,
  named after its code, hosted by the file's country when the countries table knows its code).
- End dates: PKOC gives none. They come from the project's registry (parity/data/missions.csv)
  when the peacekeeping file is imported; where none is known, the ranking says "no month reported
  after" a mission's last month rather than calling it closed.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.text import slugify

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, run_import
from criticalmass.importers.pkoc_missions.reader import Reading, Record, read
from criticalmass.parity.models import Process

DATASET = "pkoc-missions"
SOURCE = SourceInfo(
    slug="pkoc-mission-start",
    dataset="PKOC: UN peacekeeping missions' start year and month",
    publisher="Elio Amicarelli and Jessica Di Salvatore, Peacekeeping Operations Corpus (PKOC)",
    version="utils/periods/mission_start.csv, commit eaa3efd6 (2021-12-17), 77 missions, 1948-2017",
    url="https://github.com/elioamicarelli/peacekeeping_operations_corpus",
    licence="No licence file in the repository; cited as the authors ask",
    citation="Amicarelli, E. and Di Salvatore, J. (2021), 'Introducing the PeaceKeeping Operations "
             "Corpus (PKOC)', Journal of Peace Research 58(5); utils/periods/mission_start.csv in "
             "github.com/elioamicarelli/peacekeeping_operations_corpus, commit "
             "eaa3efd6633ebc3d5a34009ef1e3bbd85f65e251.",
)


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    reading = read(path)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="missions")

    def write(source: Source) -> None:
        save_starts(reading, source, summary)
        if progress:
            progress(reading.rows_read)

    return run_import(SOURCE, path, summary, write)


def save_starts(reading: Reading, source: Source, summary: ImportSummary) -> None:
    countries = set(Country.objects.values_list("iso3", flat=True))
    slugs = [slugify(record.mission) for record in reading.records]
    existing = {process.slug: process for process in Process.objects.filter(slug__in=slugs)}
    for record in reading.records:
        process = existing.get(slugify(record.mission))
        if process is None:
            create(record, source, countries)
            summary.created += 1
        elif process.kind != Process.Kind.OPERATION:
            summary.warn(record.line, f"{record.mission!r} names a process that is not a peace operation "
                                      f"({process.get_kind_display()}); its start date is left alone")
            summary.unchanged += 1
        elif update(process, record, summary):
            summary.updated += 1
        else:
            summary.unchanged += 1


def create(record: Record, source: Source, countries: set[str]) -> Process:
    return Process.objects.create(
        slug=slugify(record.mission), code=record.mission, name=record.mission, kind=Process.Kind.OPERATION,
        sponsor=Process.Sponsor.UN, host_country_id=record.iso3 if record.iso3 in countries else None,
        start_date=record.start, source=source,
    )


def update(process: Process, record: Record, summary: ImportSummary) -> bool:
    """Give the process PKOC's start month; True when its start date changed."""
    before = process.start_date
    if before is not None and (before.year, before.month) == (record.start.year, record.start.month):
        return False
    if before is not None:
        summary.warn(record.line, f"{record.mission}: the start date stored was {before.isoformat()}; "
                                  f"PKOC gives {record.start:%B %Y}, which replaces it")
    process.start_date = record.start
    process.save(update_fields=["start_date"])
    return True
