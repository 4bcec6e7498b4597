"""Mapping pax_gender_v9.csv onto the provisions of agreements imported from PA-X.

- Each cell that is 1 becomes a Provision: the agreement (by AgtId) has a provision with that code.
  Which pillar a code counts for is the secretariat's mapping (GenderCode.pillar), not the import's.
- An AgtId that is not among the imported PA-X agreements is left out with a warning; with no PA-X
  agreements at all the import stops: `criticalmass import pax FILE` comes first.
- An agreement PA-X codes as having no provisions on women, girls and gender (GeWom 0) but that
  PA-X Gender codes is kept as given, with a warning.
- An agreement listed with every code 0 has no provision; it is a note of kind "no-code" (info), so
  pages can count it among the coded agreements (coded, with no provision).
- Provisions of an earlier import that the file no longer has are removed.
"""

from __future__ import annotations

from pathlib import Path

from criticalmass.agreements.models import Agreement, GenderCode, Provision
from criticalmass.core.models import Source
from criticalmass.importers.base import (
    ImportFailed,
    ImportSummary,
    Progress,
    SourceInfo,
    chunked,
    run_import,
)
from criticalmass.importers.pax_gender.reader import CODES, Reading, read
from criticalmass.lib.notes import INFO, agreement_subject

DATASET = "pax-gender"
NO_CODE = "no-code"  # the kind of note of an agreement listed with every code 0
Pair = tuple[int, int]  # agreement pk, code pk
SOURCE = SourceInfo(
    slug="pax-gender",
    dataset="PA-X Gender (women, girls and gender), version 9",
    publisher="PeaceRep, University of Edinburgh",
    version="9 (465 agreements, 1990-2024, 53 codes)",
    url="https://www.peaceagreements.org/",
    licence="as PA-X: CC BY-NC-SA 4.0 (as stated by a third party; to be confirmed at peaceagreements.org)",
    citation="PeaceRep, PA-X Gender: Women, Girls and Gender sub-dataset, version 9, pax_gender_v9.csv, "
             "read from github.com/peacerep/pax_gender, public/data/, commit "
             "8e3e5acc9a9a3d2f0f2e84af2443c49a71c76e55. Bell, C. & Badanjak, S. (2019), Journal of Peace "
             "Research 56(3): 452-466.",
)


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    """Import pax_gender_v9.csv. Raises CsvError or ImportFailed, changing nothing, on a bad file."""
    reading = read(path, progress)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="provisions")

    def write(source: Source) -> None:
        agreements = {pax_id: (pk, gender) for pax_id, pk, gender in
                      Agreement.objects.values_list("pax_id", "pk", "gender_provisions")}
        if not agreements:
            raise ImportFailed("there are no PA-X agreements to attach gender provisions to: run "
                               "`criticalmass import pax FILE` first; nothing was imported")
        wanted = provisions(reading, agreements, code_ids(summary), summary)
        save(wanted, source, summary)

    return run_import(SOURCE, path, summary, write)


def code_ids(summary: ImportSummary) -> dict[str, int]:
    """The codes' primary keys; a code the secretariat deleted comes back, in no pillar, with a warning."""
    ids = dict(GenderCode.objects.filter(code__in=CODES).values_list("code", "pk"))
    for code in CODES:
        if code not in ids:
            ids[code] = GenderCode.objects.create(code=code, label=code).pk
            summary.warn(1, f"code {code} was not in the pillar mapping; it was added in no pillar",
                         "unmapped-code", f"code:{code}")
    return ids


def provisions(reading: Reading, agreements: dict[int, tuple[int, bool]], codes: dict[str, int],
               summary: ImportSummary) -> dict[Pair, int]:
    wanted: dict[Pair, int] = {}
    for row in reading.rows:
        if row.pax_id not in agreements:
            summary.warn(row.line, f"AgtId {row.pax_id} is not among the imported PA-X agreements; "
                                   "its provisions are left out", "unknown-agreement",
                         agreement_subject(row.pax_id))
            continue
        pk, gender = agreements[row.pax_id]
        if row.codes and not gender:
            summary.warn(row.line, f"AgtId {row.pax_id}: PA-X codes no provisions on women, girls and gender "
                                   f"(GeWom 0) but PA-X Gender codes {len(row.codes)}; both kept as given",
                         "gewom-mismatch", agreement_subject(row.pax_id))
        if not row.codes:
            summary.warn(row.line, f"AgtId {row.pax_id} is listed with no code set (every code 0); it is "
                                   "counted as coded with no provision", NO_CODE,
                         agreement_subject(row.pax_id), INFO)
        for code in row.codes:
            wanted[pk, codes[code]] = row.line
    return wanted


def save(wanted: dict[Pair, int], source: Source, summary: ImportSummary) -> None:
    existing = {(a, c): (pk, row) for pk, a, c, row in
                Provision.objects.values_list("pk", "agreement_id", "code_id", "source_row")}
    to_create, to_update = [], []
    for (agreement, code), line in wanted.items():
        found = existing.pop((agreement, code), None)
        if found is None:
            to_create.append(Provision(agreement_id=agreement, code_id=code, source=source, source_row=line))
        elif found[1] != line:
            to_update.append(Provision(pk=found[0], source=source, source_row=line))
    Provision.objects.bulk_create(to_create, batch_size=500)
    Provision.objects.bulk_update(to_update, ["source", "source_row"], batch_size=500)
    for chunk in chunked([pk for pk, _ in existing.values()], 900):
        Provision.objects.filter(pk__in=chunk).delete()
    summary.created, summary.updated, summary.removed = len(to_create), len(to_update), len(existing)
    summary.unchanged = len(wanted) - len(to_create) - len(to_update)
