"""The mandate scorecard on a mission's page (registered in apps.py)."""

from __future__ import annotations

from criticalmass.agreements import queries
from criticalmass.core.sections import Section
from criticalmass.parity.models import Process


def mandates_section(process: Process) -> Section | None:
    if process.kind != Process.Kind.OPERATION:
        return None
    items = queries.rubric()
    mandates = [(mandate, queries.mandate_score(mandate, items)) for mandate in queries.mandates_of(process)]
    return Section("Mandate scorecard", "agreements/_mandates_panel.html",
                 {"process": process, "mandates": mandates[:3], "count": len(mandates)})
