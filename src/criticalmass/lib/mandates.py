"""Reading a mission's latest mandate renewal out of the words of a UN report. Plain Python.

The UN budget reports state a peace operation's mandate in a sentence, e.g. "The mandate of UNDOF ...
was renewed most recently in its resolution 2811 (2025), by which it was extended until 30 June 2026."
`read_renewal` finds the sentence that says "most recently" with "extended" or "renewed", and in it the
one Security Council resolution and the one "until <day> <month> <year>" it names. Anything else
(no such sentence, no date, two dates, an impossible date) raises `UnreadRenewal` with the reason, so
the importer can store it as a data note rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
RECENTLY = re.compile(r"most\s+recently", re.IGNORECASE)
RENEWED = re.compile(r"\b(extended|renewed|extension|renewal)\b", re.IGNORECASE)
RESOLUTION_WORD = re.compile(r"\bresolutions?\s+\d", re.IGNORECASE)
SYMBOL = re.compile(r"\b(\d{1,5})\s*\((\d{4})\)")  # 2811 (2025): a resolution's number and year
UNTIL = re.compile(r"\buntil\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b", re.IGNORECASE)
FINAL = re.compile(r"\bfinal\s+time\b|\bfinal\s+(extension|renewal)\b", re.IGNORECASE)
# A sentence ends at a full stop followed by a capital letter, or at the end of the text.
SENTENCE_END = re.compile(r"\.(?=\s+[A-Z])")
FIRST_YEAR = 1945  # the UN's first year


class UnreadRenewal(ValueError):  # noqa: N818  # the text, not the program, is at fault: a reason, not an error
    """The text does not state one renewal and its expiry clearly; the message says why."""


@dataclass(frozen=True)
class Renewal:
    """The latest renewal a text states: the Security Council resolution and the day the mandate ends."""

    number: int
    year: int
    expires: dt.date
    final: bool = False  # the Council said it extends the mandate for a final time

    @property
    def symbol(self) -> str:
        """The document symbol as the UN writes it in prose: S/RES/2811 (2025)."""
        return f"S/RES/{self.number} ({self.year})"

    @property
    def short(self) -> str:
        """The resolution as the registry's Symbol column writes it: 2811 (2025)."""
        return f"{self.number} ({self.year})"

    @property
    def undocs_url(self) -> str:
        """The resolution in the UN documents system, by its symbol."""
        return f"https://undocs.org/S/RES/{self.number}({self.year})"


def states_renewal(text: str) -> bool:
    """Whether the text has a sentence saying the mandate was most recently extended or renewed."""
    return renewal_clause(text) is not None


def renewal_clause(text: str) -> str | None:
    """The first sentence with "most recently" and "extended"/"renewed" in it, from "most recently"
    on (what comes before names the resolution that established the mission), or None."""
    for sentence in SENTENCE_END.split(" ".join(text.split())):
        recently = RECENTLY.search(sentence)
        if recently and RENEWED.search(sentence):
            return sentence[recently.start():]
    return None


def read_renewal(text: str) -> Renewal:
    """The latest renewal the text states; UnreadRenewal with the reason when it states none clearly."""
    after = renewal_clause(text)
    if after is None:
        raise UnreadRenewal("no sentence says the mandate was most recently extended or renewed")
    number, year = one_resolution(after)
    expires = one_date(after)
    if expires.year < year:
        raise UnreadRenewal(f"the mandate is said to end on {expires:%d %B %Y}, before the year of "
                            f"resolution {number} ({year})")
    return Renewal(number, year, expires, final=bool(FINAL.search(after)))


def one_resolution(text: str) -> tuple[int, int]:
    found = {(int(number), int(year)) for number, year in SYMBOL.findall(text)}
    if not found or not RESOLUTION_WORD.search(text):
        raise UnreadRenewal("the renewal names no resolution in the form 'resolution NNNN (YYYY)'")
    if len(found) > 1:
        named = ", ".join(f"{n} ({y})" for n, y in sorted(found))
        raise UnreadRenewal(f"the renewal names more than one resolution ({named})")
    number, year = found.pop()
    if not FIRST_YEAR <= year <= dt.MAXYEAR or number == 0:
        raise UnreadRenewal(f"'resolution {number} ({year})' is not a Security Council resolution")
    return number, year


def one_date(text: str) -> dt.date:
    found = UNTIL.findall(text)
    if not found:
        raise UnreadRenewal("the renewal gives no expiry date in the form 'until <day> <month> <year>'")
    dates = {read_date(*parts) for parts in found}
    if len(dates) > 1:
        named = ", ".join(f"{d:%d %B %Y}" for d in sorted(dates))
        raise UnreadRenewal(f"the renewal gives more than one expiry date ({named})")
    return dates.pop()


def read_date(day: str, month: str, year: str) -> dt.date:
    number = MONTHS.get(month.lower())
    if number is None:
        raise UnreadRenewal(f"'{day} {month} {year}' is not a date: {month!r} is not a month")
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        raise UnreadRenewal(f"'{day} {month} {year}' is not a date") from None
