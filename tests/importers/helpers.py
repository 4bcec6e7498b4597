"""Helpers for the importer tests: fixture files, edited copies, and a snapshot of what an import writes."""

from __future__ import annotations

from pathlib import Path

from criticalmass.core.models import AuditEvent, Country, Source
from criticalmass.parity.models import Observation, Process

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PEACEKEEPING = FIXTURES / "peacekeeping_gender"
PADD = FIXTURES / "padd"


def snapshot() -> dict[str, object]:
    """What an import may change, in a form that compares equal when nothing changed."""
    return {
        "observations": sorted(Observation.objects.values_list(
            "process__slug", "date", "role", "contributing_country_id", "document",
            "women", "men", "unknown", "total", "source_id", "source_row",
        )),
        "processes": sorted(Process.objects.values_list(
            "slug", "code", "name", "kind", "sponsor", "host_country_id", "start_date", "end_date",
            "source_id",
        )),
        "sources": sorted(Source.objects.values_list("slug", "file", "sha256", "imported_at")),
        "countries": sorted(Country.objects.values_list("iso3", "name")),
        "audit": AuditEvent.objects.count(),
    }


def edited(source: Path, target: Path, line: int, column: str, value: str) -> Path:
    """A copy of a fixture with one cell changed (line as in the file, header = line 1)."""
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    header = [cell.strip('"') for cell in lines[0].split(",")]
    cells = lines[line - 1].split(",")
    cells[header.index(column)] = value
    lines[line - 1] = ",".join(cells)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
