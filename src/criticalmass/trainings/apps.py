from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "criticalmass.trainings"
    label = "trainings"
    verbose_name = "Trainings in cycles, follow-ups and dialogues"

    def ready(self) -> None:
        from criticalmass.core.sections import register_section
        from criticalmass.trainings.sections import event_dialogues, organisation_trainings

        register_section("organization", organisation_trainings)
        register_section("event", event_dialogues)
