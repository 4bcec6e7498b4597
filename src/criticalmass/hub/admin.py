"""The secretariat curates evidence, reviews practices and stories, and edits the "click here" cards."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions
from criticalmass.hub.models import Card, CardLink, Evidence, Practice


@admin.register(Evidence)
class EvidenceAdmin(SecretariatAdmin):
    list_display = ["slug", "kind", "grade", "public", "source_org", "year"]
    list_filter = ["kind", "grade", "public"]
    search_fields = ["slug", "claim", "source_title", "source_org"]
    filter_horizontal = ["qualifies"]


@admin.register(Practice)
class PracticeAdmin(SecretariatAdmin):
    list_display = ["title", "type", "status", "author", "anonymous", "submitted_at"]
    list_filter = ["status", "type"]
    search_fields = ["title", "what"]
    readonly_fields = ["author", "consent", "submitted_at", "reviewed_at", "reviewed_by"]


class CardLinkInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = CardLink
    extra = 1


@admin.register(Card)
class CardAdmin(SecretariatAdmin):
    list_display = ["title", "order"]
    inlines = [CardLinkInline]
