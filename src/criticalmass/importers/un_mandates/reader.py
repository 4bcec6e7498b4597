"""Reading the UN Mandate Source Registry's all_mandates.csv. Plain Python: no Django here.

One row per (mission, resolution cited) in the "Mandate and planning assumptions" sections of the UN
peacekeeping budget reports; the Description is the report's sentence and repeats on every row it cites
a resolution in. A mission's latest renewal is the sentence that says its mandate was "most recently"
extended or renewed, read by lib.mandates. What cannot be read is a note, never a guess:
- "unread-renewal" (warning): a sentence states a renewal but not one resolution and one expiry date;
- "no-renewal" (info): no description of the mission states a renewal (UNMIK's mandate has no end
  date; support offices cite General Assembly resolutions);
- "link-not-un" (warning): the row's link is not a UN documents address, so the symbol's is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from criticalmass.lib.csvread import Row, read_rows
from criticalmass.lib.mandates import Renewal, UnreadRenewal, read_renewal, states_renewal
from criticalmass.lib.notes import INFO, Note

COLUMNS = ["Origin Document", "File", "Entity", "Entity-Long", "Section", "Section Title", "Part In Document",
           "Description", "Link", "Symbol", "Full Document Symbol", "Source"]
UN_HOSTS = {"docs.un.org", "undocs.org", "documents.un.org"}
CODE = re.compile(r"[A-Z][A-Za-z0-9 ]{1,38}[A-Za-z0-9]")
DOCUMENT = re.compile(r"\(([A-Z]/[0-9A-Za-z./]+)\)")  # "PKM 26/27 (A/80/604)" -> A/80/604
EXCERPT = 160


@dataclass(frozen=True)
class MissionRenewal:
    line: int  # the row citing the renewing resolution (or the sentence's first row)
    code: str  # the registry's Entity: UNMISS
    name: str  # Entity-Long
    renewal: Renewal
    url: str
    cited_in: str  # the budget report: A/80/604/Add.13


@dataclass
class Reading:
    renewals: list[MissionRenewal] = field(default_factory=list)
    rows_read: int = 0
    missions: int = 0
    warnings: list[Note] = field(default_factory=list)


def subject(code: str) -> str:
    """The data notes' key of a mission's mandate: mandate:unmiss."""
    return "mandate:" + "-".join(code.lower().split())


def read(path: Path) -> Reading:
    """Every row checked; each mission's latest renewal, or a note saying why there is none."""
    reading = Reading()
    by_mission: dict[str, list[Row]] = {}
    for row in read_rows(path, COLUMNS):
        reading.rows_read += 1
        code = row.text("Entity")
        if not CODE.fullmatch(code):
            raise row.error("Entity", f"{code!r} is not a mission's code (letters, digits, spaces)")
        row.text("Entity-Long")
        by_mission.setdefault(code, []).append(row)
    reading.missions = len(by_mission)
    for code, rows in by_mission.items():
        found = latest_renewal(code, rows, reading.warnings)
        if found is not None:
            reading.renewals.append(found)
    return reading


def latest_renewal(code: str, rows: list[Row], notes: list[Note]) -> MissionRenewal | None:
    read_ones: list[tuple[Row, Renewal]] = []
    seen: set[str] = set()
    for row in rows:
        text = row["Description"].strip()
        if text in seen or not states_renewal(text):
            continue
        seen.add(text)
        try:
            read_ones.append((row, read_renewal(text)))
        except UnreadRenewal as reason:
            notes.append(Note(row.line, f"{code}: the renewal cannot be read ({reason}): “{excerpt(text)}”; "
                                        "no mandate is recorded from it", "unread-renewal", subject(code)))
    if not read_ones:
        if not seen:
            notes.append(no_renewal(code, rows))
        return None
    row, renewal = max(read_ones, key=lambda found: (found[1].expires, found[1].number))
    cited = next((r for r in rows if r["Symbol"].strip() == renewal.short), row)
    url = link(code, cited, renewal, notes)
    return MissionRenewal(cited.line, code, row.text("Entity-Long"), renewal, url, cited_in(row))


def no_renewal(code: str, rows: list[Row]) -> Note:
    cited = ", ".join(dict.fromkeys(r["Symbol"].strip() for r in rows if r["Symbol"].strip())) or "none"
    return Note(rows[0].line, f"{code}: no description states a renewal with an expiry date (resolutions "
                              f"cited: {cited}); no mandate is recorded for it", "no-renewal", subject(code),
                INFO)


def link(code: str, row: Row, renewal: Renewal, notes: list[Note]) -> str:
    """The row's link when it is the resolution's on a UN documents site; else the symbol's address."""
    given = row["Link"].strip()
    if row["Symbol"].strip() != renewal.short or not given:
        return renewal.undocs_url
    parts = urlsplit(given)
    if parts.scheme == "https" and parts.hostname in UN_HOSTS:
        return given
    notes.append(Note(row.line, f"{code}: the link {given[:EXCERPT]!r} is not a UN documents address; "
                                f"{renewal.undocs_url} is given instead", "link-not-un", subject(code)))
    return renewal.undocs_url


def cited_in(row: Row) -> str:
    """The budget report the sentence is from: Origin Document's symbol and the Section (Add.13)."""
    found = DOCUMENT.search(row["Origin Document"])
    if not found:
        return ""
    section = row["Section"].strip()
    return f"{found.group(1)}/{section}" if re.fullmatch(r"Add\.\d{1,3}", section) else found.group(1)


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[:EXCERPT - 1] + "…"
