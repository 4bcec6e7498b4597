"""Peace Agreement Delegate Dataset 1.0 (Good 2024), agreement level (PADD_Agreement_Level.csv).

`reader` reads and checks the file (plain Python); `mapping` writes negotiation processes and observations.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress, SourceChoice


def import_file(path: Path, progress: Progress | None = None, choice: SourceChoice | None = None
                ) -> ImportSummary:
    # Imported here so that importing the reader does not need Django to be set up.
    from criticalmass.importers.padd.mapping import import_file

    return import_file(path, progress, choice)
