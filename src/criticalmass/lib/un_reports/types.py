"""What a UN monthly report of uniformed personnel says, once read from its PDF.

The UN Department of Peace Operations publishes, every month, "Contribution of uniformed personnel
to UN by mission, country and personnel type" as a PDF. Its layout changed several times between
2015 and 2025 (see ../shared/data/un_pko_contributions_2015_2025/PROVENANCE.txt); every layout is
read into these types, which are all the importer sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Personnel = Literal["troops", "staff_officers", "experts_on_mission", "formed_police", "individual_police"]
PERSONNEL: tuple[Personnel, ...] = (
    "troops", "staff_officers", "experts_on_mission", "formed_police", "individual_police",
)


@dataclass(frozen=True)
class Where:
    """A place in the PDF: 1-based page and 1-based line of that page's extracted text."""

    page: int
    line: int

    def __str__(self) -> str:
        return f"page {self.page}, line {self.line}"


@dataclass(frozen=True)
class ReportRow:
    """One detail row: a contributing country's personnel of one type in one mission (or in all
    missions, for the months whose report has no mission breakdown)."""

    mission: str | None  # the mission's code as printed ("UNMISS"); None when the report has none
    country_iso3: str  # ISO 3166-1 alpha-3 code of the contributing country
    country_as_printed: str  # the UN's own spelling, wrapped lines joined
    personnel: Personnel
    male: int
    female: int
    total: int
    where: Where


@dataclass(frozen=True)
class ReportNote:
    """Something the reader saw and the importer should keep as a data note (never a silent fix)."""

    kind: str  # short machine name, e.g. "file-name-month-differs", "name-joined"
    message: str
    where: Where | None = None


@dataclass(frozen=True)
class Report:
    """A whole monthly report, its printed totals already checked against its detail rows."""

    month: dt.date  # the report's own printed "as of" date (the last day of the month)
    layout: str  # a short name for the layout the reader recognised
    has_missions: bool  # False for 2018-03..2019-08: country x personnel type only
    has_staff_officers: bool  # True when "Staff Officer" is printed as its own personnel type
    rows: tuple[ReportRow, ...]
    totals_checked: int  # how many printed subtotals and totals were recomputed and matched
    notes: tuple[ReportNote, ...]
    fingerprint: str  # a hash of the detail rows, to find a file whose content duplicates another


class ReportError(ValueError):
    """A report that cannot be imported, with where in the PDF the problem is."""

    def __init__(self, message: str, where: Where | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{message} ({where})" if where else message)
