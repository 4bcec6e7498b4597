from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "criticalmass.hub"
    label = "hub"
    verbose_name = "Evidence hub: evidence, practices and stories, cards, search"

    def ready(self) -> None:
        from criticalmass.core.signals import member_data_requested, member_forgotten
        from criticalmass.hub import (
            members,
            signals,  # noqa: F401  (connects the search index's handlers)
        )

        member_data_requested.connect(members.member_data, dispatch_uid="hub-member-data")
        member_forgotten.connect(members.forget_member, dispatch_uid="hub-forget-member")
