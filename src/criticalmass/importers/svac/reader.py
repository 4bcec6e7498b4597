"""Reading SVAC 1989–2015 (svac.csv of the RSVAC package, or the 'SVAC 1989-2015' sheet of
RSVAC_1989_2015_03_29_20.xlsx, its first sheet). Plain Python: no Django here.

One row per armed actor in one conflict in one year. Every cell the platform keeps is checked; a
bad one raises RowError naming the file, line and column. Missing codes are "NA" in the CSV and
-99 in the workbook: both are read as "no report found", never as zero. Kept with a warning:
an actor-year listed twice (the second is left out), an actor without a UCDP actor ID, and a row
whose forms are coded though all three prevalence codes say no report of sexual violence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.importers.sheets import read_table
from criticalmass.lib.csvread import Row
from criticalmass.lib.notes import INFO, Note

COLUMNS = ["year", "conflictid_old", "conflictid_new", "actor", "actorid", "actorid_new", "actor_type",
           "type", "incomp", "region", "location", "gwnoloc", "gwnoloc2", "gwnoloc3", "gwnoloc4",
           "conflictyear", "interm", "postc", "state_prev", "ai_prev", "hrw_prev", "form"]
PREVALENCE = ("state_prev", "ai_prev", "hrw_prev")  # U.S. State Department, Amnesty, Human Rights Watch
LOCATIONS = ("gwnoloc", "gwnoloc2", "gwnoloc3", "gwnoloc4")  # 0: no further country
MISSING = frozenset({"", "NA", "-99"})
FORMS = {1: "rape", 2: "sexual slavery", 3: "forced prostitution", 4: "forced pregnancy",
         5: "forced sterilization/abortion", 6: "sexual mutilation", 7: "sexual torture"}
ACTOR_TYPES = range(1, 7)
FIRST_YEAR, LAST_YEAR = 1946, 2100  # UCDP's first year; a later one than LAST_YEAR is a typing error
FORM_SEPARATOR = re.compile(r"\s*,\s*")


@dataclass(frozen=True)
class Record:
    line: int
    year: int
    conflict_id: int
    actor: str
    actor_id: int | None  # None: no UCDP ID since version 17.1 ("NA"), kept with a note
    actor_type: int
    location: str
    gw_codes: tuple[int, ...]  # the countries of the conflict's location, in the file's order
    prevalence: tuple[int | None, int | None, int | None]  # State Department, Amnesty, HRW
    forms: tuple[int, ...]
    conflict_active: bool


@dataclass
class Reading:
    records: list[Record] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[Note] = field(default_factory=list)

    @property
    def years(self) -> tuple[int, int] | None:
        found = [record.year for record in self.records]
        return (min(found), max(found)) if found else None


def read(path: Path) -> Reading:
    reading = Reading()
    first_line: dict[tuple[int, int, str], int] = {}
    for row in read_table(path, COLUMNS):
        reading.rows_read += 1
        record = parse(row)
        key = (record.year, record.conflict_id, record.actor)
        if key in first_line:
            reading.warnings.append(Note(row.line, f"{record.actor} in conflict {record.conflict_id} in "
                                               f"{record.year} is listed again (first on line "
                                               f"{first_line[key]}); this row is left out", "duplicate",
                                         subject(row.line)))
            continue
        first_line[key] = row.line
        if record.actor_id is None:
            reading.warnings.append(Note(row.line, f"{record.actor} {record.year}: no UCDP actor ID "
                                                   "(actorid_new is NA)", "missing-code", subject(row.line),
                                         severity=INFO))
        if record.forms and not any(record.prevalence):
            reading.warnings.append(Note(row.line, f"{record.actor} {record.year}: forms of sexual violence "
                                               "are coded though no source reports any (prevalence codes "
                                               f"{shown(record.prevalence)})", "inconsistency",
                                         subject(row.line)))
        reading.records.append(record)
    return reading


def subject(line: int) -> str:
    """The note subject of a row of the file: what a country's table picks its notes by."""
    return f"svac-row:{line}"


def shown(prevalence: tuple[int | None, ...]) -> str:
    return "/".join("NA" if code is None else str(code) for code in prevalence)


def parse(row: Row) -> Record:
    year = row.count("year")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise row.error("year", f"{year} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
    actor_type = row.count("actor_type")
    if actor_type not in ACTOR_TYPES:
        raise row.error("actor_type", f"{actor_type} is not an SVAC actor type (1 to 6)")
    codes = tuple(code for code in (row.count(column) for column in LOCATIONS) if code)
    if not codes:
        raise row.error("gwnoloc", "names no country (0)")
    return Record(
        line=row.line, year=year, conflict_id=row.count("conflictid_new"), actor=row.text("actor"),
        actor_id=row.optional_count("actorid_new", MISSING), actor_type=actor_type,
        location=row.text("location"),
        gw_codes=codes, prevalence=(prevalence(row, "state_prev"), prevalence(row, "ai_prev"),
                                    prevalence(row, "hrw_prev")),
        forms=forms(row), conflict_active=flag(row, "conflictyear"),
    )


def prevalence(row: Row, column: str) -> int | None:
    """0 to 3, or None where the dataset found no report ("NA", -99)."""
    value = row.optional_count(column, MISSING)
    if value is not None and value > 3:
        raise row.error(column, f"{value} is not a prevalence code (0 to 3, or NA)")
    return value


def forms(row: Row) -> tuple[int, ...]:
    """The form codes, e.g. "1, 2 , 7" -> (1, 2, 7); none when the cell is missing."""
    text = row["form"].strip().strip(",").strip()
    if text in MISSING:
        return ()
    codes = []
    for part in FORM_SEPARATOR.split(text):
        if not part.isdigit() or int(part) not in FORMS:
            raise row.error("form", f"{part!r} in {text!r} is not a form of sexual violence (1 to 7)")
        codes.append(int(part))
    return tuple(codes)


def flag(row: Row, column: str) -> bool:
    value = row.count(column)
    if value not in (0, 1):
        raise row.error(column, f"{value} is not 0 or 1")
    return value == 1
