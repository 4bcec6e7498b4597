"""UN monthly reports of uniformed personnel by mission, country and personnel type (PDF, 2015-2025).

lib.un_reports reads a PDF into a Report (plain Python); `mapping` writes one report's processes and
observations; `run` imports one file, several, or a folder, each file its own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    """One PDF, or a folder of them."""
    return import_files([path], progress)


def import_files(paths: Sequence[Path], progress: Progress | None = None) -> ImportSummary:
    # Imported here so that the registry loads without Django set up, as the other importers do.
    from criticalmass.importers.un_contributions.run import import_files

    return import_files(paths, progress)
