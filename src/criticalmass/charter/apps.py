from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "criticalmass.charter"
    label = "charter"
    verbose_name = "Charter: signatories, commitments, reports"

    def ready(self) -> None:
        from criticalmass.charter import members
        from criticalmass.charter.sections import (
            commitments_section,
            event_commitments_section,
            plan_commitments_section,
        )
        from criticalmass.core.sections import register_process_section, register_section
        from criticalmass.core.signals import member_approved, member_data_requested, member_forgotten

        register_process_section(commitments_section)
        register_section("plan", plan_commitments_section)
        register_section("event", event_commitments_section)
        from criticalmass.charter.models import (
            ChampionVetting,
            CharterGoal,
            CharterVersion,
            ConsultationComment,
            Endorsement,
            Signature,
        )
        from criticalmass.core import data_version

        # The printable Charter is cached by data version: what it prints bumps it.
        data_version.watch(CharterVersion, CharterGoal, Signature, Endorsement, ChampionVetting,
                           ConsultationComment)
        member_data_requested.connect(members.member_data, dispatch_uid="charter-member-data")
        member_forgotten.connect(members.forget_member, dispatch_uid="charter-forget-member")
        member_approved.connect(members.open_vetting, dispatch_uid="charter-open-vetting")
