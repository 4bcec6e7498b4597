from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "criticalmass.hub"
    label = "hub"
    verbose_name = "Evidence hub: evidence, practices and stories, cards, search"

    def ready(self) -> None:
        from criticalmass.hub import signals  # noqa: F401  (connects the search index's handlers)
