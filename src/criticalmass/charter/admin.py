"""The secretariat publishes Charter versions, opens reporting cycles and manages everything here."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.charter.models import (
    CharterVersion,
    Commitment,
    Reminder,
    Report,
    ReportingCycle,
    Signature,
    Verification,
)
from criticalmass.core.admin import SecretariatAdmin


@admin.register(CharterVersion)
class CharterVersionAdmin(SecretariatAdmin):
    list_display = ["number", "title", "published_at"]


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
