"""Aid activities in the IATI Activity Standard, version 2.03 (an `iati-activities` XML file)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    from criticalmass.importers.iati.mapping import import_file

    return import_file(path, progress)
