"""A country's aid money (lib/aid.py) against figures computed by hand."""

from __future__ import annotations

from decimal import Decimal as D

from criticalmass.lib.aid import (
    ActivityMoney,
    Figure,
    Flow,
    country_money,
    country_share,
    sector_share,
    shares,
)


def activity(identifier, flows, share="1", marker=None, sectors=()):
    return ActivityMoney(identifier, [Flow(*f) for f in flows], D(share), marker, list(sectors))


def test_it_counts_disbursements_and_expenditures_not_commitments():
    flows = [("2", D(1000), "USD"), ("3", D(500), "USD"), ("4", D(100), "USD")]
    found = country_money([activity("A", flows)])
    assert found["all"].amounts == {"USD": D(600)}


def test_it_splits_the_money_by_country_and_sector_percentages():
    # A: 600 USD, gender principal, 60% to 15170, 40% to 15180; B: half of 1000 USD, marker 0
    sectors = [("1", "15170", D(60)), ("1", "15180", D(40))]
    a = activity("A", [("3", D(600), "USD")], marker=2, sectors=sectors)
    b = activity("B", [("3", D(1000), "USD")], share="0.5", marker=0, sectors=[("1", "11110", D(100))])
    found = country_money([a, b])
    assert found["all"].amounts == {"USD": D(1100)}
    assert found["gender_principal"].amounts == {"USD": D(600)}
    assert found["gender_principal"].activities == ["A"]
    assert found["womens_rights_organisations"].amounts == {"USD": D(360)}
    assert found["ending_violence"].amounts == {"USD": D(240)}
    # 600 / 1100 = 54.54...% ; 360 / 1100 = 32.72...%
    assert shares(found["gender_principal"], found["all"]) == {"USD": D("54.5")}
    assert shares(found["womens_rights_organisations"], found["all"]) == {"USD": D("32.7")}


def test_it_never_adds_currencies_together():
    found = country_money([activity("A", [("3", D(10), "USD")]), activity("B", [("3", D(20), "EUR")])])
    assert found["all"].amounts == {"USD": D(10), "EUR": D(20)}


def test_it_gives_equal_parts_where_no_percentage_is_published():
    assert country_share(None, 4) == D("0.25")
    assert country_share(D(30), 2) == D("0.3")
    assert sector_share([("1", "15170", None), ("1", "12220", None)], "15170") == D("0.5")
    assert sector_share([("2", "15170", D(100))], "15170") == 0  # another vocabulary is not a DAC code
    assert sector_share([], "15170") == 0


def test_it_has_no_share_of_nothing():
    assert shares(Figure(), Figure(amounts={"USD": D(0)})) == {"USD": None}
