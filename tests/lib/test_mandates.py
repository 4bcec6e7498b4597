"""lib.mandates: the latest renewal and its expiry, read from the words of the UN budget reports.

The first cases are copied from the UN Mandate Source Registry (pkm2026_all_mandates.csv, 2026-06-23).
"""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.lib.mandates import Renewal, UnreadRenewal, read_renewal, states_renewal

REAL = [
    ("The mandate of UNDOF was established by the Security Council in its resolution 350 (1974) and was "
     "renewed most recently in its resolution 2811 (2025), by which it was extended until 30 June 2026.",
     2811, 2025, dt.date(2026, 6, 30)),
    ("UNFICYP was established by the Security Council in its resolution 186 (1964), and its mandate was "
     "extended most recently, until 31 January 2027, pursuant to resolution 2815 (2026).",
     2815, 2026, dt.date(2027, 1, 31)),
    ("The mandate of MINURSO was established by the Security Council in its resolution 690 (1991) and "
     "extended most recently, until 31 October 2026, in its resolution 2797 (2025).",
     2797, 2025, dt.date(2026, 10, 31)),
    ("The mandate of UNSOS was established by the Security Council in resolution 1863 (2009) and was most "
     "recently extended until 31 December 2026 in Council resolution 2809 (2025).",
     2809, 2025, dt.date(2026, 12, 31)),
    ("The mandate of UNISFA was established by the Security Council in its resolution 1990 (2011) and most "
     "recently extended by the Council in its resolution 2802 (2025), until 15 November 2026.",
     2802, 2025, dt.date(2026, 11, 15)),
    ("The mandate of MONUSCO was established by the Security Council in its resolution 1925 (2010) and most "
     "recently extended by the Council until 20 December 2026 in its resolution 2808 (2025).",
     2808, 2025, dt.date(2026, 12, 20)),
    ("The mandate of UNMISS was established by the Security Council in its resolution 1996 (2011) and was "
     "most recently extended until 30 April 2026 in resolution 2779 (2025).",
     2779, 2025, dt.date(2026, 4, 30)),
]
UNIFIL = ("The mandate of UNIFIL was established by the Security Council in its resolutions 425 (1978) and "
          "426 (1978) and was most recently extended by the Council in its resolution 2790 (2025), by which "
          "it extended the mandate for a final time until 31 December 2026, when the Force is to cease its "
          "operations and to start from this date and within one year complete its orderly and safe "
          "drawdown and withdrawal of personnel (A/80/634, para.")


@pytest.mark.parametrize(("text", "number", "year", "expires"), REAL)
def test_it_reads_the_latest_resolution_and_expiry_of_the_registry_sentences(text, number, year, expires):
    assert read_renewal(text) == Renewal(number, year, expires, final=False)


def test_it_reads_a_final_extension_and_ignores_the_establishing_resolutions():
    renewal = read_renewal(UNIFIL)
    assert (renewal.symbol, renewal.expires, renewal.final) == (
        "S/RES/2790 (2025)", dt.date(2026, 12, 31), True)


def test_it_writes_the_symbol_and_the_documents_system_address_of_the_resolution():
    renewal = read_renewal(REAL[0][0])
    assert (renewal.symbol, renewal.short, renewal.undocs_url) == (
        "S/RES/2811 (2025)", "2811 (2025)", "https://undocs.org/S/RES/2811(2025)")


@pytest.mark.parametrize("text", [
    "The mandate of UNMIK was established by the Security Council in its resolution 1244 (1999).",
    "By its resolution 78/294, the Assembly expanded the mandate of RSCE to provide additional services.",
    "In its resolution 2793 (2025), the Security Council also indicates that the Standing Group of Partners "
    "for the Gang Suppression Force is responsible for the selection of the special representative.",
])
def test_it_says_that_a_sentence_without_a_renewal_states_none(text):
    assert not states_renewal(text)
    with pytest.raises(UnreadRenewal, match="no sentence says the mandate was most recently extended"):
        read_renewal(text)


@pytest.mark.parametrize(("text", "reason"), [
    ("The mandate was most recently extended in resolution 2811 (2025).",
     "the renewal gives no expiry date in the form 'until <day> <month> <year>'"),
    ("The mandate was most recently extended until further notice in resolution 2811 (2025).",
     "the renewal gives no expiry date"),
    ("The mandate was most recently extended until 30 June 2026.",
     "the renewal names no resolution in the form 'resolution NNNN (YYYY)'"),
    ("The mandate was most recently extended until 31 February 2026 in resolution 2811 (2025).",
     "'31 February 2026' is not a date"),
    ("The mandate was most recently extended until 30 Juin 2026 in resolution 2811 (2025).",
     "'Juin' is not a month"),
    ("The mandate was most recently extended until 30 June 2026 and until 31 December 2026 in resolution "
     "2811 (2025).", "more than one expiry date (30 June 2026, 31 December 2026)"),
    ("The mandate was most recently renewed in resolutions 2811 (2025) and 2812 (2025), until 30 June 2026.",
     "more than one resolution (2811 (2025), 2812 (2025))"),
    ("The mandate was most recently extended until 30 June 2024 in resolution 2811 (2025).",
     "before the year of resolution 2811 (2025)"),
    ("The mandate was most recently extended until 30 June 2026 in resolution 12 (1850).",
     "is not a Security Council resolution"),
])
def test_it_gives_the_reason_when_a_renewal_sentence_cannot_be_read(text, reason):
    assert states_renewal(text)
    with pytest.raises(UnreadRenewal) as raised:
        read_renewal(text)
    assert reason in str(raised.value)


def test_it_reads_only_the_sentence_that_states_the_renewal():
    text = ("The mission was established in resolution 100 (1990). It was most recently extended until "
            "1 March 2027 by resolution 2820 (2026). Its budget was set until 30 June 2027 by resolution "
            "80/1.")
    assert read_renewal(text) == Renewal(2820, 2026, dt.date(2027, 3, 1))


@pytest.mark.parametrize("text", ["", "   ", "most recently",
                                  "\x00\u202e until 1 May 2026 resolution 1 (2000)",
                                  "most recently extended " * 2000])
def test_it_refuses_empty_and_hostile_text_with_a_reason_never_a_crash(text):
    with pytest.raises(UnreadRenewal):
        read_renewal(text)
