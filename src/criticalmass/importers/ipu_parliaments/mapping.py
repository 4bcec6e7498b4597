"""Writing the IPU's figures into the parliaments app: each file is a Source of its own.

A folder imports both files in one transaction (either failing changes nothing); a file imports alone,
known by its suffix (.xlsx the historical table, .csv the ranking). Rows are matched to what the source
stored before (history by row, the ranking by country, chamber and date): changed ones are updated, new
ones created, ones the file no longer has removed. A country code the countries table lacks is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.db import models, transaction

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import (
    ImportFailed,
    ImportSummary,
    Progress,
    SourceInfo,
    chunked,
    run_import,
)
from criticalmass.importers.ipu_parliaments import history, ranking
from criticalmass.parliaments.models import ChamberElection, ChamberStanding

DATASET = "ipu-parliaments"
HISTORY_FILE = "women_in_parliament-historical_database-1945_to_2018.xlsx"
RANKING_FILE = "women_percent_as_of2021.csv"
REPOSITORY = "github.com/Mafaldim/women-in-parliament, commit b796cde3231b350d393aec5e86f80e0bec95aed3"
LICENCE = "IPU data terms (data.ipu.org); the repository's MIT licence covers its code only"
HISTORY = SourceInfo(
    slug="ipu-parliament-history",
    dataset="IPU: women in national parliaments, history 1945–2018",
    publisher="Inter-Parliamentary Union (IPU Parline)", version=f"{HISTORY_FILE}, 3,815 rows",
    url="https://data.ipu.org", licence=LICENCE,
    citation=f"Inter-Parliamentary Union, historical data on women in national parliaments 1945–2018, as "
             f"copied in {REPOSITORY} (static/data/{HISTORY_FILE}).",
    release_sha256="4f21159e4fd22d6c0a0ab38a649c39f68c1491cf6a04ab54041acfec86823bb2",
)
RANKING = SourceInfo(
    slug="ipu-parliament-ranking",
    dataset="IPU: women in national parliaments, ranking as of 1 September 2021",
    publisher="Inter-Parliamentary Union (IPU Open Data)", version="ranking as of 1 September 2021 "
    "(exported 2021-09-24)", url="https://data.ipu.org", licence=LICENCE,
    citation=f"Inter-Parliamentary Union, monthly ranking of women in national parliaments as of 1 September "
             f"2021 (IPU Open Data, 24 September 2021), as copied in {REPOSITORY} "
             f"(static/data/{RANKING_FILE}).",
    release_sha256="eb33e9af8d86bbe94fc1ba387b901ef77cac234a8098c4bb437fe8229cc48445",
)
ELECTION_FIELDS = ("country_id", "chamber", "chamber_label", "year", "month", "continuous", "seats", "women",
                   "share")
STANDING_FIELDS = ("rank", "last_election", "seats", "women", "share", "source_row")


def import_path(path: Path, progress: Progress | None = None) -> ImportSummary:
    if not path.is_dir():
        return import_one(path, progress)
    found = [path / name for name in (HISTORY_FILE, RANKING_FILE) if (path / name).is_file()]
    if not found:
        raise ImportFailed(f"{path} holds neither {HISTORY_FILE} nor {RANKING_FILE}; nothing was imported")
    with transaction.atomic():
        summaries = [import_one(file, progress) for file in found]
    return combined(path, summaries)


def import_one(path: Path, progress: Progress | None) -> ImportSummary:
    if path.suffix.lower() == ".xlsx":
        return import_history(path, progress)
    if path.suffix.lower() == ".csv":
        return import_ranking(path, progress)
    raise ImportFailed(f"{path.name}: the IPU files are the historical table (.xlsx) and the ranking (.csv)")


def combined(path: Path, summaries: list[ImportSummary]) -> ImportSummary:
    total = ImportSummary(DATASET, f"{path.name}/ ({', '.join(s.file for s in summaries)})", unit="figures")
    for summary in summaries:
        for name in ("rows_read", "created", "updated", "unchanged", "removed"):
            setattr(total, name, getattr(total, name) + getattr(summary, name))
        total.warnings += [(line, f"{summary.file}: {message}") for line, message in summary.warnings]
    return total


def import_history(path: Path, progress: Progress | None) -> ImportSummary:
    reading = history.read(path)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="figures")

    def write(source: Source) -> None:
        known_countries({e.iso3: e.line for e in reading.elections}, path.name)
        wanted = {e.line: {"country_id": e.iso3, "chamber": e.chamber, "chamber_label": e.chamber_label,
                           "year": e.year, "month": e.month, "continuous": e.continuous, "seats": e.seats,
                           "women": e.women, "share": e.share} for e in reading.elections}
        existing = ChamberElection.objects.filter(source=source)
        sync(existing, lambda o: o.source_row, wanted, ELECTION_FIELDS, summary,
             lambda line, values: ChamberElection(source=source, source_row=line, **values))
        if progress:
            progress(reading.rows_read)

    return run_import(HISTORY, path, summary, write)


def import_ranking(path: Path, progress: Progress | None) -> ImportSummary:
    reading = ranking.read(path)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="figures")

    def write(source: Source) -> None:
        known_countries({s.iso3: s.line for s in reading.standings}, path.name)
        wanted = {(s.iso3, s.chamber): {"rank": s.rank, "last_election": s.last_election, "seats": s.seats,
                                        "women": s.women, "share": s.share, "source_row": s.line}
                  for s in reading.standings}
        existing = ChamberStanding.objects.filter(source=source, as_of=reading.as_of)
        sync(existing, lambda o: (o.country_id, o.chamber), wanted, STANDING_FIELDS, summary,
             lambda key, values: ChamberStanding(source=source, country_id=key[0], chamber=key[1],
                                                 as_of=reading.as_of, **values))
        if progress:
            progress(reading.rows_read)

    return run_import(RANKING, path, summary, write, covered=reading.as_of.isoformat())


def known_countries(first_lines: dict[str, int], file: str) -> None:
    known = set(Country.objects.filter(iso3__in=first_lines).values_list("iso3", flat=True))
    missing = sorted(set(first_lines) - known, key=lambda code: first_lines[code])
    if missing:
        code = missing[0]
        raise ImportFailed(f"{file}, line {first_lines[code]}: country {code} is not in the countries table; "
                           "nothing was imported")


def sync(existing: models.QuerySet[Any], key_of: Callable[[Any], Any], wanted: dict[Any, dict[str, Any]],
         fields: Iterable[str], summary: ImportSummary, build: Callable[[Any, dict[str, Any]], Any]) -> None:
    """Make the source's rows exactly `wanted` (by key), counting into `summary`."""
    fields = tuple(fields)
    stored = {key_of(o): o for o in existing}
    new = [build(key, values) for key, values in wanted.items() if key not in stored]
    to_update = []
    for key, values in wanted.items():
        found = stored.pop(key, None)
        if found is not None and any(getattr(found, f) != values[f] for f in fields):
            for name, value in values.items():
                setattr(found, name, value)
            to_update.append(found)
    model = existing.model
    model.objects.bulk_create(new, batch_size=500)
    model.objects.bulk_update(to_update, list(fields), batch_size=500)
    for chunk in chunked([o.pk for o in stored.values()], 900):
        model.objects.filter(pk__in=chunk).delete()
    summary.created, summary.updated, summary.removed = len(new), len(to_update), len(stored)
    summary.unchanged = len(wanted) - len(new) - len(to_update)
