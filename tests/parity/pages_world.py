"""A small world the page tests read, built with the shared builders in tests/conftest.py, and
helpers to read a page's tables and a CSV download.

UNMISS, all uniformed personnel and troops alike: 2011-01-31 2 women of 60 (GHA 1/30, RWA 1/30),
2012-01-31 3 of 60 (GHA 1/30, RWA 2/30) = 5.0%, rising 1.7 points a year. Experts on mission,
2012-01-31: GHA 2 of 10 = 20.0%. MINUSMA, all uniformed personnel (GHA): 15 of 60, then 12 of 60
= 20.0%, falling 5.0 points a year. All operations together: 17 of 120 (14.2%), then 15 of 120 (12.5%).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from criticalmass.core.models import Source
from criticalmass.parity import queries
from criticalmass.parity.models import Category, Observation, Process, TargetPolicy

UGPS = "un-ugps-2018-2028"
ESCALATING = "escalating-to-parity"


@pytest.fixture(autouse=True)
def fresh_cache(db):
    """Each test starts with cached page aggregates forgotten (drawn charts, keyed by content, stay)."""
    queries.bump_generation()


@dataclass
class Operations:
    unmiss: Process
    minusma: Process


def build_operations(make_mission, observe) -> Operations:
    unmiss, minusma = make_mission("UNMISS", "SSD"), make_mission("MINUSMA", "MLI")
    for date, (ghana, rwanda) in [("2011-01-31", (1, 1)), ("2012-01-31", (1, 2))]:
        for role in [Category.TOTAL, Category.TROOPS]:
            observe(unmiss, date, role, women=ghana, total=30, country="GHA", row=10)
            observe(unmiss, date, role, women=rwanda, total=30, country="RWA", row=11)
    observe(unmiss, "2012-01-31", Category.EXPERTS_ON_MISSION, women=2, total=10, country="GHA", row=12)
    observe(minusma, "2011-01-31", Category.TOTAL, women=15, total=60, country="GHA", row=20)
    observe(minusma, "2012-01-31", Category.TOTAL, women=12, total=60, country="GHA", row=21)
    return Operations(unmiss, minusma)


def negotiation(source: Source, slug: str, name: str, rows: list[tuple]) -> Process:
    """rows: (document, date, role, women, men, total, source_row)."""
    talks = Process.objects.create(slug=slug, name=name, kind=Process.Kind.NEGOTIATION, source=source)
    for document, date, role, women, men, total, row in rows:
        Observation.objects.create(
            process=talks, document=document, date=dt.date.fromisoformat(date), role=role, women=women,
            men=men, total=total, source=source, source_row=row,
        )
    return talks


def build_talks(source: Source) -> tuple[Process, Process]:
    """South Sudan: PA-X 8 (2015) and PA-X 9 (2018); Colombia: PA-X 10 (2016).

    all delegates: 5 of 20 (25.0%), 6 of 20 (30.0%, men unknown) -> 1 of 2 reached 30%
    signatories: 1 of 10, 3 of 10 (30.0%), 0 of 4 -> 1 of 3
    negotiators: 4 of 10, men unknown (40.0%) -> 1 of 1
    observers: 5 delegates, women unknown -> 0 with data
    """
    south_sudan = negotiation(source, "south-sudan", "South Sudan", [
        ("PA-X 8", "2015-08-17", Category.ALL_DELEGATES, 5, 15, 20, 40),
        ("PA-X 8", "2015-08-17", Category.SIGNATORIES, 1, 9, 10, 40),
        ("PA-X 8", "2015-08-17", Category.NEGOTIATORS, 4, None, 10, 40),
        ("PA-X 8", "2015-08-17", Category.OBSERVERS, None, None, 5, 40),
        ("PA-X 9", "2018-09-12", Category.ALL_DELEGATES, 6, None, 20, 41),
        ("PA-X 9", "2018-09-12", Category.SIGNATORIES, 3, 7, 10, 41),
    ])
    colombia = negotiation(source, "colombia", "Colombia", [
        ("PA-X 10", "2016-11-24", Category.SIGNATORIES, 0, 4, 4, 42),
    ])
    return south_sudan, colombia


# ---- Reading pages -------------------------------------------------------------------------

class Tables(HTMLParser):
    """Every <table> of a page as {caption: [[cell text, ...] per body row]}, header row under ''."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.headers: dict[str, list[str]] = {}
        self.caption = self.cell = None
        self.row: list[str] | None = None
        self.in_head = False
        self.current: list[list[str]] = []
        self.head: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.current, self.head, self.caption = [], [], ""
        elif tag == "caption":
            self.cell = ""
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self.caption, self.cell = " ".join(self.cell.split()), None
        elif tag in ("td", "th") and self.row is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "tr":
            if self.in_head:
                self.head = self.row
            else:
                self.current.append(self.row)
            self.row = None
        elif tag == "thead":
            self.in_head = False
        elif tag == "table":
            self.tables[self.caption] = self.current
            self.headers[self.caption] = self.head

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def page_tables(response) -> Tables:
    parser = Tables()
    parser.feed(response.content.decode())
    return parser


def table(response, caption_start: str) -> list[list[str]]:
    """The body rows of the table whose caption starts with `caption_start`."""
    found = page_tables(response)
    matches = [rows for caption, rows in found.tables.items() if caption.startswith(caption_start)]
    assert len(matches) == 1, f"no single table captioned {caption_start!r}: {list(found.tables)}"
    return matches[0]


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def as_number(text: str) -> str:
    """'1,234' -> '1234', '5.0%' -> '5.0': a table's text as its CSV value."""
    return text.replace(",", "").removesuffix("%")


def applies_from_2010() -> None:
    """Let the UN strategy apply from 2010, so that the fixture's 2011-2013 months have its targets.

    As seeded it starts in 2018 and sets no target before (parity.standing.target_function).
    """
    TargetPolicy.objects.filter(slug=UGPS).update(start_year=2010)
