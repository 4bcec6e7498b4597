"""The peace negotiations' figures (PADD): agreements reaching the policy's floor, and delegates by role.

Each function is the one route of its figure: the page, its CSV, the API and briefings use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_noop

from criticalmass.core.models import DataNote
from criticalmass.figures.citations import RowSpan
from criticalmass.figures.tables import Column, Row, Table, share_of, with_sources
from criticalmass.lib import targets
from criticalmass.parity import queries
from criticalmass.parity.figures import label
from criticalmass.parity.models import DELEGATE_ROLES, Category, Process, TargetPolicy


def conflict_link(row: Row) -> str:
    return reverse("parity:negotiation", args=[row["conflict_slug"]])


AGREEMENT_ROLES = [Category.ALL_DELEGATES, *DELEGATE_ROLES]


def floor_text(policy: TargetPolicy) -> str:
    return f"{float(policy.floor):g}%"


def overview_table(policy: TargetPolicy, process: Process | None = None) -> Table:
    """Per role: how many agreements reached the policy's floor, of those with data for the role."""
    counts = queries.floor_overview(policy.floor, process)
    floor = floor_text(policy)
    rows, spans = [], []
    for role in AGREEMENT_ROLES:
        if role not in counts:
            continue
        with_data, reached, role_spans = counts[role]
        spans += role_spans
        rows.append({"role": label(role), "role_key": role, "with_data": with_data, "reached": reached,
                     "share": share_of(reached, with_data),
                     "_spans": role_spans})
    columns = [
        Column("role", gettext_noop("Role"), row_header=True),
        Column("with_data", gettext_noop("Agreements with data"), "int"),
        Column("reached", f"Agreements with at least {floor} women", "int"),
        Column("share", gettext_noop("Share of agreements"), "pct", none="—"),
    ]
    caption = f"How many agreements reached {floor} women in each role ({policy.name}'s floor)"
    return with_sources(Table("overview", caption, columns, rows, spans=spans))


def agreements_table(policy: TargetPolicy, process: Process | None = None) -> Table:
    """Every role of every agreement: delegates, women, men (or unknown), share against the floor."""
    order = {role: i for i, role in enumerate(AGREEMENT_ROLES)}
    found = sorted(queries.agreement_rows(process),
                   key=lambda r: (r["date"], r["document"], r["process__name"], order.get(r["role"], 99)))
    rows, spans = [], []
    for r in found:
        span = RowSpan.one(r["source_id"], r["source_row"])
        spans.append(span)
        rows.append({"document": r["document"], "conflict": r["process__name"],
                     "conflict_slug": r["process__slug"], "date": r["date"],
                     "role": label(r["role"]), "total": r["total"], "women": r["women"],
                     "men": r["men"], "share": share_of(r["women"], r["total"]),
                     "meets_floor": targets.meets_floor(r["women"], r["total"], policy.floor),
                     "_spans": [span]})
    columns = [Column("document", gettext_noop("Agreement")),
               Column("conflict", gettext_noop("Conflict"), link=conflict_link),
               Column("date", gettext_noop("Date"), "date"), *agreement_role_columns(policy)]
    caption = "Delegates by role in each agreement"
    as_of = max((row["date"] for row in rows), default=None)  # the latest agreement counted
    return with_sources(Table("agreements", caption, columns, rows, spans=spans, as_of=as_of))


def agreement_role_columns(policy: TargetPolicy) -> list[Column]:
    """The columns of one agreement's table (the agreement, conflict and date are its heading)."""
    return [
        Column("role", gettext_noop("Role"), row_header=True),
        Column("total", gettext_noop("Delegates"), "int"),
        Column("women", gettext_noop("Women"), "int"),
        Column("men", gettext_noop("Men"), "int"),
        Column("share", gettext_noop("Women's share"), "pct"),
        Column("meets_floor", f"At least {floor_text(policy)}", "yesno"),
    ]


NOT_CODED = "not-coded"  # the kind of note of an agreement PADD lists with every count NA
PADD_PROCESS = "Peace negotiations: "  # a PADD conflict's process name: this, then its label (Con)


@dataclass(frozen=True)
class Listed:
    """The agreements the source lists (for one conflict, or all): those coded and those not coded."""

    coded: int
    not_coded: int

    @property
    def listed(self) -> int:
        return self.coded + self.not_coded


def listed_agreements(process: Process | None = None) -> Listed:
    """Coded: the agreements with counts (documents of the negotiation observations); not coded: the
    default sources' "not-coded" notes, of the conflict the note names when `process` is given."""
    coded = {row["document"] for row in queries.agreement_rows(process)}
    notes = DataNote.objects.filter(kind=NOT_CODED, subject__startswith="agreement:", source__is_default=True)
    if process is not None:
        notes = notes.filter(message__endswith=f" (conflict: {process.name.removeprefix(PADD_PROCESS)})")
    return Listed(len(coded), notes.count())


def negotiation_tables(policy: TargetPolicy, process: Process | None = None) -> dict[str, Table]:
    agreements = agreements_table(policy, process)
    overview = overview_table(policy, process)
    overview.as_of = agreements.as_of  # the same agreements, counted
    return {"overview": overview, "agreements": agreements}


