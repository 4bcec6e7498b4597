"""What changed between two versions' goals: added, removed, changed. No Django.

Goals are matched by what they measure (case and spaces ignored); a goal whose target, unit, deadline or
scope differs is "changed", with the fields that differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Goal:
    what: str
    target: str
    unit: str
    deadline: str
    scope: str


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed" or "changed"
    what: str
    fields: tuple[str, ...] = ()


def key(goal: Goal) -> str:
    return " ".join(goal.what.lower().split())


def changes(before: Iterable[Goal], after: Iterable[Goal]) -> list[Change]:
    old, new = {key(g): g for g in before}, {key(g): g for g in after}
    found = [Change("removed", g.what) for k, g in old.items() if k not in new]
    for k, goal in new.items():
        if k not in old:
            found.append(Change("added", goal.what))
            continue
        differ = tuple(f.name for f in fields(Goal) if f.name != "what"
                       and getattr(goal, f.name) != getattr(old[k], f.name))
        if differ:
            found.append(Change("changed", goal.what, differ))
    return found
