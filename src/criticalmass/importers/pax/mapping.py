"""Mapping pax_all_agreements_v10.csv onto negotiation processes and agreements.

- Each PA-X peace process (PP, PPName) becomes a Process: kind peace negotiation, sponsor other,
  slug "pax-" + the PP number, name PPName. Its host country is the agreements' Loc1ISO when they
  all share one, else none. (PADD's processes are by conflict label; the two meet through the
  agreements: PADD's observations name "PA-X <AgtId>", the agreement's PA-X id.)
- Each agreement becomes an Agreement keyed by AgtId, with its countries from Loc1ISO and Loc2ISO. A
  code the platform does not know as a country is left out with a warning.
- Agreements of an earlier import that the file no longer has are removed, with their provisions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from criticalmass.agreements.models import Agreement
from criticalmass.core.models import Country, Source
from criticalmass.importers.base import ImportSummary, Progress, SourceInfo, chunked, run_import
from criticalmass.importers.pax.reader import PaxAgreement, Reading, read
from criticalmass.lib.notes import agreement_subject
from criticalmass.parity.models import Process

DATASET = "pax"
FIELDS = ["version", "name", "date", "process_id", "conflict", "conflict_type", "region", "status",
          "agreement_type", "stage", "substage", "parties", "third_parties", "gender_provisions",
          "source_row"]
SOURCE = SourceInfo(
    slug="pax",
    dataset="PA-X Peace Agreements Database, version 10",
    publisher="PeaceRep, University of Edinburgh",
    version="10 (2,257 agreements, 1990-2025)",
    url="https://www.peaceagreements.org/",
    licence="CC BY-NC-SA 4.0 (as stated by a third party; to be confirmed at peaceagreements.org)",
    citation="Bell, C. & Badanjak, S. (2019) 'Introducing PA-X: A new peace agreement database and "
             "dataset.' Journal of Peace Research 56(3): 452-466. PA-X version 10, "
             "pax_all_agreements_v10.csv, read from github.com/peacerep/v7_messy_timeline, data/, "
             "commit 6b5e57e46ee09f52030e1364c06de3ff8e4d8c3c.",
)


def import_file(path: Path, progress: Progress | None = None) -> ImportSummary:
    """Import pax_all_agreements_v10.csv. Raises CsvError, changing nothing, on a bad file."""
    reading = read(path, progress)
    summary = ImportSummary(DATASET, path.name, rows_read=reading.rows_read, warnings=list(reading.warnings),
                            unit="agreements")

    def write(source: Source) -> None:
        process_ids = save_processes(reading.agreements, source)
        countries = known_countries(reading.agreements, summary)
        save_agreements(reading, process_ids, countries, source, summary)

    return run_import(SOURCE, path, summary, write)


def process_slug(process_id: int) -> str:
    return f"pax-{process_id}"


def save_processes(agreements: list[PaxAgreement], source: Source) -> dict[int, int]:
    """Create or update one Process per PA-X process; return their primary keys by PP number."""
    names: dict[int, str] = {}
    hosts: dict[int, set[str]] = {}
    for agreement in agreements:
        names.setdefault(agreement.process_id, agreement.process_name)
        first_country = agreement.countries[0] if agreement.countries else ""
        hosts.setdefault(agreement.process_id, set()).add(first_country)
    known = set(Country.objects.values_list("iso3", flat=True))
    existing = {p.slug: p for p in Process.objects.filter(slug__in=[process_slug(i) for i in names])}
    ids = {}
    for process_id, name in names.items():
        only = hosts[process_id].pop() if len(hosts[process_id]) == 1 else ""
        slug = process_slug(process_id)
        process = existing.get(slug) or Process(slug=slug, source=source)
        wanted = {"name": name, "kind": Process.Kind.NEGOTIATION, "sponsor": Process.Sponsor.OTHER,
                  "host_country_id": only if only in known else None}
        if process.pk is None or any(getattr(process, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(process, key, value)
            process.save()
        ids[process_id] = process.pk
    return ids


def known_countries(agreements: list[PaxAgreement], summary: ImportSummary) -> set[str]:
    known = set(Country.objects.values_list("iso3", flat=True))
    for agreement in agreements:
        for code in agreement.countries:
            if code not in known:
                summary.warn(agreement.line, f"AgtId {agreement.pax_id}: {code!r} is not a known ISO 3166-1 "
                                             "alpha-3 country code; the agreement is kept without it",
                             "unknown-country", agreement_subject(agreement.pax_id))
    return known


def values(agreement: PaxAgreement, process_ids: dict[int, int]) -> dict[str, Any]:
    fields = asdict(agreement)
    fields["process_id"] = process_ids[agreement.process_id]
    fields["source_row"] = agreement.line
    return {name: fields[name] for name in FIELDS}


def save_agreements(reading: Reading, process_ids: dict[int, int], countries: set[str], source: Source,
                    summary: ImportSummary) -> None:
    existing = {a.pax_id: a for a in Agreement.objects.all()}
    links = existing_links()
    to_create, to_update = [], []
    for agreement in reading.agreements:
        fields = values(agreement, process_ids)
        found = existing.pop(agreement.pax_id, None)
        wanted_countries = {c for c in agreement.countries if c in countries}
        if found is None:
            to_create.append(Agreement(pax_id=agreement.pax_id, source=source, **fields))
        elif changed(found, fields, source) or links.get(found.pk, set()) != wanted_countries:
            for name, value in fields.items():
                setattr(found, name, value)
            found.source = source
            to_update.append(found)
    Agreement.objects.bulk_create(to_create, batch_size=500)
    Agreement.objects.bulk_update(to_update, [*FIELDS, "source"], batch_size=500)
    for chunk in chunked([a.pk for a in existing.values()], 900):
        Agreement.objects.filter(pk__in=chunk).delete()
    save_countries(reading.agreements, countries)
    summary.created, summary.updated, summary.removed = len(to_create), len(to_update), len(existing)
    summary.unchanged = len(reading.agreements) - len(to_create) - len(to_update)


def changed(found: Agreement, fields: dict[str, Any], source: Source) -> bool:
    return found.source_id != source.pk or any(getattr(found, k) != v for k, v in fields.items())


def existing_links() -> dict[int, set[str]]:
    links: dict[int, set[str]] = {}
    for agreement_id, iso3 in Agreement.countries.through.objects.values_list("agreement_id", "country_id"):
        links.setdefault(agreement_id, set()).add(iso3)
    return links


def save_countries(agreements: Iterable[PaxAgreement], countries: set[str]) -> None:
    """Make the agreement-country links exactly those of the file."""
    Through = Agreement.countries.through
    pks = dict(Agreement.objects.values_list("pax_id", "pk"))
    wanted = {(pks[a.pax_id], c) for a in agreements for c in a.countries if c in countries}
    links = existing_links()
    have = {(a, c) for a, codes in links.items() for c in codes}
    Through.objects.bulk_create([Through(agreement_id=a, country_id=c) for a, c in wanted - have],
                                batch_size=500)
    for agreement_id, iso3 in have - wanted:
        Through.objects.filter(agreement_id=agreement_id, country_id=iso3).delete()

