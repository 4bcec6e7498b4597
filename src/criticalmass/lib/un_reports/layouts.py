"""Which layout a report is in, from the words at the top of its first page, and who reads it.

| layout name            | months                        | recognised by                                  |
|------------------------|-------------------------------|------------------------------------------------|
| summary-2015           | 2015-01..2017-04 (not 2016-11)| "UN Mission's Summary detailed by Country"     |
| mission-detail-2016    | 2016-11                       | "... by Country and Mission Detail"            |
| mission-post-2017      | 2017-05..2018-02              | "... by Country, Mission and Post"             |
| country-post-2018      | 2018-03..2019-08              | "... by Country and Post." (no missions)       |
| flat                   | 2019-09, 2024-10              | a column header ending in "report_date"        |
| wide-2019              | 2019-10                       | "UNMEM M UNMEM F Troops M ..." columns         |
| by-mission-2019        | 2019-11..2020-12 (2021-01 absent) | "Summary of Contribution ... by Mission"   |
| by-mission-2021        | 2021-02..2025-06              | "by Mission, Country, and Personnel Type"      |
"""

from __future__ import annotations

from criticalmass.lib.un_reports import by_country, flat
from criticalmass.lib.un_reports.check import Parsed
from criticalmass.lib.un_reports.pdftext import Line
from criticalmass.lib.un_reports.types import ReportError

NO_GENDER = ("this report has no gender split (no male and female columns): it cannot give women's share")


def recognise(pages: list[list[Line]]) -> str:
    first = pages[0]
    top = " ".join(line.text for line in first[:8])
    head = first[0].text.lower()
    if "UN Mission's Summary" in top:
        return "summary-2015"
    if "by Country and Mission Detail" in top:
        return "mission-detail-2016"
    if "by Country, Mission and Post" in top:
        return "mission-post-2017"
    if "by Country and Post." in top:
        return "country-post-2018"
    if head.startswith("mission country") and "report" in head and "date" in head:
        return "flat"
    if "UNMEM M" in top:
        return "wide-2019"
    if "Summary of Contribution to UN Peacekeeping by Mission" in top:
        return "by-mission-2019"
    if "by Mission, Country, and Personnel Type" in " ".join(line.text for line in first):
        return "by-mission-2021"
    if "by Country and Personnel Type" in top and "Male" not in " ".join(line.text for line in first):
        raise ReportError(NO_GENDER, first[0].where)
    raise ReportError(f"a layout this reader does not know (it begins {first[0].text!r})", first[0].where)


def read(pages: list[list[Line]], layout: str) -> Parsed:
    if layout == "flat":
        return flat.read_flat(pages)
    if layout == "wide-2019":
        return flat.read_wide(pages)
    return by_country.read(pages, layout)
