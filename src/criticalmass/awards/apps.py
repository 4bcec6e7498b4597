from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "criticalmass.awards"
    label = "awards"
    verbose_name = "Distinguished Partner Awards"
