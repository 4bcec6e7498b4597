"""Keep the search index in step with evidence, practices, plans and agreements, saved or deleted."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from criticalmass.agreements.models import Agreement
from criticalmass.core.signals import imports_finished
from criticalmass.hub import indexing
from criticalmass.hub.models import Evidence, Practice
from criticalmass.watchdog.models import Plan

logger = logging.getLogger(__name__)


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


@receiver(post_save, sender=Plan)
def plan_saved(sender: Any, instance: Plan, **kwargs: Any) -> None:
    indexing.put(indexing.plan_document(instance))


@receiver(post_delete, sender=Plan)
def plan_deleted(sender: Any, instance: Plan, **kwargs: Any) -> None:
    indexing.remove("plan", instance.slug)


@receiver(post_save, sender=Agreement)
def agreement_saved(sender: Any, instance: Agreement, **kwargs: Any) -> None:
    indexing.put(indexing.agreement_document(instance))


@receiver(m2m_changed, sender=Agreement.countries.through)
def agreement_countries_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, Agreement):
        indexing.put(indexing.agreement_document(instance))


@receiver(post_delete, sender=Agreement)
def agreement_deleted(sender: Any, instance: Agreement, **kwargs: Any) -> None:
    indexing.remove("agreement", str(instance.pax_id))


@receiver(imports_finished)
def imports_finished_reindex(sender: Any, changed: bool = True, **kwargs: Any) -> None:
    """An import may rename or re-code what it had written before, which counting cannot see: once the
    command's imports are done (not after each file of `import-all`), and only if they changed anything.
    With a broker a worker rebuilds it (the command ends sooner); without one, or with the broker down,
    it is rebuilt here."""
    if not changed:
        return
    from criticalmass.hub.tasks import rebuild_search_index

    try:
        rebuild_search_index.delay()
    except Exception as exc:  # noqa: BLE001 - kombu's many errors: the broker did not take it
        if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            raise
        logger.warning("The queue did not take the search re-indexing (%s); rebuilding it here", exc)
        indexing.rebuild()
