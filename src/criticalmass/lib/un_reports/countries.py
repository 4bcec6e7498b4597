"""The UN's spellings of contributing countries, to ISO 3166-1 alpha-3 codes.

pycountry knows most of them (by name, official name or common name); the alias table holds the
UN's spellings it does not, and the truncated names one layout prints (2019-09's flat dump keeps
only the first line of a wrapped cell: "Republic of" is the Republic of Korea, since the same file
prints the Republic of Moldova as "Moldova,"). A truncated name is completed with a note; any other
unknown name is refused.
"""

from __future__ import annotations

import functools

import pycountry

from criticalmass.lib.un_reports.types import ReportError, Where

ALIASES: dict[str, str] = {
    "bolivia (plurinational state of)": "BOL", "bolivia": "BOL",
    "iran (islamic republic of)": "IRN", "iran": "IRN",
    "republic of korea": "KOR", "korea, republic of": "KOR",
    "democratic people's republic of korea": "PRK",
    "republic of moldova": "MDA", "moldova, republic of": "MDA", "moldova": "MDA",
    "united republic of tanzania": "TZA", "tanzania": "TZA", "tanzania, united republic of": "TZA",
    "the former yugoslav republic of macedonia": "MKD", "north macedonia": "MKD",
    "former yugoslav republic of macedonia": "MKD", "fyrom": "MKD",
    "viet nam": "VNM", "vietnam": "VNM",
    "côte d'ivoire": "CIV", "cote d'ivoire": "CIV", "cote d ivoire": "CIV",
    "russian federation": "RUS", "russia": "RUS",
    "syrian arab republic": "SYR", "lao people's democratic republic": "LAO",
    "congo": "COG", "republic of the congo": "COG",
    "democratic republic of the congo": "COD", "congo, the democratic republic of the": "COD",
    "turkey": "TUR", "türkiye": "TUR", "turkiye": "TUR",
    "czech republic": "CZE", "czechia": "CZE",
    "united states of america": "USA", "united states": "USA",
    "united kingdom": "GBR", "united kingdom of great britain and northern ireland": "GBR",
    "brunei darussalam": "BRN", "brunei": "BRN",
    "gambia": "GMB", "gambia (republic of the)": "GMB", "the gambia": "GMB",
    "kyrgyzstan": "KGZ", "slovakia": "SVK", "netherlands": "NLD", "netherlands (kingdom of the)": "NLD",
    "eswatini": "SWZ", "swaziland": "SWZ", "cabo verde": "CPV", "cape verde": "CPV",
    "micronesia (federated states of)": "FSM", "state of palestine": "PSE",
    "venezuela (bolivarian republic of)": "VEN", "venezuela": "VEN",
    "bosnia and herzegovina": "BIH", "timor-leste": "TLS", "guinea-bissau": "GNB",
}

# The first line of a wrapped name, as 2019-09 prints it, to the full UN name.
TRUNCATED: dict[str, str] = {
    "republic of": "Republic of Korea",
    "moldova,": "Republic of Moldova",
    "bosnia and": "Bosnia and Herzegovina",
    "north": "North Macedonia",
    "russian": "Russian Federation",
    "united republic": "United Republic of Tanzania",
    "united states of": "United States of America",
    "dominican": "Dominican Republic",
}


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).lower()


@functools.cache
def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            if value := getattr(country, attribute, None):
                names[_key(value)] = country.alpha_3
    return names


def iso3_of(name: str, where: Where) -> str:
    """The ISO alpha-3 code of a country as the UN spells it; an unknown name is refused."""
    key = _key(name)
    code = ALIASES.get(key) or _pycountry_names().get(key)
    if code is None:
        raise ReportError(f"unknown country {name!r}", where)
    return code


def completed_name(name: str) -> str | None:
    """The full name of a truncated one (2019-09), or None when the name is not a known truncation."""
    return TRUNCATED.get(_key(name))
