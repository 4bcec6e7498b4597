"""A note on a dataset's own flaw, as an importer raises it: line, message, kind, subject, severity.

Plain Python, so readers can make notes without Django. A Note is the pair (line, message) to every
caller that reads warnings as pairs (printing, sorting, comparing in tests); `kind` (a short slug),
`subject` (the record it concerns, e.g. "agreement:8") and `severity` ride along as attributes and
are what `importers.base.run_import` stores as a DataNote.
"""

from __future__ import annotations

import datetime as dt

WARNING, INFO = "warning", "info"


class Note(tuple[int, str]):
    kind: str
    subject: str
    severity: str

    def __new__(cls, line: int, message: str, kind: str = "", subject: str = "",
                severity: str = WARNING) -> Note:
        note = super().__new__(cls, (line, message))
        note.kind, note.subject, note.severity = kind or "inconsistency", subject, severity
        return note

    @property
    def line(self) -> int:
        return self[0]

    @property
    def message(self) -> str:
        return self[1]


def as_note(warning: tuple[int, str]) -> Note:
    """A warning given as a bare pair becomes a note of kind "inconsistency" about no record."""
    return warning if isinstance(warning, Note) else Note(*warning)


def agreement_subject(pax_id: int) -> str:
    """The subject key of a PA-X agreement (PADD and PA-X Gender use PA-X's AgtId)."""
    return f"agreement:{pax_id}"


def observation_subject(process_slug: str, date: dt.date | None = None, category: str = "",
                        country: str = "") -> str:
    """observation:<process slug>/<date>/<category>/<country>, as far as it is known."""
    parts = [process_slug, date.isoformat() if date else "", category, country]
    while parts and not parts[-1]:
        parts.pop()
    return "observation:" + "/".join(parts)
