"""Figures cached per data version: a table (or tables by name) computed once for the page, its CSV and
the API, until an import or an edit makes a new data version (core.data_version).

Each table's HTML and citation are built before it is cached, and charts drawn from it are cached under
its key (`Table.cache_key`); this process also keeps what it last read as objects (see `_unpickled`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import cache
from django.utils import timezone, translation

from criticalmass.figures.tables import Table
from criticalmass.parity import queries

T = TypeVar("T")


def cached_table(name: str, make: Callable[[], T], *key: object) -> T:
    """A figure (a table, or tables by name) cached per data version and day (forecasts say whether their
    year is past), computed by `make` on a miss: one computation for the page, its CSV and the API.
    Each table's HTML is built before it is cached, and charts drawn from it are cached by its key."""
    key = (*key, timezone.localdate(), translation.get_language())  # captions and HTML in the page's language
    label = queries.cache_key(name, *key)

    def made() -> T:
        found = make()
        for table_name, table in tables_in(found):
            table.cache_key = f"{label}:{table_name}"
            table.html()
            table.citation  # noqa: B018  # a cached property, computed here to be cached with the table
        return found

    found = _unpickled.get(label)
    if found is None or not cache.has_key(label):  # has_key unpickles nothing; a cleared cache is obeyed
        found = queries.cached(name, made, *key)
        if len(_unpickled) >= UNPICKLED_KEPT:
            _unpickled.clear()
        _unpickled[label] = found
    return cast(T, copied(found))


# What this process last read from the cache, as objects: unpickling a table of thousands of rows on
# every request cost as much as the rest of the page. Keyed by the data version like the cache, so a
# new version never finds an old figure; each request gets its own shallow copy of the tables (views
# set their CSV links and notes), the rows shared and never changed once made.
UNPICKLED_KEPT = 32
_unpickled: dict[str, object] = {}


def copied(found: object) -> object:
    if isinstance(found, Table):
        return copy.copy(found)
    if isinstance(found, dict):
        return {name: copy.copy(item) if isinstance(item, Table) else item for name, item in found.items()}
    return found


def tables_in(found: object) -> list[tuple[str, Table]]:
    if isinstance(found, Table):
        return [(found.name, found)]
    return [(name, table) for name, table in found.items()] if isinstance(found, dict) else []
