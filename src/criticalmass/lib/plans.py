"""A plan's status on a given day, when the record does not state one. Plain Python."""

from __future__ import annotations

import datetime as dt

IN_FORCE = "in_force"
EXPIRED = "expired"
IN_DEVELOPMENT = "in_development"
SUPERSEDED = "superseded"
UNKNOWN = "unknown"
# The columns of a plans file: the template the watchdog offers for download and the importer reads.
TEMPLATE_COLUMNS = ["slug", "country", "iso3", "kind", "generation", "title", "adopted_year", "adopted_month",
                    "period_start", "period_end", "lead_agency", "status", "budget", "document_url",
                    "source_title", "source_url", "flag", "notes"]


def plan_status(stated: str, period_start: int | None, period_end: int | None, has_successor: bool,
                today: dt.date) -> str:
    """The stated status wins; otherwise read it from the period (whole years) and the successors.

    A plan runs to the end of its last year. A plan with a later plan of the same country and kind is
    superseded once that successor exists, unless it is still within its own period.
    """
    if stated:
        return stated
    if period_start is not None and period_start > today.year:
        return IN_DEVELOPMENT
    if period_end is not None and period_end >= today.year:
        return IN_FORCE
    if has_successor:
        return SUPERSEDED
    if period_end is not None:
        return EXPIRED
    return UNKNOWN


def expired_without_successor(status: str, has_successor: bool) -> bool:
    """The alert: a country's plan has run out and nothing has replaced it."""
    return status == EXPIRED and not has_successor
