from django.apps import AppConfig


class WatchdogConfig(AppConfig):
    name = "criticalmass.watchdog"
    label = "watchdog"
    verbose_name = "Watchdog: plans, duties, money"
    default_auto_field = "django.db.models.BigAutoField"
