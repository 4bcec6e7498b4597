"""What the awards hold about a member, for their download: nominations they made and received."""

from __future__ import annotations

from typing import Any

from criticalmass.awards.models import Nomination
from criticalmass.core.models import User


def member_data(sender: Any, user: User, **kwargs: Any) -> dict[str, Any]:
    def row(n: Nomination) -> dict[str, Any]:
        return {"round": n.round.name, "category": n.category.name, "nominee": n.nominee.public_name,
                "reason": n.reason, "created_at": n.created_at}

    related = Nomination.objects.select_related("round", "category", "nominee")
    return {"nominations_made": [row(n) for n in related.filter(nominated_by=user)],
            "nominations_received": [row(n) for n in related.filter(nominee=user)]}
