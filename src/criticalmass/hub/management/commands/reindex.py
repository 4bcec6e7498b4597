"""criticalmass reindex: rebuild the search index (public evidence, practices, processes, countries)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from criticalmass.hub import indexing


class Command(BaseCommand):
    help = "Rebuild the search index from scratch (searches also catch up by themselves after imports)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Search index rebuilt: {indexing.rebuild()} documents.")
