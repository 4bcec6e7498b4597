"""The public record of a commitment: every version of it, of its report and of the verdicts on it
(kept by django-simple-history), told as what changed, when and by whom; the weakenings made after a
report; the secretariat's corrections with their reasons. A verdict is bound to the version it was
given on, and its reviewer is told when that version is no longer the one shown."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from criticalmass.charter.models import Commitment, Report, Signature, Verification
from criticalmass.core.models import Role, RoleGrant, User
from criticalmass.lib import revisions

COMMITMENT_FIELDS = ["what", "indicator", "baseline", "target", "deadline", "cycle", "process",
                     "organization", "event", "plan"]
REPORT_FIELDS = ["progress", "narrative", "evidence"]
VERIFICATION_FIELDS = ["verdict", "comment", "organization", "answer"]
KINDS = {"+": "created", "~": "changed", "-": "deleted"}
RECORDS = {"commitment": "Commitment", "report": "Report", "verification": "Verdict"}


@dataclass
class Entry:
    """One version of a commitment, its report or a verdict, as the public history tells it."""

    at: dt.datetime
    record: str  # commitment, report or verification
    kind: str  # created, changed or deleted
    by: str
    reason: str
    correction: bool  # made by the secretariat
    values: dict[str, str]
    changes: list[revisions.Change] = field(default_factory=list)

    @property
    def record_label(self) -> str:
        return RECORDS[self.record]

    @property
    def what(self) -> str:
        """What happened, in one line (the CSV's and the page's)."""
        if self.kind == "changed":
            return "; ".join(change.sentence for change in self.changes) or "saved unchanged"
        return "; ".join(f"{revisions.LABELS.get(name, name)}: {value}"
                         for name, value in self.values.items())


@dataclass(frozen=True)
class Weakening:
    sentence: str
    at: dt.datetime
    context: str  # "after a disputed report"


@dataclass
class Record:
    entries: list[Entry] = field(default_factory=list)
    weakenings: list[Weakening] = field(default_factory=list)

    @property
    def corrections(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.correction]


def plain(row: Any, name: str) -> object:
    """A historical row's field as shown: a related row by its name, a choice by its label."""
    if name in ("cycle", "process", "organization", "event", "plan"):
        related = getattr(row, name) if getattr(row, f"{name}_id") is not None else None
        return str(related) if related is not None else ""
    if name in ("progress", "verdict"):
        return str(getattr(row, f"get_{name}_display")())
    value: object = getattr(row, name)
    return value


def historical_commitments(pks: list[int]) -> list[Any]:
    return list(Commitment.history.model.objects.filter(id__in=pks).select_related(
        "cycle", "process", "organization", "event", "plan"))


def historical_reports(pks: list[int]) -> list[Any]:
    return list(Report.history.model.objects.filter(commitment_id__in=pks))


def historical_verifications(report_pks: set[int]) -> list[Any]:
    return list(Verification.history.model.objects.filter(
        report_id__in=report_pks).select_related("organization"))


@dataclass
class Authors:
    """Who made versions, as the public may read it: a partner's public name, the secretariat, or
    the women's organisation a reviewer verified for (never a reviewer's own name)."""

    names: dict[int, str]
    secretariat: set[int]

    @classmethod
    def of(cls, user_ids: Iterable[int | None]) -> Authors:
        ids = {pk for pk in user_ids if pk is not None}
        names = {user.pk: user.public_name for user in User.objects.filter(pk__in=ids)}
        secretariat = set(RoleGrant.objects.filter(user_id__in=ids, role=Role.SECRETARIAT)
                          .values_list("user_id", flat=True))
        return cls(names, secretariat)


def entries_of(rows: list[Any], record: str, fields: list[str], authors: Authors, commitment_of: Any,
               by_default: Any) -> dict[int, list[Entry]]:
    """Entries per commitment, oldest first within each row's versions."""
    found: dict[int, list[Entry]] = defaultdict(list)
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.id].append(row)
    for versions in grouped.values():
        versions.sort(key=lambda row: (row.history_date, row.history_id))
        previous: dict[str, object] = {}
        for row in versions:
            current = {name: plain(row, name) for name in fields}
            correction = is_correction(row, authors)
            by = ("Secretariat" if correction else by_default(row, authors))
            entry = Entry(row.history_date, record, KINDS[row.history_type], by,
                          row.history_change_reason or "", correction,
                          {name: revisions.shown(value) for name, value in current.items()
                           if value not in (None, "")})
            if row.history_type == "~":
                entry.changes = revisions.changes(previous, current)
            found[commitment_of(row)].append(entry)
            previous = current
    return found


def is_correction(row: Any, authors: Authors) -> bool:
    """A secretariat correction: only the secretariat's changes carry a reason (the admin and the
    commitment form ask it of the secretariat alone), so the reason marks it even once its author is
    erased or has left the secretariat."""
    return bool(row.history_change_reason) or row.history_user_id in authors.secretariat


def by_partner(row: Any, authors: Authors) -> str:
    return authors.names.get(row.history_user_id, "The partner") if row.history_user_id else "The platform"


def by_reviewer(row: Any, authors: Authors) -> str:
    return f"A reviewer for {row.organization}" if row.organization_id else "A reviewer"


def records(commitments: list[Commitment]) -> dict[int, Record]:
    """The public record of each commitment, from three queries whatever their number."""
    pks = [c.pk for c in commitments]
    commitment_rows = historical_commitments(pks)
    report_rows = historical_reports(pks)
    commitment_of_report = {row.id: row.commitment_id for row in report_rows}
    verification_rows = historical_verifications(set(commitment_of_report))
    authors = Authors.of(row.history_user_id for row in [*commitment_rows, *report_rows, *verification_rows])
    entries: dict[int, list[Entry]] = defaultdict(list)
    for part in (
        entries_of(commitment_rows, "commitment", COMMITMENT_FIELDS, authors, lambda r: r.id, by_partner),
        entries_of(report_rows, "report", REPORT_FIELDS, authors, lambda r: r.commitment_id, by_partner),
        entries_of(verification_rows, "verification", VERIFICATION_FIELDS, authors,
                   lambda r: commitment_of_report[r.report_id], by_reviewer),
    ):
        for pk, items in part.items():
            entries[pk].extend(items)
    return {pk: record_of(sorted(entries.get(pk, []), key=lambda e: e.at),
                          [row for row in verification_rows if commitment_of_report[row.report_id] == pk])
            for pk in pks}


def record_of(entries: list[Entry], verdict_rows: list[Any]) -> Record:
    first_report = next((e.at for e in entries if e.record == "report"), None)
    weakenings = []
    for entry in entries:
        if entry.record != "commitment" or first_report is None or entry.at < first_report:
            continue
        for change in entry.changes:
            if change.weakening:
                weakenings.append(Weakening(change.sentence, entry.at, context_at(entry.at, verdict_rows)))
    return Record(entries, weakenings)


def context_at(at: dt.datetime, verdict_rows: list[Any]) -> str:
    """What the report stood as at a moment: disputed, confirmed, or not yet verified."""
    latest: dict[int, Any] = {}
    for row in sorted(verdict_rows, key=lambda r: (r.history_date, r.history_id)):
        if row.history_date <= at:
            latest[row.id] = row
    verdicts = {row.verdict for row in latest.values() if row.history_type != "-"}
    if Verification.Verdict.DISPUTE in verdicts:
        return "after a disputed report"
    if verdicts:
        return "after a confirmed report"
    return "after a report"


# ---- Binding a verdict to a version, and telling its reviewer when it changes ---------------

def bind(verification: Verification) -> None:
    """Bind a verdict to the report and commitment versions shown now (before it is saved)."""
    report = verification.report
    verification.verified_report = report.history.first()
    verification.verified_commitment = report.commitment.history.first()
    verification.verified_fingerprint = report.fingerprint()


def changed_verdicts(report: Report) -> list[Verification]:
    return [v for v in report.verifications.select_related("reviewer", "report__commitment") if v.changed()]


def tell_reviewers(report: Report, before: set[int]) -> None:
    """After an edit: mail each reviewer whose verdict this edit left on a text changed since (once per
    edit, only to those who get notices about reviews), after the edit is committed."""
    from criticalmass.charter import reminders

    now_changed = [v for v in changed_verdicts(report) if v.pk not in before]
    version = report.history.first()
    for verification in now_changed:
        reviewer = verification.reviewer
        if not (reviewer.is_active and reviewer.notify_reviews):
            continue
        message = reminders.Message(
            [f"changed:{verification.pk}:{version.history_id if version else 0}"], reviewer,
            "Critical Mass: a report you verified was changed",
            [f"- {report.commitment.what[:120]}",
             "  was changed after your verdict. Your verdict is now shown as given on an earlier text.",
             f"  Both texts: {reminders.link('charter:public_history', report.commitment_id)}",
             f"  Give a new verdict: {reminders.link('charter:review')}#report-{report.pk}"],
            notice="reviews")
        transaction.on_commit(functools.partial(reminders.send, message))


@dataclass(frozen=True)
class Correction:
    at: dt.datetime
    reason: str


def signature_corrections(owner: User) -> list[Correction]:
    """The secretariat's corrections to a partner's Charter listing, oldest first, with their reasons."""
    rows = list(Signature.history.filter(user=owner).order_by("history_date", "history_id"))
    authors = Authors.of(row.history_user_id for row in rows)
    return [Correction(row.history_date, row.history_change_reason or "") for row in rows
            if is_correction(row, authors)]
