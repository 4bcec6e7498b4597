"""Reading PADD_Agreement_Level.csv (Peace Agreement Delegate Dataset 1.0). Plain Python.

One row per comprehensive peace agreement. For each delegate role X the file gives X_N (delegates
coded in that role) and FemX_N (of them, women); Del_N and FemDel_N for all delegates; NADel_N the
delegates whose gender is unknown. "NA" or an empty cell means not coded, which is not zero.
Of the file's 111 columns only these are read; the others may be present and are ignored.

A count that cannot be (more women than delegates in a role, more delegates in a role than in all)
refuses the file, naming line and column. Nothing is left out silently: an agreement with no count
coded, a women's count whose role total is not coded, and a Del_N not coded beside coded roles are
each a note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from criticalmass.lib.csvread import Row, read_rows
from criticalmass.lib.notes import INFO, Note, agreement_subject

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
    warnings: list[Note] = field(default_factory=list)


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
            reading.warnings.append(Note(row.line, f"AgtId {agreement.agreement_id} is also on line {first}; "
                                                   f"line {first} is kept, this line is left out",
                                         "duplicate-row", agreement_subject(agreement.agreement_id)))
            continue
        first_line[agreement.agreement_id] = row.line
        refuse_impossible(row, agreement)
        reading.warnings.extend(notes(agreement))
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


def refuse_impossible(row: Row, agreement: Agreement) -> None:
    """A share above 100% cannot be the source's meaning: the whole file is refused."""
    every = agreement.counts[ALL]
    for prefix, (total, women) in agreement.counts.items():
        if total is not None and women is not None and women > total:
            raise row.error(f"Fem{prefix}_N", f"{women} women out of {total} ({prefix}_N): more women than "
                                              "delegates cannot be; nothing was imported")
        for position, name in ((0, f"{prefix}_N"), (1, f"Fem{prefix}_N")):
            part, whole = agreement.counts[prefix][position], every[position]
            if prefix != ALL and part is not None and whole is not None and part > whole:
                column = f"{'Fem' if position else ''}{ALL}_N"
                raise row.error(name, f"{part} is more than {column} ({whole}): a role cannot count more "
                                      "than all delegates; nothing was imported")


def notes(agreement: Agreement) -> Iterator[Note]:
    subject = agreement_subject(agreement.agreement_id)
    for kind, message, severity in [*uncoded(agreement), *(("sum-mismatch", m, "warning")
                                                           for m in inconsistencies(agreement))]:
        yield Note(agreement.line, message, kind, subject, severity)


def conflict_tag(conflict: str) -> str:
    """How a not-coded note names its conflict (Con), so each conflict's page counts its own."""
    return f" (conflict: {conflict})"


def uncoded(agreement: Agreement) -> Iterator[tuple[str, str, str]]:
    """What the file lists but does not code: said, never dropped without a word."""
    label = f"AgtId {agreement.agreement_id}"
    if all(total is None and women is None for total, women in agreement.counts.values()):
        yield ("not-coded", f"{label} is listed but not coded (every delegate count is NA); counted as "
                            f"not coded, no figure is stored for it{conflict_tag(agreement.conflict)}", INFO)
        return
    for prefix, (total, women) in agreement.counts.items():
        if total is None and women is not None:
            yield ("dropped-cell", f"{label}: Fem{prefix}_N is {women} but {prefix}_N is not coded; with no "
                                   f"total there is no share, so no {prefix} figure is stored", "warning")
    roles = [total for prefix in ROLE_PREFIXES if (total := agreement.counts[prefix][0]) is not None]
    if agreement.counts[ALL][0] is None and roles:
        yield ("total-not-coded", f"{label}: Del_N is not coded though {len(roles)} roles are (adding up to "
                                  f"{sum(roles)}); no all-delegates figure is stored", "warning")


def inconsistencies(agreement: Agreement) -> Iterator[str]:
    label = f"AgtId {agreement.agreement_id}"
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
