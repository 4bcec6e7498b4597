"""Manel watch: is a panel all men, and what share of speakers are women. No Django here.

Genders are self-declared; "unknown" stays unknown and is never guessed from a name. A panel with
no woman among its speakers but some unknown genders is "no_woman_known", not a manel.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GENDERS = ("woman", "man", "non_binary", "unknown")


def panel_flag(genders: Sequence[str]) -> str:
    """"empty", "manel" (every speaker a declared man), "no_woman_known" or "ok"."""
    if not genders:
        return "empty"
    if "woman" in genders:
        return "ok"
    if all(g == "man" for g in genders):
        return "manel"
    return "no_woman_known"


@dataclass(frozen=True)
class Tally:
    panels: int
    speakers: int
    women: int
    known: int

    @property
    def women_share(self) -> float | None:
        """Women as a percentage of speakers whose gender is known; None when none is known."""
        return 100 * self.women / self.known if self.known else None


def tally(panels: Iterable[Sequence[str]]) -> Tally:
    count = speakers = women = known = 0
    for genders in panels:
        count += 1
        speakers += len(genders)
        women += sum(g == "woman" for g in genders)
        known += sum(g != "unknown" for g in genders)
    return Tally(panels=count, speakers=speakers, women=women, known=known)


def words(text: str) -> set[str]:
    return {w.strip().lower() for w in text.replace(";", ",").split(",") if w.strip()}


def suggest(experts: Iterable[tuple[int, str, str]], topic: str, language: str) -> list[int]:
    """Ids of experts (id, topics, languages) who speak the language, best topic match first.

    Topics and languages are comma-separated. An empty language matches anyone.
    """
    wanted, tongue = words(topic), language.strip().lower()
    scored = []
    for expert_id, topics, languages in experts:
        if tongue and tongue not in words(languages):
            continue
        overlap = len(wanted & words(topics))
        if overlap or not wanted:
            scored.append((-overlap, expert_id))
    return [expert_id for _, expert_id in sorted(scored)]
