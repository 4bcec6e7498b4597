"""The secretariat curates countries, organizations and sources here; accounts stay with superusers."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.http import HttpRequest

from criticalmass.core.admin_audit import AuditedAdminMixin
from criticalmass.core.models import AuditEvent, Country, Membership, Organization, RoleGrant, Source, User


def is_secretariat(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_authenticated and user.is_staff and user.is_secretariat)


class SecretariatPermissions:
    """Curated by the secretariat role (and superusers), without granting model permissions one by one."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request) or super().has_module_permission(request)  # type: ignore[misc]

    def has_view_permission(self, request: HttpRequest, *args: Any) -> bool:
        return is_secretariat(request) or super().has_view_permission(request, *args)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return is_secretariat(request) or super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, *args: Any) -> bool:
        return is_secretariat(request) or super().has_change_permission(request, *args)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, *args: Any) -> bool:
        return is_secretariat(request) or super().has_delete_permission(request, *args)  # type: ignore[misc]


class SecretariatAdmin(AuditedAdminMixin, SecretariatPermissions, admin.ModelAdmin[Any]):
    # A web address typed without a scheme is read as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class RoleGrantInline(admin.TabularInline[RoleGrant, User]):
    model = RoleGrant
    fk_name = "user"
    fields = ["role"]
    extra = 0


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    fields = ["organization", "position"]
    extra = 0


@admin.register(User)
class UserAdmin(AuditedAdminMixin, BaseUserAdmin[User]):
    list_display = ["username", "display_name", "email", "is_active"]
    list_filter = ["role_grants__role", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Critical Mass", {"fields": ["display_name", "slug"]})]  # type: ignore[misc]
    inlines = [RoleGrantInline, MembershipInline]


@admin.register(Country)
class CountryAdmin(SecretariatAdmin):
    list_display = ["iso3", "name", "region"]
    search_fields = ["iso3", "name"]


@admin.register(Organization)
class OrganizationAdmin(SecretariatAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Source)
class SourceAdmin(SecretariatAdmin):
    list_display = ["dataset", "label", "file", "version", "coverage", "is_default", "imported_at"]
    list_editable = ["is_default"]
    readonly_fields = ["sha256", "imported_at", "coverage"]


@admin.register(AuditEvent)
class AuditEventAdmin(SecretariatAdmin):
    """The secretariat reads the audit trail; nobody writes or erases it here."""

    list_display = ["at", "user", "action", "target"]
    list_filter = ["action"]
    readonly_fields = ["at", "user", "action", "target", "detail"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
