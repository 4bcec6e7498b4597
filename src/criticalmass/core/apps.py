from django.apps import AppConfig


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
