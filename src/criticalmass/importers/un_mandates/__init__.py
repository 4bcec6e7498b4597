"""The UN Mandate Source Registry (mandates.un.org): each peace operation's latest renewal and expiry.

`reader` reads the registry's all_mandates.csv and the renewals its descriptions state (plain Python);
`mapping` writes them as the missions' mandates (agreements.Mandate).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    # Imported here so that importing the reader does not need Django to be set up.
    from criticalmass.importers.un_mandates.mapping import import_file

    return import_file(path, progress)
