"""The words the reports use: personnel types, numbers and printed dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from criticalmass.lib.un_reports.types import Personnel, ReportError, Where

# Every personnel label any layout prints, lower case, to the type it counts. "police" alone is the
# 2019-12..2021-01 layouts' individual police (those layouts print "fpu" beside it).
PERSONNEL_LABELS: dict[str, Personnel] = {
    "contingent troop": "troops", "contingent troops": "troops", "troops": "troops",
    "contingent": "troops",
    "staff officer": "staff_officers", "staff officers": "staff_officers", "staff": "staff_officers",
    "mso": "staff_officers",
    "experts on mission": "experts_on_mission", "experts": "experts_on_mission",
    "unmem": "experts_on_mission", "military observers": "experts_on_mission",
    "military experts on mission": "experts_on_mission",
    "formed police units": "formed_police", "formed police unit": "formed_police", "fpu": "formed_police",
    "ind police": "individual_police", "individual police": "individual_police",
    "unpol": "individual_police", "police": "individual_police",
}
STAFF_OFFICER_LABELS = frozenset(label for label, kind in PERSONNEL_LABELS.items()
                                 if kind == "staff_officers")

NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
TRIPLE = rf"({NUMBER})\s+({NUMBER})\s+({NUMBER})"
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}


def label_pattern(labels: list[str]) -> str:
    """A regex alternation of labels, longest first, matching any case."""
    return "(?i:" + "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True)) + ")"


def personnel_of(label: str, where: Where) -> Personnel:
    """The personnel type a printed label counts; an unknown label is refused."""
    kind = PERSONNEL_LABELS.get(" ".join(label.split()).lower())
    if kind is None:
        raise ReportError(f"unknown personnel type {label!r}", where)
    return kind


def to_int(text: str) -> int:
    return int(text.replace(",", ""))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def printed_date(text: str, where: Where) -> dt.date:
    """A printed date ("31-Jan-15", "30/06/2017", "November, 2016") as the last day of its month."""
    if found := re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text):
        day, month, year = (int(part) for part in found.groups())
    elif found := re.search(r"\b(\d{1,2})-([A-Za-z]{3})-(\d{2})\b", text):
        day, month, year = int(found[1]), MONTHS.get(found[2].lower(), 0), 2000 + int(found[3])
    elif found := re.search(r"\b([A-Za-z]+),?\s+(\d{4})\b", text):
        day, month, year = 1, MONTHS.get(found[1][:3].lower(), 0), int(found[2])
    else:
        raise ReportError(f"no date in {text!r}", where)
    if not 1 <= month <= 12:
        raise ReportError(f"no month in {text!r}", where)
    end = month_end(year, month)
    if not 1 <= day <= end.day:
        raise ReportError(f"no such day in {text!r}", where)
    return end
