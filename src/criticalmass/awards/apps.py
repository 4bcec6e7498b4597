from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "criticalmass.awards"
    label = "awards"
    verbose_name = "Distinguished Partner Awards"

    def ready(self) -> None:
        from criticalmass.awards import members
        from criticalmass.core.signals import member_data_requested

        member_data_requested.connect(members.member_data, dispatch_uid="awards-member-data")
