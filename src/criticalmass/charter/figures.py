"""The accountability trend as a figure: the table the page shows, the chart draws and the CSV holds
(parity.figures.Table), from the per-cycle rows of queries.by_cycle."""

from __future__ import annotations

from typing import Any

from criticalmass.figures.tables import Column, Table

SOURCE = "Partners' commitments and reports on this platform"


class RecordsTable(Table):
    """A table of the platform's own records: cited as such, not as an imported file's rows."""

    @property
    def citation(self) -> str:
        return SOURCE


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) + 0.0 if whole else None


def trend_table(cycle_rows: list[dict[str, Any]], caption: str) -> Table:
    """One row per cycle, oldest first: commitments due, reported and met or exceeded, and their shares."""
    rows = []
    for row in cycle_rows:
        due = row["reported"] + row["not_reported"]
        rows.append({"cycle": row["cycle"], "deadline": row["deadline"], "made": row["made"], "due": due,
                     "reported": row["reported"], "reported_share": share(row["reported"], due),
                     "met_or_exceeded": row["met_or_exceeded"],
                     "met_share": share(row["met_or_exceeded"], due), "source": SOURCE})
    columns = [
        Column("cycle", "Cycle", row_header=True), Column("deadline", "Deadline", "date"),
        Column("made", "Made", "int"), Column("due", "Due (reported or past the deadline)", "int"),
        Column("reported", "Reported", "int"),
        Column("reported_share", "Reported (%)", "pct", none="none due"),
        Column("met_or_exceeded", "Met or exceeded", "int"),
        Column("met_share", "Met or exceeded (%)", "pct", none="none due"),
    ]
    return RecordsTable("trend", caption, columns, rows)
