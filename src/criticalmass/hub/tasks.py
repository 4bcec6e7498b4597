"""The hub's task: rebuilding the search index after imports, off the importing command (core.queue)."""

from __future__ import annotations

from celery import shared_task

from criticalmass.hub import indexing


@shared_task(name="criticalmass.hub.rebuild_search_index", acks_late=True)
def rebuild_search_index() -> int:
    """The whole index again (the number of documents); safe to run twice."""
    return indexing.rebuild()
