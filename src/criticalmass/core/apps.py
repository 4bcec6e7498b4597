from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """The database cache's table, made with the schema (`migrate` is all an operator runs); a no-op
    when it exists or when the cache is Redis."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "criticalmass.core"
    label = "core"
    verbose_name = "Core: accounts, countries, organizations, sources"

    def ready(self) -> None:
        # Sources, their notes and countries (a host country's name is in the figures) saved or deleted
        # outside an import make a new data version (core.data_version). Notes' deletes are not watched:
        # a delete receiver would make every import fetch the notes it replaces one by one.
        from criticalmass.core import data_version
        from criticalmass.core.models import Country, DataNote, Source

        data_version.watch(Source, Country)
        data_version.watch(DataNote, deletes=False)

        from criticalmass.core.metrics import count_import
        from criticalmass.core.signals import dataset_imported

        dataset_imported.connect(count_import, dispatch_uid="criticalmass.core.metrics.imports")
        from django.conf import settings
        from django.db.backends.signals import connection_created

        from criticalmass.core import (
            encryption,  # noqa: F401  # registers its deploy check
            filemodes,
            queue,  # noqa: F401 - the Celery app, current before any task is sent
        )

        for database in settings.DATABASES.values():
            filemodes.prepare_sqlite(database)
        connection_created.connect(filemodes.connection_created, dispatch_uid="criticalmass.core.filemodes")
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="criticalmass.core.cache_table")
