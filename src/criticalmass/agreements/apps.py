from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "criticalmass.agreements"
    label = "agreements"
    verbose_name = "Agreements: PA-X peace agreements, gender provisions and pillars"

    def ready(self) -> None:
        from criticalmass.agreements.panels import mandates_panel
        from criticalmass.core.panels import register_process_panel

        register_process_panel(mandates_panel)
