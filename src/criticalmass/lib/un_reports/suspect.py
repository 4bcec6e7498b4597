"""Rows whose gender split the UN very likely got wrong; kept as printed, flagged with a note.

Rule: a row of troops or staff officers printed with male 0 and at least SUSPECT_WOMEN women. Units
of a hundred or more soldiers are never all women (the largest all-women units deployed have been a
few hundred police, counted as formed police, which this rule leaves alone); every such row seen in
2015-2025 is one of the UN's known errors (2020-08; 718 Moroccan troops in UNOCI in 2016-01/04/05).
"""

from __future__ import annotations

from criticalmass.lib.un_reports.types import ReportNote, ReportRow

SUSPECT_WOMEN = 100


def gender_split_notes(rows: list[ReportRow]) -> list[ReportNote]:
    suspects = [row for row in rows if row.personnel in ("troops", "staff_officers")
                and row.male == 0 and row.female >= SUSPECT_WOMEN]
    if not suspects:
        return []
    listed = ", ".join(f"{row.mission or 'all missions'} {row.country_as_printed} {row.personnel} "
                       f"{row.female}" for row in suspects[:10])
    more = f" and {len(suspects) - 10} more" if len(suspects) > 10 else ""
    women = sum(row.female for row in suspects)
    return [ReportNote("gender-split-suspect",
                       f"{len(suspects)} rows of troops or staff officers ({women} people) are printed as "
                       f"all women with 0 men, kept as printed: {listed}{more}", suspects[0].where)]
