"""Helpers for the PA-X importer tests: fixture paths, a cell-editing copy that respects quoting, and
a snapshot of everything a PA-X import may change."""

from __future__ import annotations

import csv
from pathlib import Path

from criticalmass.agreements.models import Agreement, GenderCode, Provision
from criticalmass.core.models import AuditEvent, Source
from criticalmass.parity.models import Process
from tests.importers.helpers import FIXTURES

PAX = FIXTURES / "pax"
PAX_GENDER = FIXTURES / "pax_gender"


def edit_cell(source: Path, target: Path, agreement: str, column: str, value: str) -> Path:
    """A copy of a fixture with one cell of the row of AgtId `agreement` changed (quoted cells kept)."""
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    index, agt = rows[0].index(column), rows[0].index("AgtId")
    for row in rows[1:]:
        if row[agt] == agreement:
            row[index] = value
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return target


def snapshot() -> dict[str, object]:
    return {
        "agreements": sorted(Agreement.objects.values_list(
            "pax_id", "version", "name", "date", "process__slug", "conflict", "region", "stage",
            "agreement_type", "gender_provisions", "source_id", "source_row")),
        "countries": sorted(Agreement.countries.through.objects.values_list("agreement__pax_id",
                                                                            "country_id")),
        "provisions": sorted(Provision.objects.values_list("agreement__pax_id", "code__code", "source_row")),
        "codes": sorted(GenderCode.objects.values_list("code", "label", "pillar__slug")),
        "processes": sorted(Process.objects.values_list("slug", "name", "kind", "host_country_id")),
        "sources": sorted(Source.objects.values_list("slug", "sha256", "imported_at")),
        "audit": AuditEvent.objects.count(),
    }
