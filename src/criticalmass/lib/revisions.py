"""What changed between two versions of a commitment, and whether the change weakens it. No Django here.

Targets are free text ("30%", "5 meetings", "parity"): where both versions hold a number, a lower one
is a lowered target; otherwise the change is told as it is ("target changed from ... to ..."). A later
deadline is a moved deadline; a process, organisation, event or plan the commitment no longer concerns
is a narrowed scope. The fingerprint of a verified text says whether it is still the text shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:[.,]\d+)?")
# The fields that say what a commitment is about: dropping one narrows its scope.
SCOPE_FIELDS = ("process", "organization", "event", "plan")
LABELS = {"what": "commitment", "indicator": "indicator", "baseline": "baseline", "target": "target",
          "deadline": "deadline", "cycle": "cycle", "process": "process", "organization": "organisation",
          "event": "event", "plan": "plan", "progress": "progress", "narrative": "report",
          "evidence": "evidence", "verdict": "verdict", "comment": "reviewer's comment",
          "answer": "partner's answer"}


@dataclass(frozen=True)
class Change:
    """One field's change: `weakening` when it lowers a target, moves a deadline later or narrows a scope."""

    field: str
    before: str
    after: str
    weakening: bool
    sentence: str


def number_in(text: str) -> float | None:
    """The one number a target holds ("30%" -> 30.0, "1,5" -> 1.5); None for none or several."""
    found = NUMBER.findall(text)
    if len(found) != 1:
        return None
    return float(found[0].replace(",", "."))


def shown(value: object) -> str:
    if value is None or value == "":
        return "nothing"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def target_change(before: str, after: str) -> Change:
    old, new = number_in(before), number_in(after)
    if old is not None and new is not None and new != old:
        verb = "lowered" if new < old else "raised"
        return Change("target", before, after, new < old, f"target {verb} from {before} to {after}")
    return Change("target", before, after, False, f"target changed from {shown(before)} to {shown(after)}")


def deadline_change(before: dt.date | None, after: dt.date | None) -> Change:
    later = before is not None and after is not None and after > before
    verb = "moved later" if later else "brought forward" if before and after else "changed"
    return Change("deadline", shown(before), shown(after), later,
                  f"deadline {verb} from {shown(before)} to {shown(after)}")


def scope_change(field: str, before: str, after: str) -> Change:
    label = LABELS[field]
    if before and not after:
        return Change(field, before, after, True, f"scope narrowed: no longer concerns the {label} {before}")
    return Change(field, before, after, False, f"{label} changed from {shown(before)} to {shown(after)}")


def changes(before: Mapping[str, object], after: Mapping[str, object]) -> list[Change]:
    """Every field whose value differs, in the order of `after`, each told in a sentence."""
    found = []
    for field, new in after.items():
        old = before.get(field)
        if shown(old) == shown(new):
            continue
        if field == "target":
            found.append(target_change(str(old or ""), str(new or "")))
        elif field == "deadline" and dated(old) and dated(new):
            found.append(deadline_change(as_date(old), as_date(new)))
        elif field in SCOPE_FIELDS:
            found.append(scope_change(field, str(old or ""), str(new or "")))
        else:
            label = LABELS.get(field, field)
            found.append(Change(field, shown(old), shown(new), False,
                                f"{label} changed from {shown(old)} to {shown(new)}"))
    return found


def dated(value: object) -> bool:
    """A date, or nothing, or text that reads as one (a version's fields may come as text)."""
    try:
        as_date(value)
    except ValueError:
        return False
    return True


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if value is None or value == "":
        return None
    return dt.date.fromisoformat(str(value))


def weakenings(before: Mapping[str, object], after: Mapping[str, object]) -> list[Change]:
    return [change for change in changes(before, after) if change.weakening]


def fingerprint(fields: Mapping[str, object]) -> str:
    """A SHA-256 of the fields as shown (sorted by name), to tell a verified text from a later one."""
    canonical = json.dumps({name: shown(value) for name, value in sorted(fields.items())},
                           ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
