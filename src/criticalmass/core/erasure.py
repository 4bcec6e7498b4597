"""Erasure reaches the history tables: every model registered with django-simple-history has its
historical rows scrubbed for an erased member, whatever app it belongs to.

For each registered model:
- her name goes from the history as the author of changes (`history_user` cleared);
- the history of records that are hers (an owner key to her account, or her account itself) holds
  no more than the record holds now: the personal fields a model declares (`PERSONAL_FIELDS`) are set
  in every past version to the record's present, already anonymised value; the history of those of her
  records that are gone (deleted at erasure) goes with them.

A model that declares no `PERSONAL_FIELDS` keeps its past versions' text: the public record
(commitments, reports, verdicts, panels) stays as it was, attributed to the organisation, and a change's
public trace (a lowered target, a secretariat correction's reason) is never rewritten by an erasure.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import registered_models

from criticalmass.core.models import User


def history_of(model: type[models.Model]) -> type[models.Model] | None:
    """The model's historical model, or None (a registered many-to-many through table has none)."""
    manager = getattr(model._meta, "simple_history_manager_attribute", "history")
    history = getattr(model, manager, None)
    return getattr(history, "model", None)


def personal_fields(model: type[models.Model]) -> list[str]:
    """The fields the model declares personal; none when it declares nothing (the public record)."""
    return list(getattr(model, "PERSONAL_FIELDS", []))


def owner_fields(model: type[models.Model]) -> list[str]:
    """The foreign keys that make a record its member's (the model's `OWNER_FIELDS`, else every foreign
    key to an account): a story's author, not the secretariat member who reviewed it."""
    declared: list[str] | None = getattr(model, "OWNER_FIELDS", None)
    if declared is not None:
        return [model._meta.get_field(name).attname for name in declared]  # type: ignore[union-attr]
    return [field.attname for field in model._meta.concrete_fields
            if field.is_relation and isinstance(field.related_model, type)
            and field.related_model._meta.label == settings.AUTH_USER_MODEL]


def hers(model: type[models.Model], user: User) -> Q:
    """Historical rows of records that belong to `user`: an owner key to her account, or her account."""
    found = Q(pk__in=[])
    for attname in owner_fields(model):
        found |= Q(**{attname: user.pk})
    if model._meta.label == settings.AUTH_USER_MODEL:
        found |= Q(**{model._meta.pk.attname: user.pk})
    return found


def scrub_model(model: type[models.Model], user: User) -> int:
    """Scrub one model's history for `user`; returns the historical rows changed or deleted."""
    history = history_of(model)
    if history is None:
        return 0
    manager: Any = history._default_manager
    count: int = manager.filter(history_user_id=user.pk).update(history_user=None)
    key = model._meta.pk.attname
    fields = personal_fields(model)
    if not fields:  # the public record: its versions stay, even of a record removed long ago
        return count
    for record_pk in set(manager.filter(hers(model, user)).values_list(key, flat=True)):
        rows = manager.filter(**{key: record_pk})
        present = model._default_manager.filter(pk=record_pk).values(*fields).first()
        if present is None:
            count += rows.delete()[0]
        else:
            count += rows.update(**present)
    return count


def scrub_history(user: User) -> int:
    """Every registered model's history, scrubbed for `user` (run after the apps anonymised the
    records themselves). Returns the number of historical rows changed or deleted."""
    return sum(scrub_model(model, user) for model in list(registered_models.values()))
