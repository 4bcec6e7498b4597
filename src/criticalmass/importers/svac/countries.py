"""SVAC's Gleditsch-Ward country codes as ISO 3166-1 alpha-3, from the table shipped here. Plain Python.

data/gleditsch_ward_iso3.csv lists every code the SVAC 1989–2015 file uses, with the name the
dataset gives it, the ISO3 code the platform shows it under and why, where that is a judgement
(a state that changed: Yugoslavia, the Soviet Union, North Yemen). A code the table does not list
is never guessed: the importer stores a data note and counts it.
"""

from __future__ import annotations

import re
from pathlib import Path

from criticalmass.lib.csvread import RowError, read_rows

TABLE = Path(__file__).resolve().parent / "data" / "gleditsch_ward_iso3.csv"
COLUMNS = ["gw_code", "gw_name", "iso3", "note"]
ISO3 = re.compile(r"[A-Z]{3}")


def iso3_by_gw_code(path: Path = TABLE) -> dict[int, str]:
    """{Gleditsch-Ward code: ISO3}; a code listed twice or a malformed ISO3 is an error."""
    found: dict[int, str] = {}
    for row in read_rows(path, COLUMNS):
        code, iso3 = row.count("gw_code"), row.text("iso3")
        if not ISO3.fullmatch(iso3):
            raise row.error("iso3", f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
        if code in found:
            raise RowError(path.name, row.line, "gw_code", f"code {code} is listed twice")
        found[code] = iso3
    return found
