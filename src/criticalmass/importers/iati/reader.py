"""Reading an IATI activity file, version 2.01 to 2.03 or 1.01 to 1.05, one activity at a time.

The version is the activity's own `version` attribute, else the file's (`iati-activities/@version`).
An activity that cannot be read (a version this importer does not read, no identifier, a value that
is not a number, a country that is not one...) is refused alone: it is left out and its reason kept as
a note naming the activity and its line. Only a file that is not safe, well-formed IATI XML is refused
whole. What is read of each activity: see `activity.ActivityReader`.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.importers.iati import codes
from criticalmass.importers.iati.activity import Activity, ActivityReader, Transaction, day, text
from criticalmass.importers.iati.xmlfile import Root, XmlStream
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.lib.notes import Note

__all__ = ["Activity", "Reading", "Transaction", "read"]
REFUSED = "refused-activity"


@dataclass
class Reading:
    activities: list[Activity] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[Note] = field(default_factory=list)
    refused: list[Note] = field(default_factory=list)
    versions: Counter[str] = field(default_factory=Counter)  # activities read, by version
    refused_versions: Counter[str] = field(default_factory=Counter)
    generated: dt.date | None = None  # the file's generated-datetime, else its newest activity's


def subject(identifier: str, line: int) -> str:
    return f"aid-activity:{identifier}" if identifier else f"aid-activity:line-{line}"


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    reading, seen, stream = Reading(), dict[str, int](), XmlStream(path, "iati-activity")
    for element, lines in stream:
        check_root(path, stream.root)
        reading.rows_read += 1
        if progress:
            progress(1)
        read_activity(path.name, reading, seen, (stream.root, element, lines))
    check_root(path, stream.root)
    reading.generated = day(stream.root.get("generated-datetime"))
    if reading.generated is None:
        published = [a.published for a in reading.activities if a.published]
        reading.generated = max(published, default=None)
    return reading


def check_root(path: Path, root: Root) -> None:
    if root.tag != "iati-activities":
        found = f"<{root.tag}>" if root.tag else "nothing"
        raise FormatError(f"{path.name} is not an IATI activity file: its root element is {found}, "
                          "not <iati-activities>")


def read_activity(file: str, reading: Reading, seen: dict[str, int],
                  found: tuple[Root, ET.Element, dict[int, int]]) -> None:
    root, element, lines = found
    version = (element.get("version") or root.get("version") or "").strip()
    identifier, line = text(element.find("iati-identifier")), lines.get(id(element), 0)
    try:
        activity = read_one(file, element, lines, version, seen)
    except RowError as exc:
        message = (f"activity {identifier or '(no identifier)'} (IATI {version or 'version not given'}, "
                   f"starting on line {line}) refused: {exc.column}: {exc.problem}")
        reading.refused.append(Note(exc.line or line, message, REFUSED, subject(identifier, line)))
        reading.refused_versions[version or "none"] += 1
        return
    seen[activity.identifier] = activity.line
    reading.activities.append(activity)
    reading.warnings.extend(activity.notes)
    reading.versions[version] += 1


def read_one(file: str, element: ET.Element, lines: dict[int, int], version: str, seen: dict[str, int]
             ) -> Activity:
    line = lines.get(id(element), 0)
    if version not in codes.READ_VERSIONS:
        readable = ", ".join(codes.READ_VERSIONS)
        problem = (f"IATI version {version!r} is not one this importer reads ({readable})" if version
                   else "no version: neither the activity nor the file gives one")
        raise RowError(file, line, "@version", problem)
    activity = ActivityReader(file, element, lines, version).read()
    if activity.identifier in seen:
        problem = f"{activity.identifier!r} is also on line {seen[activity.identifier]}; the first is kept"
        raise RowError(file, activity.line, "iati-identifier", problem)
    return activity
