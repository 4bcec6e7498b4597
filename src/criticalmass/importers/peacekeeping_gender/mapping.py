"""Mapping Gender.Full.csv onto processes (missions) and observations.

- Each mission code becomes a Process: kind peace operation, sponsor UN, slug the code in lower
  case, with its name, host country and dates from the project's registry
  `parity/data/missions.csv`. A code the registry lacks is imported with the code as its name and
  a warning naming its first line.
- Each row and category (individual police, formed police units, experts on mission, troops, and
  the row's Total as "all uniformed personnel") becomes an Observation for the contributing
  country: women = Female, men = Male, unknown = None (the file counts everyone as male or
  female), total = Total, source_row = the row's physical line.
- Zero cells are not stored. The file lists a contributor once per mission and month and writes
  0/0/0 for the categories it sent nobody in; an absent deployment is not an observation (about
  half the cells). A category is skipped only when Male, Female and Total are all 0; any other
  numbers are stored exactly as given, inconsistent ones with a warning.
- A contributor code missing from the countries table (seeded from ISO 3166-1) is added, named
  after the file's Contributor column, with a warning: the source's numbers are kept.
- A second row with the same date, mission and contributor is left out with a warning naming
  both lines; the first is kept.
- IPI's other layout (see reader): a count given as NA is stored as unknown (None); a category
  whose Total is NA has no observation, since an observation needs a total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

import criticalmass.parity
from criticalmass.core.models import Country, Source
from criticalmass.importers.base import (
    ImportSummary,
    Key,
    Progress,
    SourceChoice,
    SourceInfo,
    Values,
    coverage,
    run_import,
    upsert_observations,
)
from criticalmass.importers.peacekeeping_gender.reader import CATEGORIES, Reading, Record, read
from criticalmass.lib.csvread import read_rows
from criticalmass.lib.notes import observation_subject
from criticalmass.parity.models import Category, Process

DATASET = "peacekeeping-gender"
ROLES = dict(zip(CATEGORIES, [
    Category.INDIVIDUAL_POLICE, Category.FORMED_POLICE, Category.EXPERTS_ON_MISSION, Category.TROOPS,
    Category.TOTAL,
], strict=True))
MISSIONS = Path(criticalmass.parity.__file__).parent / "data" / "missions.csv"
REGISTRY = "parity/data/missions.csv"
SOURCE = SourceInfo(
    slug="ipi-peacekeeping-gender",
    dataset="IPI Peacekeeping Database: UN uniformed personnel by gender, contributor, mission and month",
    publisher="International Peace Institute (IPI), from UN DPKO monthly statistics",
    version="TCC-DataScraper commit 936f28e6 (2014-03-24)",
    url="https://github.com/IPIDataLab/TCC-DataScraper",
    licence="No licence file in the repository; the numbers are UN public statistics "
            "(UN terms of use, https://www.un.org/en/about-us/terms-of-use)",
    citation="International Peace Institute, IPI Peacekeeping Database (www.providingforpeacekeeping.org), "
             "compiled from the UN Department of Peacekeeping Operations' monthly 'Country contributions "
             "detailed by mission' reports; tcc_files/Gender.Full.csv in "
             "github.com/IPIDataLab/TCC-DataScraper, commit 936f28e6dca9f1de93dabf2da96a43fe11107d82.",
    release_sha256="f923a2f0b1b0378aeff640d649d797047f411e95e54929f69fce26ea8b46d0cf",
)


@dataclass(frozen=True)
class Mission:
    code: str
    name: str
    host_iso3: str | None
    start_date: dt.date | None
    end_date: dt.date | None


def import_file(path: Path, progress: Progress | None = None, choice: SourceChoice | None = None
                ) -> ImportSummary:
    """Import Gender.Full.csv or a file in IPI's other layout.

    Raises CsvError or ImportFailed, changing nothing, on a bad file."""
    reading = read(path, progress)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings))

    def write(source: Source) -> None:
        process_ids = save_missions(reading, source, summary)
        save_unknown_countries(reading, summary)
        upsert_observations(source, observations(reading.records, process_ids), summary)

    dates = [record.date for record in reading.records]
    covered = coverage(min(dates, default=None), max(dates, default=None), month=True)
    return run_import(SOURCE, path, summary, write, choice, covered)


def load_missions(path: Path = MISSIONS) -> dict[str, Mission]:
    columns = ["code", "name", "host_iso3", "start_date", "end_date"]
    missions = {}
    for row in read_rows(path, columns, name=REGISTRY):
        missions[row.text("code")] = Mission(
            row.text("code"), row.text("name"), row.text("host_iso3", required=False) or None,
            row.date("start_date") if row["start_date"] else None,
            row.date("end_date") if row["end_date"] else None,
        )
    return missions


def first_lines(records: list[Record], attribute: str) -> dict[str, int]:
    """Each distinct value of a record attribute, with the first line it appears on."""
    lines: dict[str, int] = {}
    for record in records:
        lines.setdefault(getattr(record, attribute), record.line)
    return lines


def save_missions(reading: Reading, source: Source, summary: ImportSummary) -> dict[str, int]:
    """Create or update the Process of every mission in the file; return their ids by code."""
    registry = load_missions()
    ids = {}
    for code, line in first_lines(reading.records, "mission").items():
        mission = registry.get(code)
        if mission is None:
            summary.warn(line, f"mission {code!r} is not in the mission registry ({REGISTRY}); "
                               "its process is named after its code", "unknown-mission",
                         observation_subject(slugify(code)))
        ids[code] = save_mission(code, mission, source).pk
    return ids


def save_mission(code: str, mission: Mission | None, source: Source) -> Process:
    process = Process.objects.filter(slug=slugify(code)).first()
    if process is None:
        process = Process(slug=slugify(code), name=code, source=source)
    process.code, process.kind, process.sponsor = code, Process.Kind.OPERATION, Process.Sponsor.UN
    if mission is not None:
        # The registry is the project's reference for names and hosts. Its dates cite no source, so they
        # only fill dates not yet known: PKOC's cited start months (imported after) stay, and a second
        # import-all changes nothing.
        process.name, process.host_country_id = mission.name, mission.host_iso3
        process.start_date = process.start_date or mission.start_date
        process.end_date = process.end_date or mission.end_date
    process.source = process.source or source
    process.save()
    return process


def save_unknown_countries(reading: Reading, summary: ImportSummary) -> None:
    known = set(Country.objects.values_list("iso3", flat=True))
    names = {record.iso3: record.contributor for record in reversed(reading.records)}
    for iso3, line in first_lines(reading.records, "iso3").items():
        if iso3 not in known:
            Country.objects.create(iso3=iso3, name=names[iso3])
            summary.warn(line, f"contributor code {iso3!r} is not an ISO 3166-1 country; added as "
                               f"{names[iso3]!r} so the source's numbers are kept", "unknown-country",
                         f"country:{iso3}")


def observations(records: list[Record], process_ids: dict[str, int]) -> dict[Key, Values]:
    found: dict[Key, Values] = {}
    roles = [str(ROLES[category]) for category in CATEGORIES]
    for record in records:
        process_id = process_ids[record.mission]
        counts = zip(roles, record.males(), record.females(), record.totals(), strict=True)
        for role, male, female, total in counts:
            if total is not None and (male or female or total):
                key = (process_id, record.date, role, record.iso3, "")
                found[key] = (female, male, None, total, record.line)
    return found
