from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "criticalmass.events"
    label = "events"
    verbose_name = "Events: panel pledge and manel watch"

    def ready(self) -> None:
        from criticalmass.core.signals import member_data_requested, member_forgotten
        from criticalmass.events import members

        member_data_requested.connect(members.member_data, dispatch_uid="events-member-data")
        member_forgotten.connect(members.forget_member, dispatch_uid="events-forget-member")
