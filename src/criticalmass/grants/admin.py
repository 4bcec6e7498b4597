"""The secretariat opens calls and edits their rubric here; decisions are made on the application page."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions
from criticalmass.grants.models import Call, RubricItem


class RubricInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = RubricItem
    extra = 3


@admin.register(Call)
class CallAdmin(SecretariatAdmin):
    list_display = ["title", "currency", "budget", "max_per_grant", "opens_on", "deadline", "report_deadline"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RubricInline]
