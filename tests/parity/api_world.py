"""A small world the API tests read: two missions with a trend, one without women counts, and a
negotiation with two PADD agreements. Built with the shared builders in tests/conftest.py.

UNMISS, all uniformed personnel: 2011-01-31 2 women of 60, 2012-01-31 3 of 60 (5.0%), rising.
MINUSMA: 15 of 60 then 12 of 60 (20.0%), falling. UNAMID: counts whose women are unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from criticalmass.core.models import Source
from criticalmass.parity.models import Category, Observation, Process

API = "/api/parity"
ROUTES = [
    f"{API}/processes",
    f"{API}/processes/unmiss",
    f"{API}/observations",
    f"{API}/series",
    f"{API}/missions/ranking",
    f"{API}/policies",
    f"{API}/policies/escalating-to-parity",
    f"{API}/negotiations/agreements",
    f"{API}/negotiations/overview",
    f"{API}/notes",
    f"{API}/sources",
]
"""One URL per route, for the tests that go through all of them."""


@dataclass
class World:
    unmiss: Process
    minusma: Process
    unamid: Process
    talks: Process
    source: Source


def build_world(make_mission, observe, source) -> World:
    unmiss, minusma, unamid = make_mission("UNMISS", "SSD"), make_mission("MINUSMA", "MLI"), \
        make_mission("UNAMID", "SDN")
    for date, women in [("2011-01-31", (1, 1)), ("2012-01-31", (1, 2))]:
        for role in [Category.TOTAL, Category.TROOPS]:
            observe(unmiss, date, role, women=women[0], total=30, country="GHA", row=10)
            observe(unmiss, date, role, women=women[1], total=30, country="RWA", row=11)
    for date, women in [("2011-01-31", 15), ("2012-01-31", 12)]:
        observe(minusma, date, Category.TOTAL, women=women, total=60, country="GHA", row=20)
    observe(unamid, "2012-01-31", Category.TOTAL, women=None, total=80, country="RWA", row=30)
    return World(unmiss, minusma, unamid, negotiation(source), source)


def negotiation(source: Source) -> Process:
    talks = Process.objects.create(slug="south-sudan-talks", code="", name="South Sudan talks",
                                   kind=Process.Kind.NEGOTIATION, host_country_id="SSD", source=source)
    rows = [
        ("PA-X 8", "2015-08-17", Category.SIGNATORIES, 1, 9, 10),
        ("PA-X 8", "2015-08-17", Category.NEGOTIATORS, 4, 6, 10),
        ("PA-X 8", "2015-08-17", Category.OBSERVERS, None, None, 5),
        ("PA-X 9", "2018-09-12", Category.SIGNATORIES, 3, 7, 10),
        ("", "2018-09-12", Category.ALL_DELEGATES, 3, 7, 10),  # not an agreement: no document
    ]
    for row, (document, date, role, women, men, total) in enumerate(rows, start=40):
        Observation.objects.create(
            process=talks, document=document, date=dt.date.fromisoformat(date), role=role,
            women=women, men=men, unknown=None if men is not None else total - (women or 0),
            total=total, source=source, source_row=row,
        )
    return talks
