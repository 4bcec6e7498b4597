"""Mapping SVAC 1989–2015 onto protection.SexualViolenceReport: one record per actor-year and country.

- Each country of a row's location (gwnoloc to gwnoloc4; 0 is none) is looked up in the shipped
  Gleditsch-Ward table (countries.py). A code the table does not list, or an ISO3 the platform's
  countries table does not know, is never guessed: the row is not shown under that country, and a
  data note (kind "unmapped-country", subject "gw:<code>") says so; the summary counts them.
- The source's records become exactly the file's (created, updated, unchanged, removed), in one
  transaction with the source and its notes: a second import of the same file changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, run_import
from criticalmass.importers.svac.countries import iso3_by_gw_code
from criticalmass.importers.svac.reader import Reading, Record, read
from criticalmass.protection.models import SexualViolenceReport

DATASET = "svac"
SOURCE = SourceInfo(
    slug="svac",
    dataset="SVAC: Sexual Violence in Armed Conflict, 1989–2015",
    publisher="Dara Kay Cohen and Ragnhild Nordås (SVAC); Maria Gargiulo, HRDAG (RSVAC R package)",
    # At most 100 characters (Source.version): the sheet it copies is named in docs/data.md.
    version="svac.csv of the RSVAC package, commit e5d32328 (2025-02-07), 9,282 actor-years",
    url="https://github.com/thegargiulian/RSVAC",
    licence="Research data free to use with citation (no licence file for the data); package code GPL-2",
    citation="Cohen, D.K. and Nordås, R. (2014), 'Sexual violence in armed conflict: Introducing the SVAC "
             "dataset, 1989–2009', Journal of Peace Research 51(3); Dumaine, L., Nordås, R., Gargiulo, M. "
             "and Wood, E.J. (2022), 'Repertoires of conflict-related sexual violence: Introducing the "
             "RSVAC data package', Journal of Peace Research 59(2); data-raw/svac.csv in "
             "github.com/thegargiulian/RSVAC, commit e5d32328229ce663ae1f7a1535e8e1f4137e5176.",
    release_sha256="5559e69e509e57af24282e68ffd280e0ea25515759bf4790a62e68d5ec13dd16",
)
FIELDS = ("location_order", "year", "conflict_id", "actor", "actor_id", "actor_type", "location",
          "state_prev", "ai_prev", "hrw_prev", "forms", "conflict_active")
Key = tuple[int, str]  # source row, ISO3
Values = tuple[Any, ...]  # FIELDS, in order


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    reading = read(path)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="actor-years by country")

    def write(source: Source) -> None:
        save_reports(source, wanted(reading, summary), summary)
        if progress:
            progress(reading.rows_read)

    years = reading.years
    return run_import(SOURCE, path, summary, write, covered=f"{years[0]} to {years[1]}" if years else "")


def wanted(reading: Reading, summary: ImportSummary) -> dict[Key, Values]:
    """What the file says, by (line, ISO3); unmapped countries become notes."""
    iso3s, known = iso3_by_gw_code(), set(Country.objects.values_list("iso3", flat=True))
    found: dict[Key, Values] = {}
    for record in reading.records:
        for order, code in enumerate(record.gw_codes, start=1):
            iso3 = iso3s.get(code)
            if iso3 is None or iso3 not in known:
                summary.warn(record.line, unmapped(record, code, iso3), "unmapped-country", f"gw:{code}")
                continue
            found[(record.line, iso3)] = values(record, order)
    return found


def unmapped(record: Record, code: int, iso3: str | None) -> str:
    why = ("has no ISO3 code in the Gleditsch-Ward table" if iso3 is None
           else f"maps to {iso3}, which is not in the platform's countries")
    return (f"{record.actor} {record.year}: country code {code} ({record.location}) {why}; the row is not "
            "shown under that country")


def values(record: Record, order: int) -> Values:
    state, amnesty, hrw = record.prevalence
    return (order, record.year, record.conflict_id, record.actor, record.actor_id, record.actor_type,
            record.location, state, amnesty, hrw, ",".join(map(str, record.forms)), record.conflict_active)


def save_reports(source: Source, found: dict[Key, Values], summary: ImportSummary) -> None:
    existing = {
        (row[1], row[2]): (row[0], tuple(row[3:]))
        for row in SexualViolenceReport.objects.filter(source=source)
        .values_list("pk", "source_row", "country_id", *FIELDS).iterator(chunk_size=5000)
    }
    create, update = [], []
    for (line, iso3), wanted_values in found.items():
        before = existing.pop((line, iso3), None)
        fields = dict(zip(FIELDS, wanted_values, strict=True))
        if before is None:
            create.append(SexualViolenceReport(source=source, source_row=line, country_id=iso3, **fields))
        elif before[1] != wanted_values:
            update.append(SexualViolenceReport(pk=before[0], **fields))
    SexualViolenceReport.objects.bulk_create(create, batch_size=500)
    SexualViolenceReport.objects.bulk_update(update, FIELDS, batch_size=500)
    stale = [pk for pk, _ in existing.values()]
    for start in range(0, len(stale), 900):
        SexualViolenceReport.objects.filter(pk__in=stale[start:start + 900]).delete()
    summary.created, summary.updated, summary.removed = len(create), len(update), len(stale)
    summary.unchanged = len(found) - len(create) - len(update)
