"""The secretariat edits the checklist; documents are read here, moved through their pages."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.core.admin import SecretariatAdmin
from criticalmass.reviews.models import ChecklistItem, Document


@admin.register(ChecklistItem)
class ChecklistItemAdmin(SecretariatAdmin):
    list_display = ["name", "order", "active"]
    list_editable = ["order", "active"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Document)
class DocumentAdmin(SecretariatAdmin):
    list_display = ["title", "kind", "status", "reviewer", "submitted_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title"]
    readonly_fields = ["status", "reviewer", "submitted_by", "submitted_at", "comments"]
