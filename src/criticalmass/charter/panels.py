"""Champions' commitments on the page of the process they concern (registered in apps.py)."""

from __future__ import annotations

from criticalmass.charter import queries
from criticalmass.core.panels import Panel
from criticalmass.parity.models import Process


def commitments_panel(process: Process) -> Panel | None:
    commitments = list(queries.concerning(process_pk=process.pk).order_by("deadline"))
    if not commitments:
        return None
    return Panel("Champions' commitments", "charter/_commitments_panel.html",
                 {"commitments": commitments})
