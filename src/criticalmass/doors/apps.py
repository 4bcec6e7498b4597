from django.apps import AppConfig


class DoorsConfig(AppConfig):
    name = "criticalmass.doors"
    label = "doors"
    verbose_name = "Doors: decision-makers, meeting requests, meetings and reprisals"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from criticalmass.core.sections import register_process_section
        from criticalmass.core.signals import member_data_requested, member_forgotten
        from criticalmass.doors import personal, sections

        register_process_section(sections.leadership_section)
        register_process_section(sections.without_us_section)
        member_data_requested.connect(personal.collect, dispatch_uid="criticalmass.doors.collect")
        member_forgotten.connect(personal.forget, dispatch_uid="criticalmass.doors.forget")
