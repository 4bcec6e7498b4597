from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "criticalmass.importers"
    label = "importers"
    verbose_name = "Importers: the public datasets, read and written all or nothing"
