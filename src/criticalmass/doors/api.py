"""JSON API of the doors (mounted at /api/doors/): public figures only, the same rows as the pages and
CSVs. Nothing sensitive is served here: requests, meetings and reprisal records are on members' pages."""

# No `from __future__ import annotations` here: django-ninja reads the parameter annotations.
import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from criticalmass.api_common import ERRORS
from criticalmass.doors import figures
from criticalmass.parity.models import Process

router = Router()


class LeadershipRow(Schema):
    date: dt.date
    posts: int
    women: int
    men: int
    not_published: int
    share: float | None = Field(..., description="Women's share of the posts held, in %.")
    target: float | None = Field(..., description="The coalition's target that year, in %.")
    status: str
    source: str = Field(..., description="The holders' citations.")


class LeadershipOut(Schema):
    process: str
    slope: float | None = Field(..., description="Trend of the share, points a year.")
    rows: list[LeadershipRow]
    meetings_last_12_months: int | None = Field(..., description="Meetings of its posts' holders with "
                                                                 "women's civil society in the last 12 "
                                                                 "months; null for 1 to 4 (not published).")
    without_us: bool = Field(..., description="True when it has posts and none of them met women's civil "
                                              "society in the last 12 months.")


class ReprisalRow(Schema):
    year: int
    region: str
    reprisals: int | None = Field(..., description="Null when fewer than 5 (suppressed).")


@router.get("/processes/{slug}/leadership", response={200: LeadershipOut, **ERRORS},
            url_name="doors_leadership")
def get_leadership(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Women's share of a mission's or process's leadership posts over time, against the target."""
    process = Process.objects.filter(slug=slug).first()
    if process is None:
        raise Http404(f"There is no mission or process '{slug}'.")
    found = figures.leadership_table(process)
    check = figures.without_us(process)
    keys = LeadershipRow.model_fields
    return {"process": process.slug, "slope": found.slope,
            "rows": [{key: row.get(key) for key in keys} for row in found.table.rows],
            "meetings_last_12_months": check.shown_meetings, "without_us": check.flagged}


@router.get("/reprisals", response={200: list[ReprisalRow], **ERRORS}, url_name="doors_reprisals")
def list_reprisals(request: HttpRequest) -> list[dict[str, Any]]:
    """Reprisals recorded after meetings, counted by year and region; counts below 5 are null."""
    return [{key: row[key] for key in ReprisalRow.model_fields} for row in figures.reprisal_counts().rows]
