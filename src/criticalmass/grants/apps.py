from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "criticalmass.grants"
    label = "grants"
    verbose_name = "Micro-grants: calls, applications, reviews, grants and reports"

    def ready(self) -> None:
        from criticalmass.core.signals import member_data_requested
        from criticalmass.grants import members

        member_data_requested.connect(members.member_data, dispatch_uid="grants-member-data")
