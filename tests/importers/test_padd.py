"""Importing PADD_Agreement_Level.csv: negotiations, delegates by role, NA, unknown gender."""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.core.models import Source
from criticalmass.importers.padd import import_file
from criticalmass.importers.padd.reader import REQUIRED
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.parity.models import Observation, Process
from tests.importers.helpers import PADD, snapshot

GOOD = PADD / "good.csv"
GOOD_OBSERVATIONS = 25  # 9 + 9 for AgtIds 101 and 102, 7 coded roles of 103, none of 104
# What the fixture lists but does not code (AgtId 103's negotiators and all delegates, AgtId 104) is said.
UNCODED_NOTES = [
    (4, "AgtId 103: FemNeg_N is 0 but Neg_N is not coded; with no total there is no share, so no Neg "
        "figure is stored"),
    (4, "AgtId 103: Del_N is not coded though 7 roles are (adding up to 1); no all-delegates figure is "
        "stored"),
    (5, "AgtId 104 is listed but not coded (every delegate count is NA); counted as not coded, no figure is "
        "stored for it (conflict: Otherland/Region)"),
]


def test_it_imports_every_agreement(db):
    summary = import_file(GOOD)
    assert (summary.rows_read, summary.created, summary.updated, summary.unchanged) == (4, 25, 0, 0)
    assert summary.warnings == UNCODED_NOTES
    assert Observation.objects.count() == GOOD_OBSERVATIONS


def test_it_makes_one_negotiation_process_per_conflict_label(db):
    import_file(GOOD)
    testland = Process.objects.get(slug="padd-testland")
    assert testland.name == "Peace negotiations: Testland"
    assert (testland.kind, testland.sponsor) == ("negotiation", "other")
    assert testland.source == Source.objects.get(slug="padd")
    assert set(testland.observations.values_list("document", flat=True)) == {"PA-X 101", "PA-X 102"}
    # The label's stray trailing space (as in the real file's 'Angola/Cabinda ') is not kept.
    assert Process.objects.get(slug="padd-otherlandregion").name == "Peace negotiations: Otherland/Region"


def test_it_counts_each_role_of_an_agreement(db, observation):
    import_file(GOOD)
    signatories = observation("padd-testland", "2001-05-01", "signatories", document="PA-X 101")
    assert (signatories.women, signatories.men, signatories.unknown, signatories.total) == (1, 5, 0, 6)
    assert (signatories.contributing_country, signatories.source_row) == (None, 2)
    roles = Observation.objects.filter(document="PA-X 101").values_list("role", flat=True)
    assert sorted(roles) == sorted([
        "all_delegates", "signatories", "observers", "negotiators", "mediators", "logistics", "advisers",
        "womens_committee", "unknown_role",
    ])


def test_it_counts_all_delegates(db, observation):
    import_file(GOOD)
    everyone = observation("padd-testland", "2001-05-01", "all_delegates", document="PA-X 101")
    assert (everyone.women, everyone.men, everyone.unknown, everyone.total) == (3, 17, 0, 20)


def test_it_leaves_men_unknown_when_some_delegates_gender_is_unknown(db, observation):
    import_file(GOOD)  # AgtId 102: NADel_N = 2
    signatories = observation("padd-testland", "2003-07-15", "signatories", document="PA-X 102")
    assert (signatories.women, signatories.men, signatories.unknown, signatories.total) == (1, None, None, 4)
    everyone = observation("padd-testland", "2003-07-15", "all_delegates", document="PA-X 102")
    assert (everyone.women, everyone.men, everyone.unknown, everyone.total) == (1, None, 2, 10)


def test_it_stores_no_observation_for_a_role_not_coded(db):
    import_file(GOOD)  # AgtId 103: Neg_N and Del_N are NA; AgtId 104: everything is NA
    roles = set(Observation.objects.filter(document="PA-X 103").values_list("role", flat=True))
    assert "negotiators" not in roles and "all_delegates" not in roles and len(roles) == 7
    assert not Observation.objects.filter(document="PA-X 104").exists()
    assert not Observation.objects.filter(total=None).exists()


def test_it_leaves_men_and_unknown_unknown_when_nadel_is_not_coded(db, observation):
    import_file(GOOD)
    signatories = observation("padd-otherlandregion", "2010-01-20", "signatories", document="PA-X 103")
    assert (signatories.women, signatories.men, signatories.unknown, signatories.total) == (0, None, None, 1)


def test_it_keeps_women_unknown_when_only_the_role_total_is_coded(db, tmp_path, observation):
    path = tmp_path / "fem_na.csv"
    text = GOOD.read_text(encoding="utf-8-sig").replace("101,2001-05-01,SubComp,FrAg,0,20,0,1,3,0.15,6,1,",
                                                         "101,2001-05-01,SubComp,FrAg,0,20,0,1,3,0.15,6,NA,")
    path.write_text(text, encoding="utf-8")
    import_file(path)
    signatories = observation("padd-testland", "2001-05-01", "signatories", document="PA-X 101")
    assert (signatories.women, signatories.men, signatories.unknown) == (None, None, None)
    assert signatories.total == 6


def test_it_changes_nothing_when_the_same_file_is_imported_twice(db):
    import_file(GOOD)
    before = snapshot()
    summary = import_file(GOOD)
    assert (summary.created, summary.updated, summary.unchanged, summary.removed) == (0, 0, 25, 0)
    assert snapshot()["observations"] == before["observations"]


def test_it_updates_changed_numbers(db, observation):
    import_file(GOOD)
    summary = import_file(PADD / "updated.csv")  # AgtId 101: one more mediator, so one more delegate
    assert (summary.created, summary.updated, summary.unchanged) == (0, 2, 23)
    assert observation("padd-testland", "2001-05-01", "mediators", document="PA-X 101").total == 3
    assert observation("padd-testland", "2001-05-01", "all_delegates", document="PA-X 101").men == 18


def test_it_changes_nothing_when_a_cell_is_bad(db):
    import_file(GOOD)
    before = snapshot()
    with pytest.raises(RowError) as error:
        import_file(PADD / "bad_cell.csv")
    assert str(error.value) == "bad_cell.csv, line 3, column 'FemSig_N': 'one' is not a whole number"
    assert snapshot() == before


def test_it_names_the_missing_columns_and_ignores_extra_ones(db):
    with pytest.raises(FormatError) as error:
        import_file(PADD / "wrong_columns.csv")
    assert str(error.value) == (
        "wrong_columns.csv is not in the expected format; missing columns: 'Con', 'FemSig_N'"
    )
    assert not Source.objects.filter(slug="padd").exists()


def test_it_needs_only_the_columns_it_reads(db, tmp_path):
    path = tmp_path / "narrow.csv"
    path.write_text(",".join(REQUIRED) + "\n" + ",".join(
        {"Con": "Testland", "AgtId": "7", "Dat": "1999-09-09", "Stage": "SubComp"}.get(column, "1")
        for column in REQUIRED
    ) + "\n", encoding="utf-8")
    summary = import_file(path)
    assert (summary.rows_read, summary.created) == (1, 9)


def test_it_warns_about_the_sources_inconsistencies_and_keeps_its_numbers(db, observation):
    summary = import_file(PADD / "inconsistent.csv")
    assert summary.warnings == [
        (2, "AgtId 101: the delegates by role (Sig_N ... Unkn_N) add up to 20, but Del_N is 22; "
            "numbers kept as given"),
        (3, "AgtId 102: the women by role (FemSig_N ... FemUnkn_N) add up to 2, but FemDel_N is 1; "
            "numbers kept as given"),
        *UNCODED_NOTES,
    ]
    assert observation("padd-testland", "2001-05-01", "all_delegates", document="PA-X 101").total == 22
    observers = observation("padd-testland", "2003-07-15", "observers", document="PA-X 102")
    assert (observers.women, observers.men, observers.total) == (1, None, 2)


def test_it_keeps_the_first_of_two_rows_with_the_same_agreement(db):
    summary = import_file(PADD / "duplicated_agreement.csv")
    assert summary.warnings == [*UNCODED_NOTES,
                                (6, "AgtId 101 is also on line 2; line 2 is kept, this line is left out")]
    dates = set(Observation.objects.filter(document="PA-X 101").values_list("date", flat=True))
    assert dates == {dt.date(2001, 5, 1)}


def test_it_warns_when_two_labels_make_the_same_process(db, tmp_path):
    path = tmp_path / "labels.csv"
    text = GOOD.read_text(encoding="utf-8-sig").replace("Otherland/Region ,", "Otherland Region,", 1)
    path.write_text(text.replace("Otherland/Region ,", "Otherland - Region,"), encoding="utf-8")
    summary = import_file(path)
    assert summary.warnings == [
        *UNCODED_NOTES[:-1],
        (5, UNCODED_NOTES[-1][1].replace("Otherland/Region", "Otherland - Region")),
        (5, "conflicts 'Otherland - Region' and 'Otherland Region' make the same process slug "
            "'padd-otherland-region'; their agreements share one process"),
    ]
    assert Process.objects.filter(slug__startswith="padd-otherland").count() == 1
