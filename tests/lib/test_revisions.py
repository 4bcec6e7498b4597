"""What changed in a commitment and whether it weakens it; the fingerprint of a verified text; where a
signatory stands."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.accountability import STANDINGS, standing
from criticalmass.lib.revisions import changes, fingerprint, number_in, weakenings

TERMS = {"what": "Bring women to the table", "target": "30%", "deadline": dt.date(2026, 12, 31),
         "process": "UNMISS", "organization": ""}
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
numbers = st.integers(min_value=0, max_value=10_000)


def test_it_tells_a_lowered_target_as_a_weakening():
    [change] = changes(TERMS, {**TERMS, "target": "10%"})
    assert change.weakening and change.sentence == "target lowered from 30% to 10%"


def test_it_tells_a_raised_target_without_calling_it_a_weakening():
    [change] = changes(TERMS, {**TERMS, "target": "40 %"})
    assert not change.weakening and change.sentence == "target raised from 30% to 40 %"


def test_it_tells_a_target_without_one_number_as_it_is():
    [change] = changes(TERMS, {**TERMS, "target": "parity"})
    assert not change.weakening and change.sentence == "target changed from 30% to parity"


def test_it_tells_a_later_deadline_and_a_dropped_concern_as_weakenings():
    found = weakenings(TERMS, {**TERMS, "deadline": dt.date(2027, 6, 30), "process": ""})
    assert [c.sentence for c in found] == ["deadline moved later from 2026-12-31 to 2027-06-30",
                                           "scope narrowed: no longer concerns the process UNMISS"]


def test_it_reads_one_number_from_a_target_and_none_from_several():
    assert number_in("30%") == 30.0 and number_in("1,5 million") == 1.5
    assert number_in("from 10 to 20") is None and number_in("parity") is None


@given(old=numbers, new=numbers, unit=st.sampled_from(["%", " women", " meetings", ""]))
def test_it_calls_a_target_change_a_weakening_exactly_when_the_number_goes_down(old, new, unit):
    found = weakenings({"target": f"{old}{unit}"}, {"target": f"{new}{unit}"})
    assert bool(found) == (new < old)


@given(before=st.dictionaries(st.sampled_from(list(TERMS)), texts),
       after=st.dictionaries(st.sampled_from(list(TERMS)), texts))
def test_it_names_every_changed_field_once_and_no_other(before, after):
    found = changes(before, after)
    assert len({c.field for c in found}) == len(found)
    for change in found:
        assert change.field in after and change.sentence


@given(fields=st.fixed_dictionaries({"narrative": texts, "progress": texts, "target": texts}),
       name=st.sampled_from(["narrative", "progress", "target"]), value=texts)
def test_it_gives_a_fingerprint_that_changes_with_any_field(fields, name, value):
    changed = {**fields, name: value}
    assert (fingerprint(changed) == fingerprint(fields)) == (changes(fields, changed) == [])


@given(statuses=st.lists(st.sampled_from(["met", "exceeded", "limited", "none", "awaiting", "not_reported"])))
def test_it_gives_every_signatory_one_standing(statuses):
    found = standing(statuses)
    assert found in STANDINGS
    assert (found == "no_commitment") == (not statuses)
    assert (found == "not_reported") == ("not_reported" in statuses)
