"""What the hub holds about a member, for her download, and what goes when she asks to be erased: her
unpublished submissions are deleted; her published stories, to which she consented, stay, shown as
"an advocate", without who, where or contacts. Saving them puts them in the search index anew (signals),
so nothing erased is still found; core.erasure then scrubs their history."""

from __future__ import annotations

from typing import Any

from criticalmass.core.models import User
from criticalmass.hub.models import Practice, Status


def member_data(sender: Any, user: User, **kwargs: Any) -> dict[str, Any]:
    return {"practices_and_stories": [
        {"title": p.title, "type": p.type, "status": p.status, "what": p.what, "where": p.where,
         "who": p.who, "results": p.results, "contacts": p.contacts, "anonymous": p.anonymous,
         "show_contacts": p.show_contacts, "submitted_at": p.submitted_at}
        for p in Practice.objects.filter(author=user)]}


def forget_member(sender: Any, user: User, **kwargs: Any) -> None:
    mine = Practice.objects.filter(author=user)
    for practice in mine.exclude(status=Status.PUBLISHED, consent=True):
        practice.delete()  # one by one: the search index and the history see each
    for practice in mine.filter(status=Status.PUBLISHED, consent=True):
        practice.anonymous, practice.show_contacts = True, False
        practice.who = practice.where = practice.contacts = ""
        practice.save()
