"""Mapping one UN monthly report (lib.un_reports.types.Report) onto processes and observations.

- One Source per report month, slug "un-dpo-contributions-YYYY-MM" (parity.report_months), the
  default of its own dataset; its version names the printed date, the layout and the content's
  fingerprint, so a file that repeats another's content is found.
- Each mission code becomes a Process as the IPI import makes it (kind peace operation, sponsor UN,
  name and host from parity/data/missions.csv; a code the registry lacks keeps its code as its name,
  with a warning). A start or end date the registry leaves blank never erases one stored before
  (PKOC's start dates).
- A report without a mission breakdown (2018-03..2019-08) counts every row in one Process, slug
  "un-all-operations", of kind ALL_OPERATIONS: counted in the totals and by country, never a mission.
- Each row becomes an Observation of its personnel type for the contributing country (women = female,
  men = male, total = total; 0/0/0 not stored); each mission x country also gets the sum of its types
  as "All uniformed personnel" (Category.TOTAL), as the IPI file's Total is stored.
- source_row of a PDF is page x 1000 + line (page 3, line 41 is 3041).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Key, SourceInfo, Values
from criticalmass.importers.peacekeeping_gender.mapping import REGISTRY, Mission, load_missions
from criticalmass.lib.notes import INFO, observation_subject
from criticalmass.lib.un_reports.types import Report, ReportNote, ReportRow, Where
from criticalmass.parity.models import Category, Process
from criticalmass.parity.report_months import SERIES_SUBJECT, month_end, report_slug

DATASET = "un-contributions"
ALL_OPERATIONS_SLUG = "un-all-operations"
ALL_OPERATIONS_NAME = "All UN peace operations (months reported without a mission breakdown)"
STAFF_OFFICERS_NOTE = "staff-officers-category"
NAME_MONTH = re.compile(r"(\d{4})_(\d{2})")
LINES_PER_PAGE = 1000


@dataclass
class Mapped:
    """What one report becomes: observations by key, and the warnings of the mapping."""

    observations: dict[Key, Values] = field(default_factory=dict)
    subjects: dict[Where, str] = field(default_factory=dict)  # each row's place -> its observation


def source_info(report: Report) -> SourceInfo:
    month = f"{report.month:%B %Y}"
    return SourceInfo(
        slug=report_slug(report.month),
        dataset=f"UN DPO monthly report of uniformed personnel, {month}",
        publisher="United Nations Department of Peace Operations (DPO)",
        version=version_of(report),
        url="https://peacekeeping.un.org/en/data",
        licence="UN public statistics (UN terms of use, https://www.un.org/en/about-us/terms-of-use)",
        citation="United Nations Department of Peace Operations, \"Contribution of uniformed personnel to "
                 f"UN by mission, country and personnel type\", monthly report, {month}.",
    )


def version_of(report: Report) -> str:
    """The printed date, the layout and the content's fingerprint (found again by `content_mark`)."""
    mark = content_mark(report.fingerprint)
    return f"as of {report.month.isoformat()}, layout {report.layout[:30]}, {mark}"


def content_mark(fingerprint: str) -> str:
    return f"content {fingerprint[:16]}"


def row_line(where: Where) -> int:
    return where.page * LINES_PER_PAGE + where.line


def month_in_name(path: Path) -> dt.date | None:
    """The month a file's name gives (UN_country_contributions_2025_06.pdf: June 2025), if any."""
    found = NAME_MONTH.search(path.stem)
    if found is None or not 1 <= int(found[2]) <= 12:
        return None
    return month_end(int(found[1]), int(found[2]))


def name_warnings(report: Report, path: Path) -> list[tuple[int, str, str]]:
    """The printed month contradicting the file's name: kept as a note (the printed date is the truth)."""
    named = month_in_name(path)
    noted = any(note.kind == "file-name-month-differs" for note in report.notes)
    if named is None or named == report.month or noted:
        return []
    return [(0, f"{path.name} is named for {named:%B %Y} but the report prints {report.month:%B %Y}; "
                "imported as the printed month", "file-name-month-differs")]


def save_processes(report: Report, source: Source, summary: ImportSummary) -> dict[str | None, int]:
    """The Process of every mission in the report (or the all-operations one); ids by code."""
    registry = load_missions()
    ids: dict[str | None, int] = {}
    for row in report.rows:
        if row.mission in ids:
            continue
        if row.mission is None:
            ids[None] = all_operations(source).pk
            continue
        mission = registry.get(row.mission)
        if mission is None:
            summary.warn(row_line(row.where), f"mission {row.mission!r} is not in the mission registry "
                         f"({REGISTRY}); its process is named after its code", "unknown-mission",
                         observation_subject(slugify(row.mission)))
        ids[row.mission] = save_mission(row.mission, mission, source).pk
    return ids


def all_operations(source: Source) -> Process:
    process, _ = Process.objects.get_or_create(slug=ALL_OPERATIONS_SLUG, defaults={
        "name": ALL_OPERATIONS_NAME, "kind": Process.Kind.ALL_OPERATIONS, "sponsor": Process.Sponsor.UN,
        "source": source})
    return process


MISSION_FIELDS = ("code", "kind", "sponsor", "name", "host_country_id", "start_date", "end_date", "source_id")


def save_mission(code: str, mission: Mission | None, source: Source) -> Process:
    """The mission's process as the registry describes it; saved only when that changes something (a
    save is signalled to the caches and the search index, once per mission and file otherwise)."""
    process = Process.objects.filter(slug=slugify(code)).first()
    if process is None:
        process = Process(slug=slugify(code), name=code, source=source)
    before = [getattr(process, field) for field in MISSION_FIELDS] if process.pk else None
    process.code, process.kind, process.sponsor = code, Process.Kind.OPERATION, Process.Sponsor.UN
    if mission is not None:
        process.name = mission.name
        process.host_country_id = mission.host_iso3 or process.host_country_id
        process.start_date = process.start_date or mission.start_date  # PKOC's cited dates stay
        process.end_date = process.end_date or mission.end_date
    process.source = process.source or source
    if before != [getattr(process, field) for field in MISSION_FIELDS]:
        process.save()
    return process


def save_unknown_countries(rows: Iterable[ReportRow], summary: ImportSummary) -> None:
    known = set(Country.objects.values_list("iso3", flat=True))
    for row in rows:
        if row.country_iso3 not in known:
            Country.objects.create(iso3=row.country_iso3, name=row.country_as_printed)
            known.add(row.country_iso3)
            summary.warn(row_line(row.where), f"contributor code {row.country_iso3!r} is not an ISO 3166-1 "
                         f"country; added as {row.country_as_printed!r} so the report's numbers are kept",
                         "unknown-country", f"country:{row.country_iso3}")


def observations(report: Report, process_ids: dict[str | None, int], summary: ImportSummary) -> Mapped:
    """Each row's observation, and each mission x country's sum of its types as the total."""
    mapped = Mapped()
    totals: dict[Key, list[int]] = {}
    for row in report.rows:
        process_id = process_ids[row.mission]
        key: Key = (process_id, report.month, str(row.personnel), row.country_iso3, "")
        line = row_line(row.where)
        mapped.subjects[row.where] = subject(row, report.month)
        if key in mapped.observations:
            summary.warn(line, f"{row.country_as_printed} ({row.country_iso3}) has a second row of "
                         f"{row.personnel} in {row.mission or 'the report'}; the first is kept, this one "
                         "is left out", "duplicate-row", mapped.subjects[row.where])
            continue
        if row.male + row.female != row.total:
            summary.warn(line, f"male {row.male} + female {row.female} = {row.male + row.female}, but total "
                         f"is {row.total}; numbers kept as given", "sum-mismatch", mapped.subjects[row.where])
        if not (row.male or row.female or row.total):
            continue
        mapped.observations[key] = (row.female, row.male, None, row.total, line)
        whole = totals.setdefault((process_id, report.month, str(Category.TOTAL), row.country_iso3, ""),
                                  [0, 0, 0, line])
        whole[0], whole[1], whole[2] = whole[0] + row.female, whole[1] + row.male, whole[2] + row.total
    for key, (women, men, total, line) in totals.items():
        mapped.observations[key] = (women, men, None, total, line)
    return mapped


def subject(row: ReportRow, month: dt.date) -> str:
    slug = slugify(row.mission) if row.mission else ALL_OPERATIONS_SLUG
    return observation_subject(slug, month, str(row.personnel), row.country_iso3)


def note_subject(note: ReportNote, mapped: Mapped) -> str:
    """A note on a row concerns its observation; a suspect gender split elsewhere, the whole series."""
    if note.where is not None and note.where in mapped.subjects:
        return mapped.subjects[note.where]
    return SERIES_SUBJECT if note.kind == "gender-split-suspect" else ""


def report_notes(report: Report, mapped: Mapped, summary: ImportSummary) -> None:
    for note in report.notes:
        line = row_line(note.where) if note.where else 0
        where = f" ({note.where})" if note.where else ""
        kind = slugify(note.kind)[:50] or "report"
        summary.warn(line, f"{report.month:%B %Y}: {note.message}{where}", kind, note_subject(note, mapped))


def staff_officers_note(first: dt.date) -> tuple[str, str, str]:
    return (f"From {first:%B %Y} the UN counts staff officers as their own category; before, they are "
            "inside troops or experts on mission", STAFF_OFFICERS_NOTE, INFO)
