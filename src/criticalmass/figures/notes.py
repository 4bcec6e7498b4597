"""The notes the importers stored (core.DataNote), as a figure carries them and a CSV writes them.

A figure picks the notes about the records it shows by subject ("agreement:8") or by a subject
prefix ("observation:unmiss/"), optionally from some sources only; `figures/_figure.html` lists
them under its table and `pages.one_table` serves them as `<table>-notes.csv`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Q, QuerySet
from django.http import HttpResponse

from criticalmass.core.models import DataNote
from criticalmass.figures.csv import csv_response
from criticalmass.figures.tables import Table

NOTE_COLUMNS = ["source", "line", "kind", "severity", "subject", "message"]


def notes_about(subjects: Sequence[str] = (), prefix: str = "", sources: Sequence[str] = ()
                ) -> QuerySet[DataNote]:
    """Notes whose subject is one of `subjects` or starts with `prefix`, from `sources` (slugs) or all."""
    found = DataNote.objects.none() if not subjects and not prefix else DataNote.objects.filter(
        (Q(subject__in=subjects) if subjects else Q()) | (Q(subject__startswith=prefix) if prefix else Q()))
    return found.filter(source__slug__in=sources) if sources else found


def with_notes(table: Table, notes: QuerySet[DataNote]) -> Table:
    table.notes = notes.order_by("source_id", "source_row", "pk")
    return table


def note_rows(notes: Iterable[DataNote]) -> list[list[object]]:
    return [[n.source.slug, n.source_row, n.kind, n.severity, n.subject, n.message] for n in notes]


def notes_response(notes: QuerySet[DataNote], filename: str) -> HttpResponse:
    """Notes as CSV: source, line, kind, severity, subject, message."""
    return csv_response(filename, NOTE_COLUMNS, note_rows(notes.select_related("source").iterator()))
