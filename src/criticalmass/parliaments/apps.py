from django.apps import AppConfig


class ParliamentsConfig(AppConfig):
    name = "criticalmass.parliaments"
    label = "parliaments"
    verbose_name = "Parliaments: women in national parliaments (IPU)"
