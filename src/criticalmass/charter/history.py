"""Who changed what in a commitment or its report, and when: kept in the audit log for the secretariat."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet

from criticalmass.core.models import AuditEvent, User, audit


def target(commitment_pk: int) -> str:
    return f"charter.commitment:{commitment_pk}"


def snapshot(obj: Model, fields: list[str]) -> dict[str, str]:
    return {name: str(getattr(obj, name)) for name in fields}


def record(action: str, commitment_pk: int, user: User, before: dict[str, str],
           after: dict[str, str]) -> None:
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if changes:
        audit(action, target(commitment_pk), user=user, detail={"changes": changes})


def of(commitment_pk: int) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(target=target(commitment_pk)).select_related("user")


def describe(changes: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [(name, old, new) for name, (old, new) in changes.items()]
