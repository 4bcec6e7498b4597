"""The secretariat publishes Charter versions, opens reporting cycles and manages everything here."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.charter.models import (
    ChampionVetting,
    CharterGoal,
    CharterVersion,
    Commitment,
    Consultation,
    ConsultationComment,
    Reminder,
    Report,
    ReportingCycle,
    Signature,
    Verification,
)
from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions


class CharterGoalInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = CharterGoal
    extra = 1
    autocomplete_fields = ["processes"]


@admin.register(CharterVersion)
class CharterVersionAdmin(SecretariatAdmin):
    list_display = ["number", "title", "published_at"]
    inlines = [CharterGoalInline]


@admin.register(Consultation)
class ConsultationAdmin(SecretariatAdmin):
    """The secretariat opens a draft to named organisations and advocates for a period."""

    list_display = ["version", "opens_on", "closes_on"]
    filter_horizontal = ["organizations", "advocates"]


@admin.register(ConsultationComment)
class ConsultationCommentAdmin(SecretariatAdmin):
    """Comments are answered on the draft's page; here they are read only."""

    list_display = ["consultation", "paragraph", "organization", "response", "created_at"]
    readonly_fields = ["consultation", "paragraph", "author", "organization", "pseudonym", "text",
                       "created_at", "response", "reason", "responded_at"]


@admin.register(ChampionVetting)
class ChampionVettingAdmin(SecretariatAdmin):
    """Open a vetting here for a new partner; opinions and the decision are on /vetting/."""

    list_display = ["partner", "status", "opened_at", "decided_at"]
    fields = ["partner"]


@admin.register(Signature)
class SignatureAdmin(SecretariatAdmin):
    list_display = ["name", "title", "organization", "version", "signed_at", "withdrawn_at"]
    list_filter = ["version"]
    readonly_fields = ["consented_at"]


@admin.register(ReportingCycle)
class ReportingCycleAdmin(SecretariatAdmin):
    list_display = ["name", "opens_on", "deadline", "min_commitments"]


@admin.register(Commitment)
class CommitmentAdmin(SecretariatAdmin):
    list_display = ["what", "owner", "cycle", "deadline", "plan"]
    list_filter = ["cycle"]
    autocomplete_fields = ["plan"]


@admin.register(Report)
class ReportAdmin(SecretariatAdmin):
    list_display = ["commitment", "progress", "updated_at"]


@admin.register(Verification)
class VerificationAdmin(SecretariatAdmin):
    list_display = ["report", "reviewer", "verdict", "created_at"]


@admin.register(Reminder)
class ReminderAdmin(SecretariatAdmin):
    list_display = ["key", "recipient", "sent_at"]
    readonly_fields = ["key", "recipient", "subject", "sent_at"]
