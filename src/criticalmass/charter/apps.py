from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "criticalmass.charter"
    label = "charter"
    verbose_name = "Charter: signatories, commitments, reports"

    def ready(self) -> None:
        from criticalmass.charter.panels import (
            commitments_panel,
            event_commitments_panel,
            plan_commitments_panel,
        )
        from criticalmass.core.panels import register_panel, register_process_panel

        register_process_panel(commitments_panel)
        register_panel("plan", plan_commitments_panel)
        register_panel("event", event_commitments_panel)
