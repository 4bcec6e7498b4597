from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from criticalmass.trainings.models import Cycle, Dialogue, FollowUp, Item, Programme


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organization", "track", "format", "trains_trainers", "youth"]
    search_fields = ["title", "topic"]


@admin.register(Item)
class ItemAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["text", "kind", "active"]


@admin.register(Cycle)
class CycleAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["programme", "name", "starts_on", "ends_on"]


@admin.register(FollowUp)
class FollowUpAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["trainer", "months", "people_trained", "country", "language"]


@admin.register(Dialogue)
class DialogueAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "date", "format", "organization"]
