"""The trainings in the admin: the secretariat's, audited like every secretariat admin (core.admin),
with each record's history. Follow-ups and dialogues feed public figures: corrected, never deleted."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from criticalmass.core.admin import SecretariatAdmin
from criticalmass.trainings.models import Cycle, Dialogue, FollowUp, Item, Programme


class TrainingsAdmin(SimpleHistoryAdmin, SecretariatAdmin):  # type: ignore[misc]
    pass


class KeptAdmin(TrainingsAdmin):
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Programme)
class ProgrammeAdmin(TrainingsAdmin):
    list_display = ["title", "organization", "track", "format", "trains_trainers", "youth"]
    search_fields = ["title", "topic"]


@admin.register(Item)
class ItemAdmin(TrainingsAdmin):
    list_display = ["text", "kind", "active"]


@admin.register(Cycle)
class CycleAdmin(TrainingsAdmin):
    list_display = ["programme", "name", "starts_on", "ends_on"]


@admin.register(FollowUp)
class FollowUpAdmin(KeptAdmin):
    list_display = ["trainer", "months", "people_trained", "country", "language"]


@admin.register(Dialogue)
class DialogueAdmin(KeptAdmin):
    list_display = ["title", "date", "format", "organization"]
