"""Georgetown Women, Peace and Security Index 2025/26, 'Table 1' (WPS-Index-2025-Data.xlsx)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criticalmass.importers.base import ImportSummary, Progress


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    from criticalmass.importers.wps_index.mapping import import_file

    return import_file(path, progress)
