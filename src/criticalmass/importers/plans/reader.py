"""Reading a plans file (CSV or XLSX) into checked field values. Plain Python, no Django.

Columns (all present, in any order; cells may be empty unless said otherwise):
slug (empty: iso3-kind-generation), country (the name, for people; not read), iso3 (required),
kind (nap, law, strategy; required), generation, title, adopted_year, adopted_month, period_start,
period_end, lead_agency, status (empty, in_force, expired, in_development, superseded),
budget (yes, no, unknown or empty), document_url, source_title (required), source_url (required),
flag (V read in the source, V2 secondary, R recalled), notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from criticalmass.importers.sheets import read_table
from criticalmass.lib.csvread import Row
from criticalmass.lib.plans import TEMPLATE_COLUMNS

COLUMNS = TEMPLATE_COLUMNS
KINDS = {"nap", "law", "strategy"}
STATUSES = {"", "in_force", "expired", "in_development", "superseded"}
BUDGET = {"yes": True, "no": False, "unknown": None, "": None}
FLAGS = {"V", "V2", "R"}
ISO3 = re.compile(r"[A-Z]{3}")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LENGTHS = {"title": 400, "lead_agency": 400, "source_title": 400, "document_url": 500, "source_url": 500,
           "slug": 100}


@dataclass
class PlanRow:
    line: int
    slug: str
    iso3: str
    fields: dict[str, Any]


@dataclass
class Reading:
    plans: list[PlanRow] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    """Every row checked; the first bad cell raises RowError naming file, line and column."""
    reading = Reading()
    seen: dict[str, int] = {}
    for row in read_table(path, COLUMNS):
        reading.rows_read += 1
        if progress:
            progress(1)
        plan = parse(row)
        if plan.slug in seen:
            raise row.error("slug", f"{plan.slug!r} is also on line {seen[plan.slug]}; each plan once")
        seen[plan.slug] = row.line
        reading.plans.append(plan)
    return reading


def parse(row: Row) -> PlanRow:
    iso3 = row.text("iso3")
    if not ISO3.fullmatch(iso3):
        raise row.error("iso3", f"{iso3!r} is not an ISO 3166-1 alpha-3 code (three capital letters)")
    kind = choice(row, "kind", KINDS, required=True)
    generation = year_or_number(row, "generation", 1, 99)
    fields = {
        "kind": kind, "generation": generation, "title": text(row, "title"),
        "adopted_year": year_or_number(row, "adopted_year", 1990, 2100),
        "adopted_month": year_or_number(row, "adopted_month", 1, 12),
        "period_start": year_or_number(row, "period_start", 1990, 2100),
        "period_end": year_or_number(row, "period_end", 1990, 2100),
        "lead_agency": text(row, "lead_agency"), "status": choice(row, "status", STATUSES),
        "allocated_budget": BUDGET[choice(row, "budget", set(BUDGET))],
        "document_url": url(row, "document_url"), "source_title": text(row, "source_title", required=True),
        "source_url": url(row, "source_url", required=True), "verification": choice(row, "flag", FLAGS, True),
        "notes": row["notes"].strip(),
    }
    check_period(row, fields)
    return PlanRow(row.line, slug(row, iso3, kind, generation), iso3, fields)


def slug(row: Row, iso3: str, kind: str, generation: int | None) -> str:
    given = row["slug"].strip()
    if not given:
        return f"{iso3.lower()}-{kind}-{generation or 1}"
    if not SLUG.fullmatch(given) or len(given) > LENGTHS["slug"]:
        raise row.error("slug", f"{given!r} is not a slug (lower-case letters, digits and hyphens)")
    return given


def text(row: Row, column: str, required: bool = False) -> str:
    value = row.text(column, required)
    if len(value) > LENGTHS.get(column, 10_000):
        raise row.error(column, f"is {len(value)} characters long; at most {LENGTHS[column]}")
    return value


def choice(row: Row, column: str, allowed: set[str], required: bool = False) -> str:
    value = row.text(column, required)
    if value not in allowed:
        options = ", ".join(sorted(repr(a) for a in allowed if a))
        raise row.error(column, f"{value!r} is not one of {options}")
    return value


def year_or_number(row: Row, column: str, low: int, high: int) -> int | None:
    value = row[column].strip()
    if not value:
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        raise row.error(column, f"{value!r} is not a whole number from {low} to {high}")
    return int(value)


def url(row: Row, column: str, required: bool = False) -> str:
    value = text(row, column, required)
    if value and not re.match(r"https?://\S+$", value):
        raise row.error(column, f"{value!r} is not a web address (http:// or https://)")
    return value


def check_period(row: Row, fields: dict[str, Any]) -> None:
    start, end = fields["period_start"], fields["period_end"]
    if start is not None and end is not None and end < start:
        raise row.error("period_end", f"{end} is before period_start {start}")

