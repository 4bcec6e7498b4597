"""The datasets `criticalmass import` knows, by the name given on the command line.

A new importer is one entry here: its name, where `criticalmass import-all` finds its file under
settings.DATA_DIR, and its import function (path, progress callback) -> ImportSummary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from criticalmass.importers import padd, peacekeeping_gender
from criticalmass.importers.base import ImportSummary, Progress


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    path: str  # relative to settings.DATA_DIR
    import_file: Callable[[Path, Progress | None], ImportSummary]


DATASETS = {
    dataset.name: dataset
    for dataset in [
        Dataset("peacekeeping-gender", "UN uniformed peacekeepers by gender (IPI Peacekeeping Database)",
                "un_pko_gender_ipi/Gender.Full.csv", peacekeeping_gender.import_file),
        Dataset("padd", "Peace Agreement Delegate Dataset 1.0 (Good 2024)",
                "padd/PADD_Agreement_Level.csv", padd.import_file),
    ]
}
