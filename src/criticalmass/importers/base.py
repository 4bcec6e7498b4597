"""What every importer shares: the summary, the Source record, and the all-or-nothing upsert.

An importer reads and checks its whole file first (lib.csvread raises on the first bad cell), then
writes everything in one transaction through `run_import`: the Source, what the dataset's own `write`
step saves (processes and observations, agreements, plans...) and an audit event. Any error rolls all
of it back.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.db import IntegrityError, connection, transaction
from django.db.models import Field as ModelField
from django.utils import timezone
from django.utils.text import slugify

from criticalmass.core import data_version
from criticalmass.core.models import DataNote, Source, audit
from criticalmass.lib.notes import Note, as_note
from criticalmass.parity.models import Observation
from criticalmass.parity.report_months import overlap_resolved

# The natural key of an observation: process id, date, role, contributing country (ISO3 or None)
# and document ("" for monthly statistics). The database enforces its uniqueness.
Key = tuple[int, dt.date, str, str | None, str]
# What the source says about it: women, men, unknown, total, and the line it was read from.
Values = tuple[int | None, int | None, int | None, int, int]
Progress = Callable[[int], None]

KEY_FIELDS = ("process_id", "date", "role", "contributing_country_id", "document")
VALUE_FIELDS = ("women", "men", "unknown", "total", "source_row")
# SQLite allows 999 parameters a statement, PostgreSQL 65,535; Django lowers the batch to fit.
BATCH_SIZE = 5000
T = TypeVar("T")


class ImportFailed(Exception):
    """An import that cannot go ahead; the message is one line, fit to show as it is."""


@dataclass
class ImportSummary:
    dataset: str
    file: str
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    refused: int = 0  # records of the file left out whole (each one also a note), where a dataset does so
    warnings: list[tuple[int, str]] = field(default_factory=list)
    unit: str = "observations"  # what created, updated, unchanged and removed count
    source: str = ""  # the slug of the Source the file was imported as
    # Several files in one run (un-contributions): each file refused, and each left out, with why.
    refused_files: list[str] = field(default_factory=list)
    left_out_files: list[str] = field(default_factory=list)

    def warn(self, line: int, message: str, kind: str = "", subject: str = "", severity: str = "warning",
             ) -> None:
        """A flaw of the source: printed, and stored as a DataNote of `kind` about `subject`."""
        self.warnings.append(Note(line, message, kind, subject, severity))

    def sort_warnings(self) -> None:
        self.warnings.sort(key=lambda warning: warning[0])

    def counts(self) -> dict[str, int]:
        return {
            "rows_read": self.rows_read, "created": self.created, "updated": self.updated,
            "unchanged": self.unchanged, "removed": self.removed, "refused": self.refused,
            "warnings": len(self.warnings),
            "notes": len(self.warnings),
        }


@dataclass(frozen=True)
class SourceInfo:
    """What the PROVENANCE.txt beside a dataset says about it, written down once per importer."""

    slug: str
    dataset: str
    publisher: str
    version: str
    url: str
    licence: str
    citation: str
    # The published file `version` describes; another file gets a version from its name and checksum
    # (or --version). Empty: `version` is said of whatever file is imported.
    release_sha256: str = ""


@dataclass(frozen=True)
class SourceChoice:
    """What the user says of the file on the command line: --version, --label, --default.

    A version or label makes a source of its own beside the dataset's others (slug "padd@lowest"),
    never a replacement of them; without either, the file updates the dataset's first source.
    """

    version: str = ""
    label: str = ""
    default: bool = False

    def slug(self, base: str) -> str:
        # "1.0" is "1-0", not "10": punctuation separates, as spaces do.
        suffix = slugify(re.sub(r"[^\w\s-]", " ", f"{self.label} {self.version}"))
        return f"{base}@{suffix}" if suffix else base


def coverage(first: dt.date | None, last: dt.date | None, month: bool = False) -> str:
    """The data's first and last date (or month), as the Source states its coverage."""
    if first is None or last is None:
        return ""
    shown = (f"{first:%b %Y}", f"{last:%b %Y}") if month else (first.isoformat(), last.isoformat())
    return f"{shown[0]} to {shown[1]}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_source(info: SourceInfo, path: Path, choice: SourceChoice | None = None,
                  covered: str = "") -> Source:
    """Create or refresh the Source; only the file's name is kept, never the local path."""
    choice = choice or SourceChoice()
    slug, sha256 = choice.slug(info.slug), file_sha256(path)
    existing = Source.objects.filter(slug=slug).first()
    source, _ = Source.objects.update_or_create(
        slug=slug,
        defaults={
            "dataset": info.dataset, "publisher": info.publisher,
            "version": version(info, choice, path, sha256), "file": path.name, "url": info.url,
            "licence": info.licence, "citation": info.citation,
            "sha256": sha256, "imported_at": timezone.now(), "label": choice.label, "coverage": covered,
            "is_default": choice.default or (existing.is_default if existing else
                                             not Source.objects.filter(dataset=info.dataset).exists()),
        },
    )
    return source


def version(info: SourceInfo, choice: SourceChoice, path: Path, sha256: str) -> str:
    if choice.version:
        return choice.version
    if not info.release_sha256 or sha256 == info.release_sha256:
        return info.version
    return f"{path.name}, sha256 {sha256[:12]}"


def replacing(info: SourceInfo, path: Path, choice: SourceChoice | None) -> str | None:
    """A warning when the file replaces another file's data under the same source."""
    slug = (choice or SourceChoice()).slug(info.slug)
    earlier = Source.objects.filter(slug=slug).exclude(sha256="").first()
    if earlier is None or earlier.sha256 == file_sha256(path):
        return None
    return (f"this file replaces the data of {earlier.file} (sha256 {earlier.sha256[:12]}, version "
            f"{earlier.version!r}) under source {slug!r}; give --version or --label to import it "
            "beside it instead")


def run_import(info: SourceInfo, path: Path, summary: ImportSummary,
               write: Callable[[Source], None], choice: SourceChoice | None = None,
               covered: str = "") -> ImportSummary:
    """One transaction: the Source, whatever the dataset's `write(source)` saves (counting into
    `summary`), the warnings in line order, an audit event, and a new data version if anything
    changed (core.data_version). An exception anywhere, `ImportFailed` from `write` included, rolls
    everything back."""
    with transaction.atomic(), data_version.importing() as changes:
        replaced = replacing(info, path, choice)
        if replaced:
            summary.warn(1, replaced)
        source = record_source(info, path, choice, covered)
        summary.source = source.slug
        write(source)
        summary.sort_warnings()
        notes_changed = save_notes(source, summary)
        audit("import", source.slug, detail={"file": path.name, "sha256": source.sha256, **summary.counts()})
        if changes.seen or notes_changed or summary.created or summary.updated or summary.removed:
            data_version.bump()
    return summary


def save_notes(source: Source, summary: ImportSummary) -> bool:
    """Replace the source's notes with this import's warnings (the same file twice: the same notes, left
    as they are). True when they changed."""
    notes = [as_note(warning) for warning in summary.warnings]
    wanted = [DataNote(source=source, source_row=note.line or None, kind=note.kind, subject=note.subject,
                       severity=note.severity, message=note.message) for note in notes]
    fields = ("source_row", "kind", "subject", "severity", "message")
    stored = DataNote.objects.filter(source=source).order_by("pk").values_list(*fields)
    if list(stored) == [tuple(getattr(note, name) for name in fields) for note in wanted]:
        return False
    DataNote.objects.filter(source=source).delete()
    DataNote.objects.bulk_create(wanted, batch_size=500)
    return True


def upsert_observations(source: Source, observations: dict[Key, Values], summary: ImportSummary) -> None:
    """Make the source's observations in the database exactly `observations`.

    New keys are created, changed values updated, the rest left alone; observations of this
    source that the file no longer has are removed (the source withdrew them). Counts go to
    `summary`. The caller holds the transaction. The stored rows are compared one process at a time,
    so memory holds the file and one process's stored rows, never the whole table.
    """
    wanted_by_process: dict[int, list[Key]] = {}
    for key in observations:
        wanted_by_process.setdefault(key[0], []).append(key)
    to_create: list[tuple[Key, Values]] = []
    to_update: list[Observation] = []
    to_remove: list[int] = []
    for process_id, existing in existing_by_process(source):
        for key in wanted_by_process.pop(process_id, []):
            found, values = existing.pop(key, None), observations[key]
            if found is None:
                to_create.append((key, values))
            elif found[1] != values:
                to_update.append(Observation(pk=found[0], **dict(zip(VALUE_FIELDS, values, strict=True))))
        to_remove += [pk for pk, _ in existing.values()]
    to_create += [(key, observations[key]) for keys in wanted_by_process.values() for key in keys]
    refuse_clashes(source, to_create)
    insert(source, to_create)
    Observation.objects.bulk_update(to_update, VALUE_FIELDS, batch_size=500)
    remove(to_remove)
    summary.created, summary.updated, summary.removed = len(to_create), len(to_update), len(to_remove)
    summary.unchanged = len(observations) - len(to_create) - len(to_update)


def existing_by_process(source: Source) -> Iterator[tuple[int, dict[Key, tuple[int, Values]]]]:
    """The source's stored observations one process at a time, by natural key (one query, streamed)."""
    rows = (Observation.objects.filter(source=source).order_by("process_id")
            .values_list("pk", *KEY_FIELDS, *VALUE_FIELDS).iterator(chunk_size=10_000))
    for process_id, group in itertools.groupby(rows, key=lambda row: row[1]):
        yield process_id, {tuple(row[1:6]): (row[0], tuple(row[6:])) for row in group}


def insert(source: Source, items: list[tuple[Key, Values]]) -> None:
    """INSERT the new observations: COPY on PostgreSQL, a prepared statement and executemany on SQLite.

    Not bulk_create: for the 73,000 observations of the peacekeeping file it spends nine tenths
    of its time building a model instance and preparing eleven values per row (about 6 s on
    SQLite against 1 s here). On PostgreSQL, COPY takes about 1 s where executemany takes 7 s.
    """
    # In index order: B-tree inserts that follow the key are cheaper (about 15% on SQLite).
    items = sorted(items, key=lambda item: item[0][:3])
    adapt = functools.lru_cache(maxsize=None)(connection.ops.adapt_datefield_value)
    rows = (
        (process_id, adapt(date), role, country, document, *values, source.pk)
        for (process_id, date, role, country, document), values in items
    )
    try:
        with connection.cursor() as cursor, connection.wrap_database_errors:
            if connection.vendor == "postgresql":
                copy(cursor.cursor, rows)
            else:
                for batch in chunked(rows, BATCH_SIZE):
                    cursor.executemany(insert_statement(), batch)
    except IntegrityError as exc:
        # The same process, date, role, country and document already counted by another source.
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ImportFailed(
            f"observations clash with ones already imported from another source ({first_line}); "
            "nothing was imported"
        ) from None


def refuse_clashes(source: Source, items: list[tuple[Key, Values]]) -> None:
    """Versions of one dataset may count the same thing side by side; two datasets may not, except the
    UN's monthly reports and IPI's copy of them, where parity.report_months decides which counts."""
    processes = {key[0] for key, _ in items}
    others = set(
        Observation.objects.filter(process_id__in=processes).exclude(source__dataset=source.dataset)
        .exclude(overlap_resolved(source.slug)).values_list(*KEY_FIELDS).iterator(chunk_size=10_000)
    ) if processes else set()
    clash = next((key for key, _ in items if key in others), None)
    if clash is not None:
        raise ImportFailed(
            f"observations clash with ones already imported from another source (process {clash[0]}, "
            f"{clash[1]}, {clash[2]}); nothing was imported"
        )


def insert_columns() -> list[str]:
    quote = connection.ops.quote_name
    names = (*KEY_FIELDS, *VALUE_FIELDS, "source_id")
    return [quote(column_of(name)) for name in names]


def column_of(name: str) -> str:
    found = Observation._meta.get_field(name)
    assert isinstance(found, ModelField) and found.column, name
    return found.column


def insert_statement() -> str:
    columns = insert_columns()
    placeholders = ", ".join(["%s"] * len(columns))
    # Built only from the model's own table and column names, never from input.
    table = connection.ops.quote_name(Observation._meta.db_table)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608


def copy(cursor: Any, rows: Iterable[tuple[object, ...]]) -> None:
    """PostgreSQL's COPY through psycopg 3 (`cursor` is the driver's own cursor)."""
    table = connection.ops.quote_name(Observation._meta.db_table)
    with cursor.copy(f"COPY {table} ({', '.join(insert_columns())}) FROM STDIN") as stream:
        for row in rows:
            stream.write_row(row)


def remove(pks: list[int]) -> None:
    for chunk in chunked(pks, 900):  # under SQLite's limit on parameters in one statement
        Observation.objects.filter(pk__in=chunk).delete()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
