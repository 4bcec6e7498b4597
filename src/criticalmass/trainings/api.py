"""JSON API of trainings (mounted at /api/trainings/): programmes, a programme's cycles and questionnaire
results, the trainers' cascade and dialogues. Public, read-only, aggregates only: the rows of the same
tables the pages and CSVs show (counts below 5 are null)."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from criticalmass.api_common import ERRORS
from criticalmass.figures.tables import Table
from criticalmass.trainings import figures
from criticalmass.trainings.models import Programme

router = Router()


class TableOut(Schema):
    name: str
    caption: str
    columns: list[str] = Field(..., description="The keys of each row, in the order the page shows them.")
    rows: list[dict[str, Any]] = Field(..., description="Counts below 5 are null (suppressed).")


class ProgrammeOut(Schema):
    slug: str
    title: str
    topic: str
    track: str
    audience: str
    language: str
    format: str
    trains_trainers: bool
    youth: bool
    cycles: TableOut
    results: TableOut


def table_out(table: Table) -> dict[str, Any]:
    return {"name": table.name, "caption": table.caption, "columns": [c.key for c in table.columns],
            "rows": table.rows}


@router.get("/programmes", response={200: TableOut, **ERRORS}, url_name="trainings_programmes")
def list_programmes(request: HttpRequest) -> dict[str, Any]:
    """Every programme with its cycles and the people counted at its sessions."""
    return table_out(figures.programmes_table(figures.programmes()))


@router.get("/programmes/{slug}", response={200: ProgrammeOut, **ERRORS}, url_name="trainings_programme")
def programme(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One programme: its cycles (people counted) and its questionnaire results before and after."""
    found = get_object_or_404(Programme, slug=slug)
    fields = {key: getattr(found, key) for key in ("slug", "title", "topic", "track", "audience", "language",
                                                   "format", "trains_trainers", "youth")}
    return {**fields, "cycles": table_out(figures.cycles_table(found)),
            "results": table_out(figures.results_table(found))}


@router.get("/cascade", response={200: TableOut, **ERRORS}, url_name="trainings_cascade")
def cascade(request: HttpRequest) -> dict[str, Any]:
    """People reached through trainers, by country and language."""
    return table_out(figures.cascade_table())


@router.get("/dialogues", response={200: TableOut, **ERRORS}, url_name="trainings_dialogues")
def dialogues(request: HttpRequest) -> dict[str, Any]:
    """Cross-gender dialogues: format, women and men at the table, agreed actions and commitments."""
    return table_out(figures.dialogues_table(figures.dialogues()))
