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


# ---- Tokenism: the balance of a panel under the secretariat's policy ---------------------------------

BALANCES = ("empty", "all_male", "token", "balanced", "uncertain")
BREACHES = frozenset({"all_male", "token"})


@dataclass(frozen=True)
class Policy:
    """Below `threshold` percent women, or (if `single_woman_is_token`) one woman among three speakers or
    more, a panel is token (one woman beside one man is parity, not tokenism)."""

    threshold: float = 30.0
    single_woman_is_token: bool = True


def token_or_balanced(women: int, speakers: int, policy: Policy) -> str:
    """The label of a panel whose every gender is known: `women` women among `speakers`."""
    if women == 0 or 100 * women < policy.threshold * speakers:
        return "token"
    if policy.single_woman_is_token and women == 1 and speakers > 2:
        return "token"
    return "balanced"


def balance(genders: Sequence[str], policy: Policy = Policy()) -> str:
    """"empty", "all_male" (every speaker a declared man), "token", "balanced", or "uncertain" when the
    undeclared genders decide it: the label holds however the unknown speakers would declare (the
    label can only improve as women are added, so the two extremes decide)."""
    if not genders:
        return "empty"
    if all(g == "man" for g in genders):
        return "all_male"
    women, unknown = sum(g == "woman" for g in genders), sum(g == "unknown" for g in genders)
    fewest = token_or_balanced(women, len(genders), policy)
    most = token_or_balanced(women + unknown, len(genders), policy)
    return fewest if fewest == most else "uncertain"
