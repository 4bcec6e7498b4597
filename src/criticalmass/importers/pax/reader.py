"""Reading pax_all_agreements_v10.csv (PA-X Peace Agreements Database). Plain Python.

One row per agreement (AgtId), with its peace process (PP, PPName), country or entity (Con), region,
date, status, type, stage, parties, the countries concerned (Loc1ISO, Loc2ISO) and about 250 provision
codes, of which only GeWom (provisions on women, girls and gender: 0 or 1) is read here. The other
columns may be present and are ignored. Quoted cells span lines, so a record's line is where it starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.lib.csvread import Row, read_rows
from criticalmass.lib.notes import Note, agreement_subject

REQUIRED = ["Con", "Contp", "PP", "PPName", "Reg", "AgtId", "Ver", "Agt", "Dat", "Status", "Agtp", "Stage",
            "StageSub", "Part", "ThrdPart", "Loc1ISO", "Loc2ISO", "GeWom"]


@dataclass(slots=True)
class PaxAgreement:
    line: int
    pax_id: int
    version: str
    name: str
    date: dt.date
    process_id: int
    process_name: str
    conflict: str
    conflict_type: str
    region: str
    status: str
    agreement_type: str
    stage: str
    substage: str
    parties: str
    third_parties: str
    countries: tuple[str, ...]
    gender_provisions: bool


@dataclass
class Reading:
    agreements: list[PaxAgreement] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    """Every agreement, checked; a repeated AgtId is left out with a warning naming both lines."""
    reading = Reading()
    first_line: dict[int, int] = {}
    process_names: dict[int, tuple[str, int]] = {}
    for row in read_rows(path, REQUIRED, allow_extra=True):
        reading.rows_read += 1
        if progress:
            progress(1)
        agreement = parse(row)
        if agreement.pax_id in first_line:
            first = first_line[agreement.pax_id]
            reading.warnings.append(Note(row.line, f"AgtId {agreement.pax_id} is also on line {first}; "
                                                   f"line {first} is kept, this line is left out",
                                         "duplicate-row", agreement_subject(agreement.pax_id)))
            continue
        first_line[agreement.pax_id] = row.line
        name, line = process_names.setdefault(agreement.process_id, (agreement.process_name, row.line))
        if name != agreement.process_name:
            message = (f"PP {agreement.process_id} is named {agreement.process_name!r} here but {name!r} "
                       f"on line {line}; the first name is kept")
            subject = agreement_subject(agreement.pax_id)
            reading.warnings.append(Note(row.line, message, "name-mismatch", subject))
        reading.agreements.append(agreement)
    return reading


def parse(row: Row) -> PaxAgreement:
    return PaxAgreement(
        line=row.line, pax_id=row.count("AgtId"), version=row.text("Ver", required=False),
        name=row.text("Agt"), date=row.date("Dat"), process_id=row.count("PP"),
        process_name=row.text("PPName"), conflict=row.text("Con"),
        conflict_type=row.text("Contp", required=False), region=row.text("Reg"),
        status=row.text("Status", required=False), agreement_type=row.text("Agtp", required=False),
        stage=row.text("Stage", required=False), substage=row.text("StageSub", required=False),
        parties=row.text("Part", required=False), third_parties=row.text("ThrdPart", required=False),
        countries=country_codes(row),
        gender_provisions=flag(row, "GeWom"),
    )


def country_codes(row: Row) -> tuple[str, ...]:
    """Loc1ISO then Loc2ISO, upper case, leaving out empty cells."""
    return tuple(code for column in ("Loc1ISO", "Loc2ISO") if (code := row.text(column, False).upper()))


def flag(row: Row, column: str) -> bool:
    """A PA-X code: 1 (the agreement has such a provision) or 0."""
    value = row[column].strip()
    if value not in ("0", "1"):
        raise row.error(column, f"{row[column]!r} is not a PA-X code; 0 or 1 is needed")
    return value == "1"
