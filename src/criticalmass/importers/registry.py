"""The datasets `criticalmass import` knows, by the name given on the command line.

A new importer is one entry here: its name, where `criticalmass import-all` finds its file under
settings.DATA_DIR, and its import function (path, progress callback) -> ImportSummary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from criticalmass.importers import (
    iati,
    ipu_parliaments,
    padd,
    pax,
    pax_gender,
    peacekeeping_gender,
    pkoc_missions,
    plans,
    svac,
    un_contributions,
    un_mandates,
    wps_index,
)
from criticalmass.importers.base import ImportSummary

# The watchdog's registry of plans ships with the platform; an absolute path is read as it is.
PLANS_FILE = Path(__file__).resolve().parent.parent / "watchdog" / "data" / "plans.csv"


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    path: str  # relative to settings.DATA_DIR; with a "*", every file it matches, by name (import-all)
    # (path, progress) -> ImportSummary; a versioned dataset's also takes a SourceChoice third.
    import_file: Callable[..., ImportSummary]
    versioned: bool = False  # takes --version, --label and --default: versions side by side
    # Takes several files and folders at once (`path` is a folder); (paths, progress) -> ImportSummary,
    # each file its own transaction, the refused ones listed in the summary.
    import_files: Callable[..., ImportSummary] | None = None
    folder: bool = False  # `path` is a folder of the dataset's files (each file may be imported alone)


DATASETS = {
    dataset.name: dataset
    for dataset in [
        Dataset("peacekeeping-gender", "UN uniformed peacekeepers by gender (IPI Peacekeeping Database)",
                "un_pko_gender_ipi/Gender.Full.csv", peacekeeping_gender.import_file, versioned=True),
        # after peacekeeping-gender (its months after IPI's), before pkoc-missions (start dates)
        Dataset("un-contributions", "UN DPO monthly reports of uniformed personnel by mission, country and "
                "personnel type (PDF, 2015-2025)", "un_pko_contributions_2015_2025",
                un_contributions.import_file, import_files=un_contributions.import_files),
        # after peacekeeping-gender, whose mission registry would otherwise put back its own start dates
        Dataset("pkoc-missions", "UN peacekeeping missions' start year and month (PKOC, Amicarelli & "
                "Di Salvatore 2021)", "pko_missions_pkoc/mission_start.csv", pkoc_missions.import_file),
        # after the missions' registries: a mission none of them knows becomes a peace operation here
        Dataset("un-mandates", "UN Mandate Source Registry: each peace operation's latest renewal and expiry "
                "(2026/27 budget reports)", "un_mandates_2026/pkm2026_all_mandates.csv",
                un_mandates.import_file),
        Dataset("padd", "Peace Agreement Delegate Dataset 1.0 (Good 2024)",
                "padd/PADD_Agreement_Level.csv", padd.import_file, versioned=True),
        # pax before pax-gender: gender provisions attach to the agreements PA-X imports.
        Dataset("pax", "PA-X Peace Agreements Database, version 10",
                "pax_v10/pax_all_agreements_v10.csv", pax.import_file),
        Dataset("pax-gender", "PA-X Gender (women, girls and gender), version 9",
                "pax_gender_v9/pax_gender_v9.csv", pax_gender.import_file),
        Dataset("wps-index", "Georgetown Women, Peace and Security Index 2025/26, Table 1",
                "giwps_wps_index_2025/WPS-Index-2025-Data.xlsx", wps_index.import_file),
        Dataset("ipu-parliaments", "IPU women in national parliaments: history 1945–2018 (.xlsx) and the "
                "ranking as of 1 September 2021 (.csv); the folder or either file", "ipu_women_parliament",
                ipu_parliaments.import_file, folder=True),
        Dataset("plans", "Plans and laws on WPS: the shipped registry, or a CSV/XLSX file in its template",
                str(PLANS_FILE), plans.import_file),
        Dataset("svac", "SVAC: Sexual Violence in Armed Conflict 1989–2015 (Cohen & Nordås; RSVAC package)",
                "svac_rsvac/svac.csv", svac.import_file),
        Dataset("iati", "Aid activities in the IATI Activity Standard 2.01-2.03 and 1.01-1.05 (XML files)",
                "iati/*.xml", iati.import_file),
    ]
}
