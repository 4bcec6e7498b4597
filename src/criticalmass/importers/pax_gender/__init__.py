"""PA-X Gender (women, girls and gender), version 9 (pax_gender_v9.csv).

`reader` reads and checks the file (plain Python); `mapping` writes the agreements' gender provisions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    # Imported here so that importing the reader does not need Django to be set up.
    from criticalmass.importers.pax_gender.mapping import import_file

    return import_file(path, progress)
