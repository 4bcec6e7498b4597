"""A month missing inside a peace operations' series is a gap: a row with its reason, a break in the line,
never a month the trend counts; and staff officers, the UN's category from late 2016, shown everywhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from criticalmass.figures import charts
from criticalmass.lib import trend
from criticalmass.parity import figures, queries, ranking_figures
from criticalmass.parity.models import Category, Process
from criticalmass.parity.report_months import month_end
from tests.parity.pages_world import csv_rows, table

OVERALL = "Women's share of UN uniformed peacekeepers by month"
NO_2014 = "No UN report for Mar–Dec 2014 is publicly available"
MONTHS = [(2014, 1, 10), (2014, 2, 11), (2015, 1, 14), (2015, 2, 15)]  # (year, month, women of 100)


@pytest.fixture
def across_2014(make_mission, observe):
    """UNMISS in Jan-Feb 2014 (IPI's last months) and Jan-Feb 2015 (the UN's first reports)."""
    unmiss = make_mission("UNMISS", "SSD")
    for year, month, women in MONTHS:
        day = month_end(year, month).isoformat()
        observe(unmiss, day, Category.TOTAL, women=women, total=100, country="GHA")
    return unmiss


def overall_rows() -> list[dict]:
    policy = queries.policy()
    return ranking_figures.dashboard_tables(policy, Category.TOTAL, only="overall")["overall"].rows


def test_it_shows_mar_to_dec_2014_as_one_row_with_its_reason(across_2014):
    rows = overall_rows()
    assert [(row["date"], row["women"], row["note"]) for row in rows] == [
        (dt.date(2014, 1, 31), 10, None), (dt.date(2014, 2, 28), 11, None),
        (dt.date(2014, 3, 31), None, NO_2014),
        (dt.date(2015, 1, 31), 14, None), (dt.date(2015, 2, 28), 15, None),
    ]


def test_it_writes_the_gap_in_the_csv_and_the_api(client, across_2014):
    rows = csv_rows(client.get("/data/overall.csv"))
    gap = [row for row in rows if row[0] == "2014-03-31"]
    assert [(row[2], row[3], row[4], row[7], row[8]) for row in gap] == [("", "", "", NO_2014, "")]
    points = client.get("/api/parity/series").json()["points"]
    gap_point = points[2]
    assert (gap_point["date"], gap_point["women"], gap_point["total"], gap_point["note"]) == (
        "2014-03-31", None, None, NO_2014)


def test_it_shows_the_gap_on_the_dashboard_and_not_among_the_months_to_rank(client, across_2014):
    response = client.get("/")
    assert table(response, OVERALL)[2][:5] == \
        ["Mar 2014", "All uniformed personnel", "unknown", "unknown", "unknown"]
    assert "2014-03" not in response.context["months"]


def test_it_keeps_the_gap_in_the_charts_data_and_breaks_the_line_there(across_2014):
    table_ = ranking_figures.dashboard_tables(queries.policy(), Category.TOTAL, only="overall")["overall"]
    spec = charts.spec("share_lines", table_, target_label="Target")
    assert [(v["date"], v["share"]) for v in spec["data"]["values"]][2] == ("2014-03-31", None)
    line = spec["spec"]["layer"][0]
    assert line["mark"]["invalid"] == "break-paths-filter-domains"
    assert line["transform"][-1] == {"filter": "datum.measure == 'share' || isValid(datum.value)"}


def test_it_draws_the_share_in_two_pieces_either_side_of_the_gap(across_2014):
    table_ = ranking_figures.dashboard_tables(queries.policy(), Category.TOTAL, only="overall")["overall"]
    drawn = charts.svg("share_lines", table_, target_label="Target")
    share_path = re.search(r'd="([^"]*)" stroke="#1d4e89"', drawn)
    assert share_path is not None and share_path[1].count("M") == 2  # one piece would be one M


def test_the_trend_fits_the_reported_months_only(across_2014):
    status = figures.series_tables(queries.policy(), Category.TOTAL)["status"].rows[0]
    reported = [(trend.year_fraction(month_end(y, m)), float(w)) for y, m, w in MONTHS]
    assert status["trend"] == round(trend.slope(reported), 1)


def test_it_names_a_month_missing_in_2022_and_any_other(make_mission, observe):
    unmiss = make_mission("UNMISS", "SSD")
    for day in ["2022-06-30", "2022-08-31", "2023-01-31", "2023-03-31"]:
        observe(unmiss, day, Category.TOTAL, women=10, total=100, country="GHA")
    notes = [row["note"] for row in overall_rows() if row["note"]]
    assert notes == ["No UN report for July 2022 is publicly available",
                     "No report for these months has been imported (Sep 2022 – Dec 2022)",
                     "No report for these months has been imported (Feb 2023)"]


def test_a_mission_says_no_breakdown_was_published_for_months_only_in_all(make_mission, observe, source):
    unmiss = make_mission("UNMISS", "SSD")
    every = Process.objects.create(slug="un-all-operations", name="All", kind=Process.Kind.ALL_OPERATIONS,
                                   source=source)
    observe(unmiss, "2018-02-28", Category.TOTAL, women=10, total=100, country="GHA")
    observe(every, "2018-03-31", Category.TOTAL, women=12, total=100, country="GHA")
    observe(every, "2018-04-30", Category.TOTAL, women=12, total=100, country="GHA")
    observe(unmiss, "2018-05-31", Category.TOTAL, women=11, total=100, country="GHA")
    trend_rows = figures.mission_trend_table(unmiss, queries.policy()).rows
    assert [row["note"] for row in trend_rows] == [
        None, "No mission breakdown published for these months (Mar 2018 – Apr 2018)", None]
    assert [row["note"] for row in overall_rows()] == [None] * 4  # every month is in the totals
    country = figures.country_tables(unmiss.host_country, queries.policy())
    assert country["trend"].rows == []  # South Sudan sent nobody: the rows above are Ghana's
    ghana = queries.cited_series(country="GHA").by_key[Category.TOTAL]
    assert [p.women for p in ghana] == [10, 12, 12, 11]


# ---- Staff officers --------------------------------------------------------------------------

@pytest.fixture
def staff_officers(make_mission, observe):
    unmiss = make_mission("UNMISS", "SSD")
    observe(unmiss, "2016-11-30", Category.STAFF_OFFICERS, women=6, total=40, country="GHA")
    observe(unmiss, "2016-11-30", Category.TOTAL, women=6, total=40, country="GHA")
    return unmiss


def test_it_gives_staff_officers_in_the_api_series(client, staff_officers):
    body = client.get("/api/parity/series?process=unmiss&role=staff_officers").json()
    assert [(p["date"], p["women"], p["total"], p["share"]) for p in body["points"]] == [
        ("2016-11-30", 6, 40, 15.0)]


def test_it_writes_staff_officers_in_the_csvs(client, staff_officers):
    rows = csv_rows(client.get("/missions/unmiss/trend.csv"))
    assert ["2016-11-30", "Staff officers", "6", "40", "15.0"] in [row[:5] for row in rows]
    status = csv_rows(client.get("/data/status.csv"))
    assert "Staff officers" in [row[0] for row in status]


def test_it_ranks_missions_by_staff_officers_when_asked(client, staff_officers):
    assert client.get("/?role=staff_officers").status_code == 200
    items = client.get("/api/parity/missions/ranking?role=staff_officers").json()["items"]
    assert [(i["slug"], i["women"], i["total"]) for i in items] == [("unmiss", 6, 40)]
