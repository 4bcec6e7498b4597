"""The evidence seed: hub/data/evidence.json, checked record by record, loaded all or nothing.

Misattributions that circulate in the field (listed in the project's research notes) are refused
outright: a record that repeats one is an error, so none can enter the hub as a claim.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction

from criticalmass.hub.models import AUDIENCE_TAGS, Argument, Grade, Kind, tags_text

DATA_FILE = Path(__file__).parent / "data" / "evidence.json"
REQUIRED = ["slug", "claim", "source_title", "source_org", "grade", "kind"]
FIELDS = [
    "claim",
    "number",
    "unit",
    "year",
    "source_title",
    "source_org",
    "source_year",
    "url",
    "grade",
    "kind",
    "arguments",
    "audiences",
    "themes",
]
MISATTRIBUTIONS = [
    (
        re.compile(r"\b1\s+in\s+13\b", re.I),
        "'1 in 13 participants' rounds ~8% of negotiators; give the precise CFR or UN Women figures",
    ),
    (
        re.compile(r"harvard (study|research)|harvard\b.*\bpredictor", re.I),
        "the 'Harvard study' on treatment of women and war is Hudson et al., Sex and World Peace (2012)",
    ),
    (
        re.compile(r"64\s*%.*(less likely to fail|fail)", re.I),
        "'64% less likely to fail' is Nilsson 2012 on civil society, not on women",
    ),
]
GLOBAL_STUDY_35 = "the 35% durability figure is Stone's annex to IPI 2015, not the UN Women Global Study"


class SeedError(ValueError):
    """A record the seed refuses; the message names the record and the problem."""


def misattribution(record: dict[str, Any]) -> str | None:
    text = f"{record.get('claim', '')} {record.get('source_title', '')}"
    for pattern, why in MISATTRIBUTIONS:
        if pattern.search(text):
            return why
    if (
        "35" in str(record.get("number", ""))
        and "global study" in str(record.get("source_title", "")).lower()
    ):
        return GLOBAL_STUDY_35
    return None


def number_of(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise SeedError(f"number {value!r} is not a number") from None


def unknown(values: list[str], allowed: list[str]) -> list[str]:
    return sorted(set(values) - set(allowed))


def check(record: dict[str, Any]) -> dict[str, Any]:
    """The model fields of one record, or SeedError saying what is wrong with it."""
    missing = [name for name in REQUIRED if not record.get(name)]
    if missing:
        raise SeedError(f"missing {', '.join(missing)}")
    if (why := misattribution(record)) is not None:
        raise SeedError(f"misattribution: {why}")
    for name, allowed in [("grade", Grade.values), ("kind", Kind.values)]:
        if record[name] not in allowed:
            raise SeedError(f"{name} {record[name]!r} is not one of {', '.join(allowed)}")
    for name, allowed in [("arguments", Argument.values), ("audiences", AUDIENCE_TAGS)]:
        if bad := unknown(record.get(name, []), allowed):
            raise SeedError(f"unknown {name}: {', '.join(bad)}")
    values = {name: record.get(name) for name in FIELDS}
    values.update(
        number=number_of(record.get("number")),
        unit=record.get("unit") or "",
        year=str(record.get("year") or ""),
        url=record.get("url") or "",
        arguments=tags_text(record.get("arguments", [])),
        audiences=tags_text(record.get("audiences", [])),
        themes=tags_text(record.get("themes", [])),
    )
    return values


def read(path: Path = DATA_FILE) -> list[dict[str, Any]]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedError(f"{path.name}: cannot read it as JSON: {exc}") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise SeedError(f"{path.name}: expected a list of records")
    return records


def checked(records: list[dict[str, Any]], name: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for i, record in enumerate(records, start=1):
        try:
            found[str(record.get("slug"))] = check(record)
        except SeedError as exc:
            raise SeedError(f"{name}, record {i} ({record.get('slug', 'no slug')}): {exc}") from None
    slugs = set(found)
    for i, record in enumerate(records, start=1):
        if bad := unknown(record.get("qualifies", []), sorted(slugs)):
            raise SeedError(
                f"{name}, record {i} ({record['slug']}): qualifies unknown items: {', '.join(bad)}"
            )
    return found


def load(path: Path = DATA_FILE, model: Any = None) -> dict[str, int]:
    """Create or update every record (by slug); nothing is written when any record is wrong."""
    if model is None:
        from criticalmass.hub.models import Evidence as model
    records = read(path)
    values = checked(records, path.name)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        items = {}
        for slug, fields in values.items():
            item, created = model.objects.get_or_create(slug=slug, defaults=fields)
            changed = not created and any(getattr(item, k) != v for k, v in fields.items())
            if changed:
                for name, value in fields.items():
                    setattr(item, name, value)
                item.save()
            counts["created" if created else "updated" if changed else "unchanged"] += 1
            items[slug] = item
        for record in records:
            items[record["slug"]].qualifies.set([items[s] for s in record.get("qualifies", [])])
    return counts
