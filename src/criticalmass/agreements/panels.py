"""The mandate scorecard on a mission's page (registered in apps.py)."""

from __future__ import annotations

from criticalmass.agreements import queries
from criticalmass.core.panels import Panel
from criticalmass.parity.models import Process


def mandates_panel(process: Process) -> Panel | None:
    if process.kind != Process.Kind.OPERATION:
        return None
    items = queries.rubric()
    mandates = [(mandate, queries.mandate_score(mandate, items)) for mandate in queries.mandates_of(process)]
    return Panel("Mandate scorecard", "agreements/_mandates_panel.html",
                 {"process": process, "mandates": mandates[:3], "count": len(mandates)})
