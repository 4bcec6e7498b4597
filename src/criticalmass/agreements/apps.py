from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "criticalmass.agreements"
    label = "agreements"
    verbose_name = "Agreements: PA-X peace agreements, gender provisions and pillars"

    def ready(self) -> None:
        from criticalmass.agreements.sections import mandates_section
        from criticalmass.core.sections import register_process_section

        register_process_section(mandates_section)
