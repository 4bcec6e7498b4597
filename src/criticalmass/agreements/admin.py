"""The secretariat edits the pillars and which gender code counts for which pillar; agreements and
provisions come from imports and are read here, never edited (a correction belongs in the source)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from criticalmass.agreements.models import (
    Agreement,
    GenderCode,
    Mandate,
    Pillar,
    Provision,
    RubricItem,
    ScoreEntry,
)
from criticalmass.core.admin import SecretariatAdmin


class ReadOnlyAdmin(SecretariatAdmin):
    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class GenderCodeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = GenderCode
    fields = ["code", "label"]
    readonly_fields = ["code", "label"]
    extra = 0
    can_delete = False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Pillar)
class PillarAdmin(SecretariatAdmin):
    list_display = ["name", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [GenderCodeInline]


@admin.register(GenderCode)
class GenderCodeAdmin(SecretariatAdmin):
    list_display = ["code", "label", "pillar"]
    list_editable = ["pillar"]
    list_filter = ["pillar"]
    search_fields = ["code", "label"]


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyAdmin):
    list_display = ["pax_id", "name", "date", "process", "region", "stage", "gender_provisions"]
    list_filter = ["gender_provisions", "region", "stage"]
    search_fields = ["pax_id", "name", "conflict", "process__name"]
    date_hierarchy = "date"
    list_select_related = ["process"]


@admin.register(Provision)
class ProvisionAdmin(ReadOnlyAdmin):
    list_display = ["agreement", "code", "source", "source_row"]
    list_filter = ["code__pillar", "code"]
    list_select_related = ["agreement", "code", "source"]


@admin.register(RubricItem)
class RubricItemAdmin(SecretariatAdmin):
    list_display = ["name", "category", "weight", "order"]
    list_editable = ["weight", "order"]
    list_filter = ["category"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Mandate)
class MandateAdmin(SecretariatAdmin):
    list_display = ["process", "resolution", "adopted", "expires"]
    list_filter = ["process"]
    search_fields = ["resolution", "process__name", "process__code"]
    date_hierarchy = "expires"
    list_select_related = ["process"]


@admin.register(ScoreEntry)
class ScoreEntryAdmin(SecretariatAdmin):
    list_display = ["mandate", "agreement", "item", "rating", "reference", "updated_by", "updated_at"]
    list_filter = ["item", "rating"]
    readonly_fields = ["updated_by", "updated_at"]
    raw_id_fields = ["agreement"]
    list_select_related = ["mandate__process", "agreement", "item", "updated_by"]
