"""The secretariat curates evidence, reviews practices and stories, and edits the "click here" cards."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from criticalmass.core.admin import SecretariatAdmin, SecretariatPermissions
from criticalmass.hub import consent
from criticalmass.hub.models import Card, CardLink, ConsentRequest, Evidence, Practice

MASK = "•••••• (hidden: select the story and run “Show contacts”; the view is audited)"


@admin.register(Evidence)
class EvidenceAdmin(SecretariatAdmin):
    list_display = ["slug", "kind", "grade", "public", "source_org", "year"]
    list_filter = ["kind", "grade", "public"]
    search_fields = ["slug", "claim", "source_title", "source_org"]
    filter_horizontal = ["qualifies"]


@admin.register(Practice)
class PracticeAdmin(SecretariatAdmin):
    """Contacts are masked; a change of `anonymous` or `show_contacts` becomes a request to the author
    (hub.consent), and the story keeps its flags until she confirms."""

    list_display = ["title", "type", "status", "author", "anonymous", "submitted_at"]
    list_filter = ["status", "type"]
    search_fields = ["title", "what"]
    exclude = ["contacts"]
    readonly_fields = ["author", "masked_contacts", "consent", "submitted_at", "reviewed_at", "reviewed_by"]
    actions = ["show_contacts"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False  # a story is its author's: she submits it (hub:practice_new), with her consent

    @admin.display(description="Contacts")
    def masked_contacts(self, obj: Practice) -> str:
        return MASK if obj.contacts else "—"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change and obj.pk:
            stored = Practice.objects.get(pk=obj.pk)
            for field in consent.FLAGS:
                asked = getattr(obj, field)
                if asked != getattr(stored, field):
                    setattr(obj, field, getattr(stored, field))
                    consent.ask(stored, field, asked, request.user)  # type: ignore[arg-type]
                    messages.info(request, f"“{stored.title}”: the author is asked to confirm the change "
                                  f"of “{field}”; nothing changes until she does.")
        super().save_model(request, obj, form, change)

    @admin.action(description="Show contacts (each view is audited and shown to the author)")
    def show_contacts(self, request: HttpRequest, queryset: QuerySet[Practice]) -> HttpResponse:
        stories = list(queryset.select_related("author"))
        for story in stories:
            if story.contacts:
                consent.contacts_seen(story, request.user, "admin")  # type: ignore[arg-type]
        context = {**self.admin_site.each_context(request), "stories": stories,
                   "title": "Contacts", "opts": self.model._meta}
        return TemplateResponse(request, "admin/hub/contacts.html", context)


@admin.register(ConsentRequest)
class ConsentRequestAdmin(SecretariatAdmin):
    """Read only: requests are made by changing a story, answered by its author."""

    list_display = ["practice", "field", "value", "answer", "requested_by", "requested_at", "answered_at"]
    list_filter = ["answer", "field"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False


class CardLinkInline(SecretariatPermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = CardLink
    extra = 1


@admin.register(Card)
class CardAdmin(SecretariatAdmin):
    list_display = ["title", "order"]
    inlines = [CardLinkInline]
