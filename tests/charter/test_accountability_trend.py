"""The trend over cycles on the accountability pages: a chart drawn from the same rows as its table and
CSV, each checked against the records (see the `records` fixture)."""

from __future__ import annotations

import re

from criticalmass.charter import charts, figures
from criticalmass.figures import charts as parity_charts
from tests.charter.test_accountability_page import read_csv, records  # noqa: F401  # the records fixture

TREND_KEYS = ["made", "due", "reported", "reported_share", "met_or_exceeded", "met_share"]


def chart_svg(page: str) -> str:
    found = re.search(r'<svg[^>]*id="chart-trend".*?</svg>', page, re.S)
    assert found, "the page has no trend chart"
    return found.group(0)


def test_it_counts_the_trend_of_each_cycle_against_the_records(client_as, records):  # noqa: F811
    rows = read_csv(client_as(None).get("/accountability/trend.csv"))
    assert [r["cycle"] for r in rows] == ["2025", "2026"]
    # 2025: three due (met, silent, none): two reported, one met; 2026: one due (exceeded), one awaiting.
    assert [rows[0][k] for k in TREND_KEYS] == ["3", "3", "2", "66.7", "1", "33.3"]
    assert [rows[1][k] for k in TREND_KEYS] == ["2", "1", "1", "100.0", "1", "100.0"]
    assert rows[0]["source"] == figures.SOURCE


def test_it_draws_the_trend_chart_with_the_tables_numbers(client_as, records):  # noqa: F811
    page = client_as(None).get("/accountability/").content.decode()
    svg = chart_svg(page)
    assert 'role="img"' in svg and "Reported and met or exceeded" in svg
    for label in ["66.7%", "33.3%", "100.0%", "2025", "2026"]:
        assert label in svg
    table = page[page.index('<table class="data"><caption>Reported and met'):]
    assert "66.7%" in table[:table.index("</table>")]
    assert 'href="/accountability/trend.csv"' in page


def test_it_draws_each_partners_own_trend(client_as, records):  # noqa: F811
    rows = read_csv(client_as(None).get("/accountability/partners/partner/trend.csv"))
    # The partner's 2025: met and silent are due, one reported and met; 2026: the exceeded one.
    assert [rows[0][k] for k in TREND_KEYS] == ["2", "2", "1", "50.0", "1", "50.0"]
    svg = chart_svg(client_as(None).get("/accountability/partners/partner/").content.decode())
    assert "50.0%" in svg and "66.7%" not in svg


def test_it_feeds_the_chart_exactly_the_tables_rows(records):  # noqa: F811
    from criticalmass.charter import queries

    table = figures.trend_table(queries.by_cycle(list(queries.commitments())), "Trend")
    spec = parity_charts.spec("cycle_shares", table)
    values = spec["data"]["values"] if "data" in spec else next(iter(spec["datasets"].values()))
    keys = ["cycle", "reported_share", "met_share"]
    assert values == [{key: row[key] for key in keys} for row in table.rows]
    assert set(charts.MEASURES) == {"reported_share", "met_share"}


def test_it_shows_none_due_rather_than_a_share_before_any_deadline(client_as, personas, open_cycle,
                                                                   make_commitment):
    make_commitment(personas["partner"], open_cycle, "Awaiting one")
    rows = read_csv(client_as(None).get("/accountability/trend.csv"))
    assert [rows[0][k] for k in ["due", "reported_share", "met_share"]] == ["0", "", ""]
    assert "none due" in client_as(None).get("/accountability/").content.decode()


def test_it_draws_no_trend_chart_without_commitments(client_as, db):
    page = client_as(None).get("/accountability/").content.decode()
    assert 'id="chart-trend"' not in page and "No commitments yet." in page
    assert read_csv(client_as(None).get("/accountability/trend.csv")) == []
