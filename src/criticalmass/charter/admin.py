"""The secretariat publishes Charter versions, opens reporting cycles and manages everything here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from criticalmass.charter import record
from criticalmass.charter.forms import reason_field
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
    """A draft's goals are edited here; a published version's goals were signed and never change (a new
    version lists what changed)."""

    model = CharterGoal
    extra = 1
    autocomplete_fields = ["processes"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not published_version(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not published_version(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not published_version(obj) and super().has_delete_permission(request, obj)


def published_version(version: Any) -> bool:
    return bool(version is not None and getattr(version, "published_at", None))


class CorrectionForm(forms.ModelForm):  # type: ignore[type-arg]
    reason = reason_field()


class CorrectionAdmin(SecretariatAdmin):
    """Records the public may read: every change needs a reason, kept in the record's history and
    shown publicly as a secretariat correction; nothing is deleted (a signature is withdrawn)."""

    form = CorrectionForm

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        obj._change_reason = form.cleaned_data["reason"]
        report = obj if isinstance(obj, Report) else getattr(obj, "report", None)
        changed_before = {v.pk for v in record.changed_verdicts(report)} if report and report.pk else set()
        super().save_model(request, obj, form, change)
        if report is not None and report.pk:
            record.tell_reviewers(report, changed_before)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
class SignatureAdmin(CorrectionAdmin):
    list_display = ["name", "title", "organization", "version", "signed_at", "withdrawn_at"]
    list_filter = ["version"]
    readonly_fields = ["consented_at"]


@admin.register(ReportingCycle)
class ReportingCycleAdmin(SecretariatAdmin):
    list_display = ["name", "opens_on", "deadline", "min_commitments"]


@admin.register(Commitment)
class CommitmentAdmin(CorrectionAdmin):
    list_display = ["what", "owner", "cycle", "deadline", "plan"]
    list_filter = ["cycle"]
    autocomplete_fields = ["plan"]


@admin.register(Report)
class ReportAdmin(CorrectionAdmin):
    list_display = ["commitment", "progress", "updated_at"]


@admin.register(Verification)
class VerificationAdmin(CorrectionAdmin):
    """A reviewer's verdict is never overwritten here: it is corrected only by a new verdict. The
    secretariat may correct the partner's answer, with a reason."""

    list_display = ["report", "reviewer", "verdict", "created_at"]
    readonly_fields = ["report", "reviewer", "organization", "verdict", "comment", "created_at",
                       "verified_report", "verified_commitment", "verified_fingerprint"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Reminder)
class ReminderAdmin(SecretariatAdmin):
    list_display = ["key", "recipient", "sent_at"]
    readonly_fields = ["key", "recipient", "subject", "sent_at"]
