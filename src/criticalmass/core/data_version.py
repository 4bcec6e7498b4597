"""The data version: one row in the database that cached figures are keyed by.

Importers bump it in their transaction when they changed something (importers.base.run_import), and
saving or deleting what the figures read outside an import bumps it (signals connected in core.apps and
parity.apps). Reading it is one primary-key lookup, done once per request by parity.queries, never a
scan of the observations; every worker process reads the same row, so none serves stale figures.
"""

from __future__ import annotations

import contextlib
import contextvars
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F, Model

from criticalmass.core.models import DataVersion

ROW = 1
# Saved on every import whatever it holds, so never a change by itself.
NOT_A_CHANGE = frozenset({"imported_at"})


@dataclass
class Changes:
    """What saves and deletes inside an import did: `seen` once one changed a stored row."""

    seen: bool = False


_importing: contextvars.ContextVar[Changes | None] = contextvars.ContextVar("importing", default=None)


def current() -> str:
    """The version now: its number and stamp ("0" before anything was ever bumped)."""
    found = DataVersion.objects.filter(pk=ROW).values_list("number", "stamp").first()
    return f"{found[0]}.{found[1]}" if found else "0"


def bump() -> None:
    """A new version: figures cached under the old one are computed again. In the caller's transaction,
    so an import rolled back leaves the version as it was."""
    stamp = secrets.token_hex(8)
    with transaction.atomic():
        if not DataVersion.objects.filter(pk=ROW).update(number=F("number") + 1, stamp=stamp):
            DataVersion.objects.create(pk=ROW, number=1, stamp=stamp)


@contextlib.contextmanager
def importing() -> Iterator[Changes]:
    """Inside, saves and deletes do not bump the version one by one: they are noted in the Changes
    yielded (a save only when it changes a stored value), and the import bumps once if anything changed."""
    changes = Changes()
    token = _importing.set(changes)
    try:
        yield changes
    finally:
        _importing.reset(token)


def saving(sender: type[Model], instance: Model, update_fields: Any = None, **_: object) -> None:
    """pre_save: inside an import, note whether the save changes the stored row."""
    changes = _importing.get()
    if changes is not None and not changes.seen and differs(sender, instance, update_fields):
        changes.seen = True


def saved(**_: object) -> None:
    """post_save: outside an import, a new version (inside, `saving` noted it)."""
    if _importing.get() is None:
        bump()


def deleted(**_: object) -> None:
    """post_delete: outside an import, a new version; inside, a change noted."""
    changes = _importing.get()
    if changes is None:
        bump()
    else:
        changes.seen = True


def differs(model: type[Model], instance: Model, update_fields: Any = None) -> bool:
    """Whether saving `instance` would change its stored row (a new row always does)."""
    names = [f.attname for f in model._meta.concrete_fields
             if f.attname not in NOT_A_CHANGE and (update_fields is None or f.name in update_fields)]
    stored = model._default_manager.filter(pk=instance.pk).values_list(*names).first() \
        if instance.pk is not None else None
    return stored is None or tuple(getattr(instance, name) for name in names) != stored


def watch(*models: type[Model], deletes: bool = True) -> None:
    """Bump the version when any of `models` is saved or deleted outside an import (see above)."""
    from django.db.models.signals import post_delete, post_save, pre_save

    for model in models:
        name = model._meta.label_lower
        pre_save.connect(saving, sender=model, weak=False, dispatch_uid=f"data-version-{name}-saving")
        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"data-version-{name}-saved")
        if deletes:
            post_delete.connect(deleted, sender=model, weak=False,
                                dispatch_uid=f"data-version-{name}-deleted")
