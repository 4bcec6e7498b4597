"""The secretariat curates processes and target policies here; observations are read, not edited.

Observations come from imports (all-or-nothing, one row per source line), so the admin shows them
read-only: a correction belongs in the source file and a re-import, where it is cited and audited.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions
from criticalmass.parity.models import DataAgePolicy, Observation, Process, TargetAnchor, TargetPolicy


@admin.register(Process)
class ProcessAdmin(SecretariatAdmin):
    list_display = ["name", "code", "kind", "sponsor", "host_country", "start_date", "end_date"]
    list_filter = ["kind", "sponsor"]
    search_fields = ["name", "code", "slug", "host_country__name", "host_country__iso3"]
    prepopulated_fields = {"slug": ["code"]}
    list_select_related = ["host_country"]


@admin.register(Observation)
class ObservationAdmin(SecretariatAdmin):
    list_display = ["process", "date", "role", "contributing_country", "document", "women", "men", "unknown",
                    "total", "source", "source_row"]
    list_filter = ["process__kind", "role", "source", "process"]
    search_fields = ["process__code", "process__name", "document", "contributing_country__iso3",
                     "contributing_country__name"]
    date_hierarchy = "date"
    list_select_related = ["process", "contributing_country", "source"]
    list_per_page = 50
    show_full_result_count = False  # counting 100k+ filtered rows on every page is slow

    def get_readonly_fields(self, request: HttpRequest, obj: Observation | None = None) -> list[str]:
        return [field.name for field in Observation._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # observations leave with their process or a corrected re-import, never one by one


class TargetAnchorInline(SecretariatPermissions, admin.TabularInline[TargetAnchor, TargetPolicy]):
    model = TargetAnchor
    extra = 1
    fields = ["role", "year", "value", "citation"]


@admin.register(TargetPolicy)
class TargetPolicyAdmin(SecretariatAdmin):
    list_display = ["name", "slug", "kind", "floor", "start_year", "step", "cap", "close_within",
                    "is_default"]
    list_filter = ["kind", "is_default"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TargetAnchorInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "is_default", "description", "citation"]}),
        ("Escalating policies", {"fields": ["floor", "start_year", "step", "cap"],
                                 "description": "An anchored policy reads its values from the anchors below; "
                                 "its cap still bounds them."}),
        ("Status", {"fields": ["close_within"]}),
    ]

    def save_model(self, request: HttpRequest, obj: TargetPolicy, form: Any, change: bool) -> None:
        """One policy is the default: making this one the default makes the others not."""
        super().save_model(request, obj, form, change)
        if obj.is_default:
            others: QuerySet[TargetPolicy] = TargetPolicy.objects.exclude(pk=obj.pk).filter(is_default=True)
            others.update(is_default=False)


@admin.register(DataAgePolicy)
class DataAgePolicyAdmin(SecretariatAdmin):
    """One row: edited, never added a second time nor deleted (the pages would fall back to the defaults)."""

    list_display = ["__str__", "stale_after_months", "report_window_months"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not DataAgePolicy.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
