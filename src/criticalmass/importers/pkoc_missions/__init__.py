"""UN peacekeeping missions' start year and month (PKOC, utils/periods/mission_start.csv).

`reader` reads and checks the file (plain Python); `mapping` writes the missions' start dates.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    # Imported here so that importing the reader does not need Django to be set up.
    from criticalmass.importers.pkoc_missions.mapping import import_file

    return import_file(path, progress)
