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


# ---- Tokenism under the secretariat's policy -----------------------------------------------------

from criticalmass.lib.panels import BALANCES, Policy, balance, token_or_balanced  # noqa: E402


def test_it_calls_seven_men_and_one_woman_a_token_panel_not_women_speak():
    assert balance(["man"] * 7 + ["woman"]) == "token"


def test_it_calls_a_panel_of_declared_men_all_male_and_one_at_the_threshold_balanced():
    assert balance(["man", "man", "man"]) == "all_male"
    assert balance(["woman", "woman", "woman", "man", "man", "man", "man", "man", "man", "man"]) == "balanced"


def test_it_calls_a_single_woman_among_three_token_only_when_the_policy_says_so():
    assert balance(["woman", "man", "man"]) == "token"
    assert balance(["woman", "man", "man"], Policy(30, single_woman_is_token=False)) == "balanced"
    assert balance(["woman", "man"]) == "balanced"


def test_it_says_uncertain_when_undeclared_genders_decide_the_label():
    assert balance(["man", "unknown"]) == "uncertain"
    assert balance(["man"] * 9 + ["unknown"]) == "token"  # at most one woman in ten: token either way


def test_it_follows_the_threshold_the_secretariat_sets():
    panel = ["woman", "woman", "man", "man", "man", "man", "man"]  # 28.6%
    assert balance(panel, Policy(25)) == "balanced" and balance(panel, Policy(30)) == "token"


PANELS = st.lists(st.sampled_from(GENDERS), max_size=12)
POLICIES = st.builds(Policy, st.floats(min_value=1, max_value=100), st.booleans())


@given(PANELS, POLICIES)
def test_it_gives_a_label_that_holds_however_the_unknown_speakers_declare(genders, policy):
    label = balance(genders, policy)
    assert label in BALANCES
    unknown = genders.count("unknown")
    for women_among_unknown in range(unknown + 1):
        declared = [g for g in genders if g != "unknown"] + ["woman"] * women_among_unknown + \
            ["man"] * (unknown - women_among_unknown)
        outcome = balance(declared, policy)
        if label not in ("uncertain",):
            assert outcome == label or (label == "token" and outcome == "all_male"), (declared, outcome)


@given(st.integers(0, 20), st.integers(1, 20), POLICIES)
def test_it_never_makes_a_panel_token_by_adding_a_woman(women, others, policy):
    if token_or_balanced(women, women + others, policy) == "balanced":
        assert token_or_balanced(women + 1, women + others + 1, policy) == "balanced"


@given(PANELS)
def test_it_never_calls_a_panel_with_a_declared_man_missing_all_male(genders):
    if balance(genders) == "all_male":
        assert genders and all(g == "man" for g in genders)
