"""The secretariat curates plans, duties, deliveries, agencies, actions and the scorecard rubric."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.core.admin import SecretariatAdmin
from criticalmass.watchdog.models import (
    Action,
    Agency,
    AidActivity,
    Criterion,
    Delivery,
    Obligation,
    Plan,
    StatusUpdate,
    WpsIndexScore,
)


class AgencyInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Agency
    extra = 0


@admin.register(Plan)
class PlanAdmin(SecretariatAdmin):
    list_display = ["slug", "country", "kind", "generation", "title", "period_start", "period_end", "status"]
    list_filter = ["kind", "status", "verification"]
    search_fields = ["slug", "title", "country__name"]
    autocomplete_fields = ["country"]
    inlines = [AgencyInline]


class DeliveryInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Delivery
    extra = 1


@admin.register(Obligation)
class ObligationAdmin(SecretariatAdmin):
    list_display = ["title", "country", "first_due", "every_months", "occurrences"]
    search_fields = ["title", "slug"]
    autocomplete_fields = ["country", "plan"]
    inlines = [DeliveryInline]


class ActionInline(admin.StackedInline):  # type: ignore[type-arg]
    model = Action
    extra = 0


@admin.register(Agency)
class AgencyAdmin(SecretariatAdmin):
    list_display = ["name", "plan"]
    search_fields = ["name", "plan__title"]
    autocomplete_fields = ["plan"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(SecretariatAdmin):
    list_display = ["objective", "agency", "deadline", "status", "budget_amount", "budget_currency"]
    list_filter = ["status"]
    search_fields = ["objective"]


@admin.register(StatusUpdate)
class StatusUpdateAdmin(SecretariatAdmin):
    list_display = ["action", "status", "reported_by", "reported_at", "accepted"]
    list_filter = ["accepted", "status"]


@admin.register(Criterion)
class CriterionAdmin(SecretariatAdmin):
    list_display = ["label", "slug", "weight", "order"]


@admin.register(WpsIndexScore)
class WpsIndexScoreAdmin(SecretariatAdmin):
    list_display = ["country", "edition", "rank", "score"]
    readonly_fields = ["source", "source_row"]


@admin.register(AidActivity)
class AidActivityAdmin(SecretariatAdmin):
    """Imported from IATI files; the secretariat links activities to the plan actions they fund."""

    list_display = ["iati_identifier", "title", "reporting_org_name", "gender_marker"]
    list_filter = ["gender_marker"]
    search_fields = ["iati_identifier", "title", "reporting_org_name"]
    filter_horizontal = ["actions"]
    readonly_fields = ["iati_identifier", "reporting_org_ref", "participating_orgs", "sectors", "budgets",
                       "source", "source_row"]
