"""The secretariat records events, panels, speakers and the roster of experts here."""

from __future__ import annotations

from django.contrib import admin

from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions
from criticalmass.events.models import BreachAnswer, Event, Expert, Panel, PanelPledge, PanelPolicy, Speaker


class SpeakerInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = Speaker
    extra = 3


@admin.register(Event)
class EventAdmin(SecretariatAdmin):
    list_display = ["name", "date", "place"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Panel)
class PanelAdmin(SecretariatAdmin):
    list_display = ["title", "event", "language"]
    inlines = [SpeakerInline]


@admin.register(Expert)
class ExpertAdmin(SecretariatAdmin):
    list_display = ["name", "expertise", "languages", "opted_in"]
    list_filter = ["opted_in"]


@admin.register(PanelPledge)
class PanelPledgeAdmin(SecretariatAdmin):
    list_display = ["user", "taken_at"]


@admin.register(PanelPolicy)
class PanelPolicyAdmin(SecretariatAdmin):
    """The tokenism rule: one row (the first is the one applied)."""

    list_display = ["__str__", "threshold", "single_woman_is_token", "updated_at"]


@admin.register(BreachAnswer)
class BreachAnswerAdmin(SecretariatAdmin):
    list_display = ["partner", "panel", "answered_at"]
    readonly_fields = ["partner", "panel", "text", "answered_at"]
