"""The secretariat sets up a round here: categories, weighted criteria, jurors. Decisions are made on
the round's decide page."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.awards.models import Category, Criterion, Juror, Round
from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions


class CategoryInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = Category
    extra = 2


class CriterionInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = Criterion
    extra = 3


class JurorInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = Juror
    extra = 3


@admin.register(Round)
class RoundAdmin(SecretariatAdmin):
    list_display = ["name", "nominations_open", "nominations_close", "published_at"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["published_at"]
    inlines = [CategoryInline, CriterionInline, JurorInline]
