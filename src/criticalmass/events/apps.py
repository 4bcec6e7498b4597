from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "criticalmass.events"
    label = "events"
    verbose_name = "Events: panel pledge and manel watch"
