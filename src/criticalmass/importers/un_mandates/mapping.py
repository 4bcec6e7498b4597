"""Mapping the UN Mandate Source Registry onto the missions' mandates (agreements.Mandate).

- Each mission's latest renewal becomes a Mandate of its peace operation: the resolution's symbol
  ("S/RES/2811 (2025)"), the expiry date, the resolution's address, the budget report that states them,
  and the registry's date (as_of). A mandate already recorded with that symbol is updated, its ratings
  kept; a different expiry recorded before is replaced with a warning naming both.
- A mission no process has yet becomes a peace operation (sponsor UN, slug the code in lower case,
  named as the registry names it), as the PKOC importer does.
- Mandates are never removed: an older renewal is the mission's history, and may carry ratings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils.text import slugify

from criticalmass.agreements.models import Mandate
from criticalmass.core.models import Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, file_sha256, run_import
from criticalmass.importers.un_mandates.reader import MissionRenewal, Reading, read, subject
from criticalmass.parity.models import Process

DATASET = "un-mandates"
RELEASE_DATE = dt.date(2026, 6, 23)  # the registry's commit the PROVENANCE names
SOURCE = SourceInfo(
    slug="un-mandate-registry",
    dataset="UN Mandate Source Registry: peacekeeping mandates in the 2026/27 budget reports",
    publisher="United Nations Secretariat (mandates.un.org)",
    version="data/processed/pkm2026/all_mandates.csv, commit 118ed20d (2026-06-23)",
    url="https://github.com/united-nations/mandates",
    licence="UN documents, UN terms of use (the repository has no licence file)",
    citation="United Nations, Mandate Source Registry, data/processed/pkm2026/all_mandates.csv in "
             "github.com/united-nations/mandates, commit 118ed20db4f36e49d625fa7d1d00a8a7823ef044 "
             "(23 June 2026), from the mandate sections of the 2026/27 peacekeeping budget reports "
             "(A/80/604 and addenda, A/80/605).",
    release_sha256="e13ff7102494adca5632f7d0a84158aaf5a6c127d6de9ff5eb781d878dd4a758",
)
FIELDS = ("expires", "url", "source_row", "cited_in", "as_of", "final")


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    reading = read(path)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="mandates")
    as_of = registry_date(path, summary)

    def write(source: Source) -> None:
        save_mandates(reading, source, as_of, summary)
        if progress:
            progress(reading.rows_read)

    return run_import(SOURCE, path, summary, write)


def registry_date(path: Path, summary: ImportSummary) -> dt.date | None:
    """The registry's date when the file is the release the PROVENANCE names; None for another file."""
    if file_sha256(path) == SOURCE.release_sha256:
        return RELEASE_DATE
    summary.warn(1, f"{path.name} is not the registry release of {RELEASE_DATE:%d %B %Y} (another checksum): "
                    "its date is not known, so its renewals are shown without one", "unknown-date")
    return None


def save_mandates(reading: Reading, source: Source, as_of: dt.date | None, summary: ImportSummary) -> None:
    for found in reading.renewals:
        process = operation(found, source, summary)
        if process is None:
            summary.unchanged += 1
            continue
        values = {"expires": found.renewal.expires, "url": found.url, "source_row": found.line,
                  "cited_in": found.cited_in, "as_of": as_of, "final": found.renewal.final}
        mandate = Mandate.objects.filter(process=process, resolution=found.renewal.symbol).first()
        if mandate is None:
            Mandate.objects.create(process=process, resolution=found.renewal.symbol, source=source, **values)
            summary.created += 1
        elif mandate.source_id == source.pk and all(getattr(mandate, k) == values[k] for k in FIELDS):
            summary.unchanged += 1
        else:
            update(mandate, values, source, found, summary)
            summary.updated += 1


def operation(found: MissionRenewal, source: Source, summary: ImportSummary) -> Process | None:
    """The mission's peace operation, created when no process has its code; None (with a warning) when
    the code names a process of another kind."""
    process = (Process.objects.filter(code=found.code).order_by("pk").first()
               or Process.objects.filter(slug=slugify(found.code)).first())
    if process is None:
        return Process.objects.create(slug=slugify(found.code), code=found.code, name=found.name,
                                      kind=Process.Kind.OPERATION, sponsor=Process.Sponsor.UN, source=source)
    if process.kind != Process.Kind.OPERATION:
        summary.warn(found.line, f"{found.code!r} names a process that is not a peace operation "
                                 f"({process.get_kind_display()}); its mandate is not recorded",
                     "not-an-operation", subject(found.code))
        return None
    return process


def update(mandate: Mandate, values: dict[str, object], source: Source, found: MissionRenewal,
           summary: ImportSummary) -> None:
    if mandate.expires is not None and mandate.expires != values["expires"]:
        summary.warn(found.line, f"{found.code}: {mandate.resolution} was recorded as expiring on "
                                 f"{mandate.expires.isoformat()}; the registry says "
                                 f"{found.renewal.expires:%d %B %Y}, which replaces it",
                     "expiry-replaced", subject(found.code))
    for key, value in values.items():
        setattr(mandate, key, value)
    mandate.source = source
    mandate.save(update_fields=[*FIELDS, "source"])
