"""Champions' commitments on the page of the process, plan or event they concern (registered in apps.py)."""

from __future__ import annotations

from typing import Any

from criticalmass.charter import queries
from criticalmass.core.sections import Section
from criticalmass.parity.models import Process


def commitments_on(title: str, subject: str, **concerning: int) -> Section | None:
    """The commitments that concern one process, plan or event, soonest deadline first; None if none."""
    commitments = list(queries.concerning(**concerning).order_by("deadline"))
    if not commitments:
        return None
    return Section(title, "charter/_commitments_panel.html",
                   {"commitments": commitments, "caption": f"Commitments that concern this {subject}"})


def commitments_section(process: Process) -> Section | None:
    return commitments_on("Champions' commitments", "process", process_pk=process.pk)


def plan_commitments_section(plan: Any) -> Section | None:
    """The commitments that concern a National Action Plan or law, on the watchdog's plan page."""
    return commitments_on("Champions' commitments", "plan", plan_pk=plan.pk)


def event_commitments_section(event: Any) -> Section | None:
    """The partners' commitments that concern an event, on the events app's event page."""
    return commitments_on("Partners' commitments concerning this event", "event", event_pk=event.pk)
