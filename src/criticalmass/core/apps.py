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
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="criticalmass.core.cache_table")
