"""What the micro-grants hold about a member, for their download. When a member deletes their data,
their applications stay: a grant is a public record of the coalition's money (shown by the group's
name, never the member's), and receipts are kept for the accounts."""

from __future__ import annotations

from typing import Any

from criticalmass.core.models import User
from criticalmass.grants.models import Application


def member_data(sender: Any, user: User, **kwargs: Any) -> dict[str, Any]:
    applications = Application.objects.filter(applicant=user).select_related("call")
    return {"grant_applications": [
        {"call": a.call.title, "project": a.project_title, "group": a.group_name, "status": a.status,
         "amount_awarded": str(a.amount_awarded) if a.amount_awarded is not None else None,
         "currency": a.call.currency, "submitted_at": a.submitted_at} for a in applications]}
