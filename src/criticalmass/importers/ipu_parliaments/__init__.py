"""The IPU's data on women in national parliaments: the historical table (1945–2018, .xlsx) and the
monthly ranking as of 1 September 2021 (.csv). `import_file` takes the folder holding both, or either.

`countries`, `history` and `ranking` read and check (plain Python); `mapping` writes the parliaments app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    # Imported here so that importing the readers does not need Django to be set up.
    from criticalmass.importers.ipu_parliaments.mapping import import_path

    return import_path(path, progress)
