"""Reading pax_gender_v9.csv (PA-X Gender, the women, girls and gender sub-dataset). Plain Python.

One row per agreement with provisions on women, girls and gender: PA-X's metadata columns, then 53
detailed codes (WggPar participation, WggGenQuot quotas, WggVioSex sexual violence ...), each 0 or 1.
Metadata columns other than AgtId are ignored (the agreement itself comes from the PA-X file). A
column that looks like a code (starts with "Wgg") but is not one of the 53 is refused: its
provisions would be lost without a word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.lib.csvread import CsvFile, Row, check_header
from criticalmass.lib.notes import Note, agreement_subject

CODES = [
    "WggPar", "WggGenQuot", "WggEffPart", "WggCitizen", "WggParOth", "WggEq", "WggEqGen", "WggSocEq",
    "WggEqOth", "WggGrp", "WggIndNom", "WggRefDisp", "WggPreg", "WggGrpOth", "WggIntLaw", "WggHR", "WggHrSta",
    "WggUnsc", "WggIntLawOth", "WggNewInst", "WggInstWom", "WggInf", "WggRecon", "WggNewInstOth", "WggVio",
    "WggVioSex", "WggVioGen", "WggVioProt", "WggVioOth", "WggTraJus", "WggPast", "WggPri", "WggTraJusOth",
    "WggInstRef", "WggConst", "WggLawRef", "WggJud", "WggPol", "WggDdr", "WggPubAdm", "WggInstRefOth",
    "WggDev", "WggDevGen", "WggRehab", "WggEdu", "WggHea", "WggRepro", "WggDevOth", "WggImpl",
    "WggImplRole", "WggImplSign", "WggImplOth", "WggOth",
]
REQUIRED = ["AgtId", *CODES]
CODE_PREFIX = "Wgg"


@dataclass(slots=True)
class GenderRow:
    line: int
    pax_id: int
    codes: list[str]  # the codes whose cell is 1


@dataclass
class Reading:
    rows: list[GenderRow] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    """Every row, checked; a repeated AgtId is left out with a warning naming both lines."""
    csv_file = CsvFile(path)
    header = csv_file.header()
    # Metadata columns may come and go; a code column must be one of the 53.
    metadata = [column for column in header if not column.startswith(CODE_PREFIX) and column not in REQUIRED]
    check_header(csv_file.name, header, [*REQUIRED, *metadata])
    reading = Reading()
    first_line: dict[int, int] = {}
    for row in csv_file.rows():
        reading.rows_read += 1
        if progress:
            progress(1)
        parsed = parse(row)
        if parsed.pax_id in first_line:
            first = first_line[parsed.pax_id]
            reading.warnings.append(Note(row.line, f"AgtId {parsed.pax_id} is also on line {first}; "
                                                   f"line {first} is kept, this line is left out",
                                         "duplicate-row", agreement_subject(parsed.pax_id)))
            continue
        first_line[parsed.pax_id] = row.line
        reading.rows.append(parsed)
    return reading


def parse(row: Row) -> GenderRow:
    return GenderRow(line=row.line, pax_id=row.count("AgtId"), codes=[c for c in CODES if flag(row, c)])


def flag(row: Row, column: str) -> bool:
    value = row[column].strip()
    if value not in ("0", "1"):
        raise row.error(column, f"{row[column]!r} is not a PA-X code; 0 or 1 is needed")
    return value == "1"
