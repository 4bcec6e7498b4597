"""Every create, change and delete made in the admin, in the platform's own audit with the values
before and after (Django's admin log keeps only the names of the fields changed)."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import Any

from django.db import models, transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from criticalmass.core import data_version
from criticalmass.core.models import audit


def plain(value: Any) -> Any:
    """A field's value as JSON keeps it: dates and decimals as text, a file by its name."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return str(value)


HIDDEN = "(hidden)"


def values_of(obj: models.Model) -> dict[str, Any]:
    """The row's own columns (foreign keys as ids); passwords are never copied into the audit, nor the
    fields a model lists in `AUDIT_HIDDEN` (a story's contacts), which show as "(hidden)"."""
    hidden = set(getattr(obj, "AUDIT_HIDDEN", ()))
    return {field.attname: HIDDEN if field.name in hidden else plain(getattr(obj, field.attname))
            for field in obj._meta.concrete_fields if field.name != "password"}


def target_of(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


class AuditedAdminMixin:
    """Records `admin.created`, `admin.changed` (with the fields that changed, before and after) and
    `admin.deleted` (with the values deleted), by whom, in the same transaction as the change."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = values_of(type(obj)._default_manager.get(pk=obj.pk)) if change and obj.pk else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            after = values_of(obj)
            if change:
                changed = {name: {"before": before.get(name), "after": value}
                           for name, value in after.items() if before.get(name) != value}
                if changed:
                    audit("admin.changed", target_of(obj), user_of(request), detail={"changes": changed})
            else:
                audit("admin.created", target_of(obj), user_of(request), detail={"values": after})

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        values, target = values_of(obj), target_of(obj)
        with transaction.atomic():
            super().delete_model(request, obj)  # type: ignore[misc]
            audit("admin.deleted", target, user_of(request), detail={"values": values})
            data_version.bump()  # deletions are not watched one by one (core.data_version)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        deleted = [(target_of(obj), values_of(obj)) for obj in queryset]
        with transaction.atomic():
            super().delete_queryset(request, queryset)  # type: ignore[misc]
            for target, values in deleted:
                audit("admin.deleted", target, user_of(request), detail={"values": values})
            data_version.bump()


def user_of(request: HttpRequest) -> Any:
    return request.user if request.user.is_authenticated else None
