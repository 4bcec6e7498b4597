"""The IPU's country names as ISO 3166-1 alpha-3 codes. Plain Python.

pycountry knows most names as the IPU writes them; ALIASES holds the ones it does not (the IPU's
"Gambia (The)", older UN names such as "Libyan Arab Jamahiriya"). The historical table also lists states
that no longer exist (FORMER_STATES): no country code stands for them, so their rows are noted, not
stored. Any other name is refused, naming the row: a new spelling is added here, never guessed.
"""

from __future__ import annotations

import pycountry

ALIASES = {
    "bolivia (plurinational state of)": "BOL",
    "congo (republic of)": "COG",
    "cote d'ivoire": "CIV",
    "democratic republic of the congo": "COD",
    "gambia (the)": "GMB",
    "iran (islamic republic of)": "IRN",
    "libyan arab jamahiriya": "LBY",
    "micronesia (federated states of)": "FSM",
    "republic of korea": "KOR",
    "russia": "RUS",
    "the former yugoslav republic of macedonia": "MKD",
    "turkey": "TUR",
    "venezuela (bolivarian republic of)": "VEN",
}
FORMER_STATES = frozenset({
    "czechoslovakia", "germany (democratic republic)", "germany (federal republic of)",
    "serbia and montenegro",
    "ussr", "viet nam north (democratic republic of)", "viet nam south (republic of)",
    "yemen north (yemen arab republic)", "yemen south (people's democratic republic)",
    "yugoslavia (federal republic of)", "yugoslavia (socialist federal republic of)",
})


def key(name: str) -> str:
    """A name as the tables above write it: spaces collapsed, lower case."""
    return " ".join(name.split()).lower()


def is_former_state(name: str) -> bool:
    return key(name) in FORMER_STATES


def iso3(name: str) -> str | None:
    """The country's alpha-3 code, or None when neither the aliases nor pycountry know the name."""
    found = key(name)
    if found in ALIASES:
        return ALIASES[found]
    if not found:
        return None
    try:
        country = pycountry.countries.lookup(" ".join(name.split()))
    except LookupError:
        return None
    return str(country.alpha_3)
