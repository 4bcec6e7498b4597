from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from criticalmass.core.models import AuditEvent, Country, Organization, Source, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "display_name", "email", "role", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Critical Mass", {"fields": ["role", "display_name"]})]  # type: ignore[misc]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["iso3", "name", "region"]
    search_fields = ["iso3", "name"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["dataset", "file", "version", "publisher", "imported_at"]
    readonly_fields = ["sha256", "imported_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "target"]
    list_filter = ["action"]
    readonly_fields = ["at", "user", "action", "target", "detail"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
