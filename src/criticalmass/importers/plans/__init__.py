"""Plans and laws on Women, Peace and Security: the watchdog's registry, from a CSV or XLSX file.

The file's columns are the template's (`reader.COLUMNS`); `mapping` writes Plans by their slug.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    from criticalmass.importers.plans.mapping import import_file

    return import_file(path, progress)
