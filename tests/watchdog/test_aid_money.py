"""A country's aid money (lib/aid.py) against figures computed by hand."""

from __future__ import annotations

from decimal import Decimal as D

from criticalmass.lib.aid import (
    ActivityMoney,
    DatedFlow,
    Figure,
    Flow,
    MarkedActivity,
    by_gender_marker,
    country_money,
    country_share,
    sector_share,
    shares,
    totals_by_currency,
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


def marked(identifier, flows, marker, publisher="P", share="1"):
    return MarkedActivity(identifier, publisher, [DatedFlow(*f) for f in flows], D(share), marker, (1, 1))


def test_it_splits_spent_money_by_gender_marker_publisher_year_and_currency():
    found = by_gender_marker([
        marked("A", [("3", D(100), "USD", 2019), ("2", D(999), "USD", 2019), ("4", D(50), "USD", 2020)], 2),
        marked("B", [("3", D(10), "EUR", 2019)], None, share="0.5"),
        marked("C", [("3", D(7), "USD", 2019)], 3, publisher="Q"),
        marked("D", [("4", D(20), "USD", 2019)], 0),
    ])
    assert [(r.publisher, r.year, r.currency) for r in found] == [
        ("P", 2019, "EUR"), ("P", 2019, "USD"), ("P", 2020, "USD"), ("Q", 2019, "USD")]
    assert found[0].amounts["no_marker"] == D(5) and found[0].total == D(5)
    usd_2019 = found[1]
    assert (usd_2019.amounts["principal"], usd_2019.amounts["not_targeted"], usd_2019.total) == (
        D(100), D(20), D(120))
    assert found[1].activities == {"A", "D"}
    assert found[3].amounts["other_marker"] == D(7)  # 3 is not a DAC gender marker value: kept apart


def test_it_sums_every_publisher_and_year_per_currency_never_across():
    rows = by_gender_marker([marked("A", [("3", D(100), "USD", 2019)], 1),
                             marked("B", [("3", D(30), "USD", 2020)], 1, publisher="Q"),
                             marked("C", [("3", D(10), "EUR", 2020)], 2)])
    totals = totals_by_currency(rows, "All")
    assert [(t.publisher, t.year, t.currency, t.amounts["significant"], t.amounts["principal"])
            for t in totals] == [
        ("All", None, "EUR", D(0), D(10)), ("All", None, "USD", D(130), D(0))]
