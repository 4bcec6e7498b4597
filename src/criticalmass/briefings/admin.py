"""The secretariat edits audiences, their argument-type weights and the objections to expect."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.briefings.models import ArgumentWeight, Audience, Objection
from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions


class ArgumentWeightInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = ArgumentWeight
    extra = 0


@admin.register(Audience)
class AudienceAdmin(SecretariatAdmin):
    list_display = ["name", "slug", "evidence_tags", "order"]
    inlines = [ArgumentWeightInline]


@admin.register(Objection)
class ObjectionAdmin(SecretariatAdmin):
    list_display = ["objection", "order"]
    filter_horizontal = ["audiences", "evidence"]
