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

# The UN's spellings pycountry does not know (or knows otherwise), as printed, to ISO alpha-3.
UN_NAMES: dict[str, str] = {
    "Bolivia (Plurinational State of)": "BOL", "Bolivia": "BOL",
    "Iran (Islamic Republic of)": "IRN", "Iran": "IRN",
    "Republic of Korea": "KOR", "Democratic People's Republic of Korea": "PRK",
    "Republic of Moldova": "MDA", "Moldova, Republic of": "MDA", "Moldova": "MDA",
    "United Republic of Tanzania": "TZA", "Tanzania": "TZA",
    "The former Yugoslav Republic of Macedonia": "MKD", "North Macedonia": "MKD",
    "Viet Nam": "VNM", "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Cote d Ivoire": "CIV",
    "Russian Federation": "RUS", "Syrian Arab Republic": "SYR", "Lao People's Democratic Republic": "LAO",
    "Congo": "COG", "Republic of the Congo": "COG",
    "Democratic Republic of the Congo": "COD", "DR Congo": "COD",
    "Democratic Republic of the Congo (DRC)": "COD",
    "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR", "Czech Republic": "CZE", "Czechia": "CZE",
    "United States of America": "USA", "United Kingdom": "GBR",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "Brunei Darussalam": "BRN", "Brunei": "BRN", "Gambia": "GMB", "Kyrgyzstan": "KGZ", "Slovakia": "SVK",
    "Netherlands": "NLD", "Netherlands (Kingdom of the)": "NLD", "Eswatini": "SWZ", "Swaziland": "SWZ",
    "Cabo Verde": "CPV", "Cape Verde": "CPV", "Bosnia and Herzegovina": "BIH", "Timor-Leste": "TLS",
    "Venezuela (Bolivarian Republic of)": "VEN", "State of Palestine": "PSE",
}

# The first line of a wrapped name, as 2019-09 prints it, to the full UN name.
TRUNCATED: dict[str, str] = {
    "republic of": "Republic of Korea",
    "democratic republic of": "Democratic Republic of the Congo",  # 2016-11 (no other UN name so begins)
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


ALIASES = {_key(name): code for name, code in UN_NAMES.items()}


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
    """The full name of a cut-short one, or None when the name is not cut short. Either one of the
    known truncations (TRUNCATED), or, for any other unknown name of at least 8 letters, the only
    country whose known names begin with it ("The former Yugoslav Republic of Maced")."""
    key = _key(name)
    if key in TRUNCATED:
        return TRUNCATED[key]
    if len(key) < 8 or key in ALIASES or key in _pycountry_names():
        return None
    known = {**_pycountry_names(), **ALIASES}
    starting = {code: full for full, code in known.items() if full.startswith(key)}
    if len(starting) != 1:
        return None
    return _spelled(next(iter(starting.values())))


def _spelled(key: str) -> str:
    """A known name in its usual spelling: the UN's for the table's names, else pycountry's."""
    for name in UN_NAMES:
        if _key(name) == key:
            return name
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            if _key(getattr(country, attribute, "") or "") == key:
                return str(getattr(country, attribute))
    return key
