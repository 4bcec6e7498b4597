"""What changed between two versions' goals."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from criticalmass.lib.charter_goals import Change, Goal, changes

DELEGATES = Goal("Women among delegates", "30", "%", "2027-12-31", "UNMISS")


def test_it_lists_goals_added_removed_and_changed_by_what_they_measure():
    budget = Goal("Budget share for women's organisations", "15", "%", "2028-06-30", "")
    raised = Goal("women among  DELEGATES", "40", "%", "2027-12-31", "UNMISS")
    leadership = Goal("Women in leadership posts", "25", "%", "2029-01-01", "")
    found = changes([DELEGATES, budget], [raised, leadership])
    assert Change("removed", budget.what) in found
    assert Change("added", "Women in leadership posts") in found
    assert Change("changed", raised.what, ("target",)) in found and len(found) == 3


def test_it_finds_no_change_between_equal_goals():
    assert changes([DELEGATES], [DELEGATES]) == []


GOALS = st.lists(st.builds(Goal, st.sampled_from(["a", "b", "c", "d"]), st.sampled_from(["1", "2"]),
                           st.just("%"), st.sampled_from(["2027-01-01", "2028-01-01"]), st.just("")),
                 max_size=4, unique_by=lambda g: g.what)


@given(GOALS, GOALS)
def test_it_names_every_goal_that_is_not_in_both_or_differs(before, after):
    found = changes(before, after)
    named = {c.what for c in found}
    old, new = {g.what: g for g in before}, {g.what: g for g in after}
    assert named == {w for w in old.keys() | new.keys() if old.get(w) != new.get(w)}
    assert all(c.kind == ("added" if c.what not in old else "removed" if c.what not in new else "changed")
               for c in found)
