from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "criticalmass.core"
    label = "core"
    verbose_name = "Core: accounts, countries, organizations, sources"
