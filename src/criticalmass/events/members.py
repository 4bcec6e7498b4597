"""What the events hold about a member, for their download, and what goes when they delete it (the
panel pledge; a speaker's seat stays, as part of the event's public record, unlinked from the account)."""

from __future__ import annotations

from typing import Any

from criticalmass.core.models import User
from criticalmass.events.models import PanelPledge, Speaker


def member_data(sender: Any, user: User, **kwargs: Any) -> dict[str, Any]:
    pledge = PanelPledge.objects.filter(user=user).first()
    return {"panel_pledge": {"taken_at": pledge.taken_at} if pledge else None,
            "panel_seats": [{"event": s.panel.event.name, "panel": s.panel.title}
                            for s in Speaker.objects.filter(partner=user).select_related("panel__event")]}


def forget_member(sender: Any, user: User, **kwargs: Any) -> None:
    PanelPledge.objects.filter(user=user).delete()
    Speaker.objects.filter(partner=user).update(partner=None)
