"""Where a commitment stands, and what a set of commitments adds up to. No Django here.

A commitment is due in one reporting cycle. Before the cycle's deadline an unreported commitment is
"awaiting"; once the deadline has passed with no report it is "not_reported", publicly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PROGRESS = ("exceeded", "met", "limited", "none")
STATUSES = (*PROGRESS, "awaiting", "not_reported")
STATUS_LABELS = {
    "exceeded": "Exceeded", "met": "Met", "limited": "Limited progress", "none": "No progress",
    "awaiting": "Awaiting report", "not_reported": "Not reported",
}


def status(deadline: dt.date, today: dt.date, progress: str | None) -> str:
    """The report's progress when there is one; otherwise awaiting until the deadline, then not reported."""
    if progress is not None:
        if progress not in PROGRESS:
            raise ValueError(f"Unknown progress {progress!r}; expected one of {', '.join(PROGRESS)}")
        return progress
    return "not_reported" if today > deadline else "awaiting"


@dataclass(frozen=True)
class Summary:
    made: int = 0
    reported: int = 0
    met_or_exceeded: int = 0
    disputed: int = 0
    not_reported: int = 0
    awaiting: int = 0

    @property
    def reported_share(self) -> float | None:
        """Reported as a percentage of the commitments whose deadline has passed or that were reported."""
        due = self.reported + self.not_reported
        return 100 * self.reported / due if due else None


def summarize(items: Iterable[tuple[str, bool]]) -> Summary:
    """items: (status, disputed) per commitment."""
    counts = dict.fromkeys(("made", "reported", "met", "disputed", "not_reported", "awaiting"), 0)
    for state, disputed in items:
        counts["made"] += 1
        counts["reported"] += state in PROGRESS
        counts["met"] += state in ("met", "exceeded")
        counts["disputed"] += bool(disputed and state in PROGRESS)
        counts["not_reported"] += state == "not_reported"
        counts["awaiting"] += state == "awaiting"
    return Summary(made=counts["made"], reported=counts["reported"], met_or_exceeded=counts["met"],
                   disputed=counts["disputed"], not_reported=counts["not_reported"],
                   awaiting=counts["awaiting"])


STANDINGS = {"on_track": "Commitments on track", "reported": "Reported",
             "not_reported": "Not reported", "no_commitment": "No commitment yet"}


def standing(statuses: Iterable[str]) -> str:
    """Where a signatory stands in a cycle, from the statuses of his commitments in it: no commitment
    yet, not reported (one is past its deadline with no report), reported (all are) or on track."""
    found = list(statuses)
    if not found:
        return "no_commitment"
    if "not_reported" in found:
        return "not_reported"
    if all(state in PROGRESS for state in found):
        return "reported"
    return "on_track"
