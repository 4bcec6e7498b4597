"""Reading PADD_Agreement_Level.csv (Peace Agreement Delegate Dataset 1.0). Plain Python.

One row per comprehensive peace agreement. For each delegate role X the file gives X_N (delegates
coded in that role) and FemX_N (of them, women); Del_N and FemDel_N for all delegates; NADel_N the
delegates whose gender is unknown. "NA" or an empty cell means not coded, which is not zero.
Of the file's 111 columns only these are read; the others may be present and are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.lib.csvread import Row, read_rows

# Delegates by role (signatories, observers, negotiators, mediators, logistics, advisers, women's
# committee, role unknown), and all delegates.
ROLE_PREFIXES = ["Sig", "Ob", "Neg", "Med", "Log", "Adv", "WomCom", "Unkn"]
ALL = "Del"
REQUIRED = ["Con", "AgtId", "Dat", "Stage", "NADel_N"] + [
    column for prefix in [*ROLE_PREFIXES, ALL] for column in (f"{prefix}_N", f"Fem{prefix}_N")
]

# A role's counts: (delegates, of whom women); None where not coded.
Counts = tuple[int | None, int | None]


@dataclass(slots=True)
class Agreement:
    line: int
    conflict: str
    agreement_id: int
    date: dt.date
    unknown_gender: int | None  # NADel_N
    counts: dict[str, Counts]  # by prefix: the roles, then ALL


@dataclass
class Reading:
    agreements: list[Agreement] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    """Every agreement, checked; a repeated AgtId is left out with a warning naming both lines."""
    reading = Reading()
    first_line: dict[int, int] = {}
    for row in read_rows(path, REQUIRED, allow_extra=True):
        reading.rows_read += 1
        if progress:
            progress(1)
        agreement = parse(row)
        if agreement.agreement_id in first_line:
            first = first_line[agreement.agreement_id]
            reading.warnings.append((row.line, f"AgtId {agreement.agreement_id} is also on line {first}; "
                                               f"line {first} is kept, this line is left out"))
            continue
        first_line[agreement.agreement_id] = row.line
        reading.warnings.extend((row.line, message) for message in inconsistencies(agreement))
        reading.agreements.append(agreement)
    return reading


def parse(row: Row) -> Agreement:
    return Agreement(
        line=row.line, conflict=row.text("Con"), agreement_id=row.count("AgtId"), date=row.date("Dat"),
        unknown_gender=row.optional_count("NADel_N"),
        counts={prefix: role_counts(row, prefix) for prefix in [*ROLE_PREFIXES, ALL]},
    )


def role_counts(row: Row, prefix: str) -> Counts:
    return row.optional_count(f"{prefix}_N"), row.optional_count(f"Fem{prefix}_N")


def inconsistencies(agreement: Agreement) -> Iterator[str]:
    label = f"AgtId {agreement.agreement_id}"
    for prefix, (total, women) in agreement.counts.items():
        if total is not None and women is not None and women > total:
            yield (f"{label}: Fem{prefix}_N is {women}, more than {prefix}_N ({total}); "
                   "numbers kept as given, men left unknown")
    sums = [
        ("delegates by role (Sig_N ... Unkn_N)", "Del_N"),
        ("women by role (FemSig_N ... FemUnkn_N)", "FemDel_N"),
    ]
    for position, (what, column) in enumerate(sums):
        coded = [n for prefix in ROLE_PREFIXES if (n := agreement.counts[prefix][position]) is not None]
        overall = agreement.counts[ALL][position]
        if overall is not None and len(coded) == len(ROLE_PREFIXES) and sum(coded) != overall:
            yield (f"{label}: the {what} add up to {sum(coded)}, but {column} is {overall}; "
                   "numbers kept as given")
