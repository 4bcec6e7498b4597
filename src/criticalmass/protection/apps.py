from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "criticalmass.protection"
    label = "protection"
    verbose_name = "Protection: conflict-related sexual violence (SVAC)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from criticalmass.core.sections import register_process_section, register_section
        from criticalmass.protection.sections import country_section, mission_section

        register_process_section(mission_section)
        register_section("country", country_section)
