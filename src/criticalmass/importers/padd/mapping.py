"""Mapping PADD_Agreement_Level.csv onto processes (negotiations) and observations.

- Each conflict label (`Con`, "country or entity" in the codebook) becomes a Process: kind peace
  negotiation, sponsor other, slug "padd-" + the label slugified, name "Peace negotiations: <Con>".
- Each agreement and role becomes an Observation: date = Dat (the date signed), document =
  "PA-X <AgtId>" (the PA-X agreement id), no contributing country, total = X_N, women = FemX_N.
  All delegates (Del_N, FemDel_N) are the role "all delegates".
- "NA" or an empty cell means not coded: a role whose X_N is not coded gets no observation (never a
  zero). A coded X_N with FemX_N not coded is stored with women unknown.
- Men are X_N - FemX_N only when NADel_N is 0, that is when every delegate's gender was coded;
  otherwise men are unknown. Unknown is 0 for every role when NADel_N is 0; when NADel_N is more,
  it is NADel_N for all delegates (the codebook: "total number of delegates with unknown gender")
  and unknown for each role, because the file does not say which roles those delegates held.
- Gender is the source's coding (its author used Gender API name recognition and manual coding, per
  the codebook); the platform stores those counts and never infers anyone's gender itself.
- A second row with the same AgtId is left out with a warning naming both lines.
- A count that cannot be (women above their role's total, a role above all delegates) refuses the
  file. An agreement listed with every count NA is a note of kind "not-coded" (it has no
  observation, so pages count it from the notes); a women's count whose total is NA and an NA
  Del_N beside coded roles are notes too. Every warning is stored as a DataNote about
  "agreement:<AgtId>".
"""

from __future__ import annotations

from pathlib import Path

from django.utils.text import slugify

from criticalmass.core.models import Source
from criticalmass.importers.base import (
    ImportSummary,
    Key,
    Progress,
    SourceChoice,
    SourceInfo,
    Values,
    coverage,
    run_import,
    upsert_observations,
)
from criticalmass.importers.padd.reader import ALL, Agreement, Reading, read
from criticalmass.lib.notes import observation_subject
from criticalmass.parity.models import Category, Process

DATASET = "padd"
ROLES = {
    "Sig": Category.SIGNATORIES, "Ob": Category.OBSERVERS, "Neg": Category.NEGOTIATORS,
    "Med": Category.MEDIATORS, "Log": Category.LOGISTICS, "Adv": Category.ADVISERS,
    "WomCom": Category.WOMENS_COMMITTEE, "Unkn": Category.UNKNOWN_ROLE,
    ALL: Category.ALL_DELEGATES,
}
SOURCE = SourceInfo(
    slug="padd",
    dataset="Peace Agreement Delegate Dataset (PADD) 1.0, agreement level",
    publisher="Elizabeth Good (2024), replication data for the American Political Science Review",
    version="1.0 (delegates coded at their highest position)",
    url="https://github.com/rdestaci/Vox_Replication",
    licence="Harvard Dataverse terms for the dataset (Dataverse default: CC0 1.0)",
    citation="Good, Elizabeth (2024). 'Power Over Presence: Women's Representation in Comprehensive Peace "
             "Negotiations and Gender Provision Outcomes.' American Political Science Review. Peace "
             "Agreement Delegate Dataset (PADD) 1.0, 'PADD_Agreement Level.csv', replication archive on "
             "Harvard Dataverse; copy read from github.com/rdestaci/Vox_Replication, dataverse_files/, "
             "commit cde13bf50e880b0aa801ccf067db8218b3154215.",
    release_sha256="15f9020ccbd67eec926a330b546ae4cbbfa5f327790b8076a371e45f676717d7",
)


def import_file(path: Path, progress: Progress | None = None, choice: SourceChoice | None = None
                ) -> ImportSummary:
    """Import PADD_Agreement_Level.csv. Raises CsvError or ImportFailed, changing nothing, on a bad file."""
    reading = read(path, progress)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings))

    def write(source: Source) -> None:
        process_ids = save_processes(reading, source, summary)
        upsert_observations(source, observations(reading.agreements, process_ids), summary)

    dates = [agreement.date for agreement in reading.agreements]
    covered = coverage(min(dates, default=None), max(dates, default=None))
    return run_import(SOURCE, path, summary, write, choice, covered)


def process_slug(conflict: str) -> str:
    return f"padd-{slugify(conflict)}"


def save_processes(reading: Reading, source: Source, summary: ImportSummary) -> dict[str, int]:
    """Create or update one Process per conflict label; return their ids by label."""
    ids: dict[str, int] = {}
    by_slug: dict[str, tuple[str, int]] = {}  # slug -> the first label that made it, and its id
    for agreement in reading.agreements:
        label = agreement.conflict
        if label in ids:
            continue
        slug = process_slug(label)
        if slug in by_slug:
            first, ids[label] = by_slug[slug]
            summary.warn(agreement.line, f"conflicts {label!r} and {first!r} make the same process slug "
                                         f"{slug!r}; their agreements share one process",
                         "slug-clash", observation_subject(slug))
        else:
            ids[label] = save_process(slug, label, source).pk
            by_slug[slug] = (label, ids[label])
    return ids


def save_process(slug: str, conflict: str, source: Source) -> Process:
    process = Process.objects.filter(slug=slug).first() or Process(slug=slug, source=source)
    process.name = f"Peace negotiations: {conflict}"
    process.kind, process.sponsor = Process.Kind.NEGOTIATION, Process.Sponsor.OTHER
    process.source = process.source or source
    process.save()
    return process


def observations(agreements: list[Agreement], process_ids: dict[str, int]) -> dict[Key, Values]:
    found: dict[Key, Values] = {}
    for agreement in agreements:
        for prefix, (total, women) in agreement.counts.items():
            if total is None:
                continue  # not coded: no observation, never a zero
            key = (process_ids[agreement.conflict], agreement.date, str(ROLES[prefix]), None,
                   f"PA-X {agreement.agreement_id}")
            men, unknown = split(total, women, agreement.unknown_gender, prefix == ALL)
            found[key] = (women, men, unknown, total, agreement.line)
    return found


def split(total: int, women: int | None, unknown_gender: int | None, all_delegates: bool
          ) -> tuple[int | None, int | None]:
    """Men and unknown for one role, from what the file says; None wherever it does not say."""
    if women is None or women > total:
        return None, None
    if unknown_gender == 0:
        return total - women, 0
    if all_delegates and unknown_gender is not None:
        return None, unknown_gender
    return None, None
