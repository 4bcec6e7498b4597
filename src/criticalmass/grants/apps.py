from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "criticalmass.grants"
    label = "grants"
    verbose_name = "Micro-grants: calls, applications, reviews, grants and reports"
