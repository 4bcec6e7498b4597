"""The public grants list, as rows: the page, its CSV and the API read these."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from criticalmass.grants.models import Application

GRANT_COLUMNS = ["call", "grantee", "kind", "country", "project", "advances_women", "amount", "currency",
                 "decided_on", "reported"]


def funded() -> QuerySet[Application]:
    return (Application.objects.filter(status=Application.Status.FUNDED)
            .select_related("call", "country", "report").order_by("-decided_at", "pk"))


def grant_row(grant: Application) -> dict[str, Any]:
    return {"id": grant.pk, "call": grant.call.title, "grantee": grant.group_name,
            "kind": grant.get_applicant_kind_display(),
            "country": grant.country.name if grant.country else "",
            "project": grant.project_title, "advances_women": grant.advances_women,
            "amount": grant.amount_awarded, "currency": grant.call.currency,
            "decided_on": grant.decided_at.date() if grant.decided_at else None,
            "reported": hasattr(grant, "report")}
