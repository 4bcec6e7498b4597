"""Champions' commitments on the page of the process, plan or event they concern (registered in apps.py)."""

from __future__ import annotations

from typing import Any

from criticalmass.charter import queries
from criticalmass.core.sections import Section
from criticalmass.parity.models import Process


def commitments_section(process: Process) -> Section | None:
    commitments = list(queries.concerning(process_pk=process.pk).order_by("deadline"))
    if not commitments:
        return None
    return Section("Champions' commitments", "charter/_commitments_panel.html",
                 {"commitments": commitments, "caption": "Commitments that concern this process"})


def plan_commitments_section(plan: Any) -> Section | None:
    """The commitments that concern a National Action Plan or law, on the watchdog's plan page."""
    commitments = list(queries.concerning(plan_pk=plan.pk).order_by("deadline"))
    if not commitments:
        return None
    return Section("Champions' commitments", "charter/_commitments_panel.html",
                 {"commitments": commitments, "caption": "Commitments that concern this plan"})


def event_commitments_section(event: Any) -> Section | None:
    """The partners' commitments that concern an event, on the events app's event page."""
    commitments = list(queries.concerning(event_pk=event.pk).order_by("deadline"))
    if not commitments:
        return None
    return Section("Partners' commitments concerning this event", "charter/_commitments_panel.html",
                 {"commitments": commitments, "caption": "Commitments that concern this event"})
