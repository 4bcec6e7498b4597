"""SVAC: Sexual Violence in Armed Conflict 1989–2015, as the RSVAC package publishes it.

`reader` reads and checks the file (plain Python), `countries` the Gleditsch-Ward to ISO 3166
table shipped beside it, and `mapping` writes the actor-years by country.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    # Imported here so that importing the reader does not need Django to be set up.
    from criticalmass.importers.svac.mapping import import_file

    return import_file(path, progress)
