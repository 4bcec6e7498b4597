from django.apps import AppConfig


class BriefingsConfig(AppConfig):
    name = "criticalmass.briefings"
    label = "briefings"
    verbose_name = "Briefings: audiences, argument weights, objections"
