"""What the IATI versions this importer reads call things, and the 2.x codes they map to.

IATI 1.0x (1.01 to 1.05) wrote codes as words or letters where 2.x uses numbers: transaction types
C, D, E... (2.x 2, 3, 4...), activity dates "start-planned"... (2.x 1 to 4), budget types
"Original" and "Revised" (2.x 1 and 2), the policy-marker vocabulary "DAC" (2.x "1"). Everything is
stored with the 2.x code; a 1.0x activity that already gives the 2.x number is read as it stands.
"""

from __future__ import annotations

VERSIONS_1 = ("1.01", "1.02", "1.03", "1.04", "1.05")
VERSIONS_2 = ("2.01", "2.02", "2.03")
READ_VERSIONS = VERSIONS_1 + VERSIONS_2

# IATI 1.0x TransactionType codelist -> 2.x TransactionType
TRANSACTION_TYPES_1 = {"IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8",
                       "QS": "9", "CG": "10"}
TRANSACTION_TYPES_2 = {str(n) for n in range(1, 14)}
# IATI 1.0x ActivityDateType -> 2.x: 1 planned start, 2 actual start, 3 planned end, 4 actual end
ACTIVITY_DATES_1 = {"start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4"}
ACTIVITY_DATES_2 = {"1", "2", "3", "4"}
BUDGET_TYPES_1 = {"original": "1", "revised": "2"}
# The OECD DAC CRS policy-marker vocabulary: "DAC" in 1.0x, "1" in 2.x; absent means it in both.
DAC_VOCABULARIES = {"1", "DAC"}
GENDER_EQUALITY = "1"  # PolicyMarker code 1: gender equality
# PolicySignificance: 0 not targeted, 1 significant objective, 2 principal objective; 3 (principal
# objective and in support of an action programme) is for the desertification marker only, 4 (explicit
# primary objective) for the RMNCH marker only.
SIGNIFICANCE = {"0", "1", "2", "3", "4"}
DAC_SIGNIFICANCE = {"0", "1", "2"}


def is_version_1(version: str) -> bool:
    return version in VERSIONS_1


def transaction_type(raw: str) -> str | None:
    """The 2.x code of a transaction type given in either version's codes; None if neither."""
    code = raw.strip()
    if code in TRANSACTION_TYPES_2:
        return code
    return TRANSACTION_TYPES_1.get(code.upper())


def activity_date_type(raw: str) -> str | None:
    code = raw.strip()
    return code if code in ACTIVITY_DATES_2 else ACTIVITY_DATES_1.get(code.lower())


def budget_type(raw: str) -> str:
    """The 2.x budget type (1 original, 2 revised); another value as published."""
    return BUDGET_TYPES_1.get(raw.strip().lower(), raw.strip())
