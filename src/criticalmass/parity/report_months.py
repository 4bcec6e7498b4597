"""Which source counts a month of UN peacekeeping: the UN's own monthly report wins over IPI's copy.

The UN monthly reports (importer `un-contributions`) are imported one Source per report month, slug
"un-dpo-contributions-YYYY-MM". IPI's Peacekeeping Database (importer `peacekeeping-gender`, slug
"ipi-peacekeeping-gender" and its versions "ipi-peacekeeping-gender@...") compiles the same UN
reports up to February 2014. Where both have a month, figures count the UN's report for it and
leave IPI's observations of that month out (`parity.queries.counted`); a month only IPI has is
IPI's. So no month is ever counted twice, and an import of an overlapping month is not a clash.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django.db.models import Q

UN_REPORT_PREFIX = "un-dpo-contributions-"
IPI_PREFIX = "ipi-peacekeeping-gender"
# Pages and briefings of the peace operations' series show the notes with this subject (a change of
# categories, a month whose gender split the UN's report got wrong).
SERIES_SUBJECT = "series:peace-operations"
_SLUG_MONTH = re.compile(re.escape(UN_REPORT_PREFIX) + r"(\d{4})-(\d{2})$")


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month: the date observations of a monthly report carry."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def report_slug(month: dt.date) -> str:
    return f"{UN_REPORT_PREFIX}{month:%Y-%m}"


def report_month(slug: str) -> dt.date | None:
    """The month (its last day) a UN report source counts; None for any other source."""
    found = _SLUG_MONTH.match(slug)
    return month_end(int(found[1]), int(found[2])) if found else None


def overlap_resolved(slug: str) -> Q:
    """The other sources whose observations may share keys with `slug`'s: the rule above decides
    which one counts, so an import never refuses them as a clash (importers.base.refuse_clashes)."""
    if slug.startswith(UN_REPORT_PREFIX):
        return Q(source__slug__startswith=IPI_PREFIX)
    if slug.startswith(IPI_PREFIX):
        return Q(source__slug__startswith=UN_REPORT_PREFIX)
    return Q(pk__in=[])
