"""Manel watch: the flag, the tally of women's share, and expert suggestions by topic and language."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.panels import GENDERS, panel_flag, suggest, tally


def test_it_flags_a_panel_of_declared_men_as_a_manel():
    assert panel_flag(["man", "man"]) == "manel"


def test_it_does_not_call_a_panel_with_unknown_genders_a_manel():
    assert panel_flag(["man", "unknown"]) == "no_woman_known"


def test_it_passes_a_panel_with_a_woman_and_flags_an_empty_one():
    assert panel_flag(["man", "woman"]) == "ok"
    assert panel_flag([]) == "empty"


def test_it_computes_women_share_among_speakers_of_known_gender():
    found = tally([["woman", "man", "unknown"], ["man"]])
    assert (found.panels, found.speakers, found.women, found.known) == (2, 4, 1, 3)
    assert round(found.women_share or 0, 1) == 33.3


def test_it_leaves_the_share_unknown_when_no_gender_is_known():
    assert tally([["unknown"]]).women_share is None


@given(st.lists(st.lists(st.sampled_from(GENDERS), max_size=6), max_size=8))
def test_it_never_counts_more_women_than_known_speakers(panels):
    found = tally(panels)
    assert found.women <= found.known <= found.speakers
    assert (found.women_share is None) == (found.known == 0)


def test_it_suggests_experts_who_speak_the_language_best_topic_first():
    experts = [(1, "security", "English"), (2, "mediation, security", "English, French"),
               (3, "mediation", "Arabic"), (4, "finance", "French")]
    assert suggest(experts, "Mediation, Security", "french") == [2]
    assert suggest(experts, "mediation, security", "English") == [2, 1]
    assert suggest(experts, "", "") == [1, 2, 3, 4]
