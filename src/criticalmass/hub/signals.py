"""Keep the search index in step with evidence and practices as they are saved or deleted."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from criticalmass.hub import indexing
from criticalmass.hub.models import Evidence, Practice


@receiver(post_save, sender=Evidence)
def evidence_saved(sender: Any, instance: Evidence, **kwargs: Any) -> None:
    indexing.index_evidence(instance)


@receiver(post_delete, sender=Evidence)
def evidence_deleted(sender: Any, instance: Evidence, **kwargs: Any) -> None:
    indexing.remove("evidence", instance.slug)


@receiver(post_save, sender=Practice)
def practice_saved(sender: Any, instance: Practice, **kwargs: Any) -> None:
    indexing.index_practice(instance)


@receiver(post_delete, sender=Practice)
def practice_deleted(sender: Any, instance: Practice, **kwargs: Any) -> None:
    indexing.remove("practice", instance.slug)
