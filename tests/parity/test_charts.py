"""Charts are drawn on the server from the same rows as their tables, as accessible inline SVG."""

from __future__ import annotations

import datetime as dt

import altair as alt
import jsonschema
import pytest
import vl_convert
from altair.vegalite.v6.schema import load_schema

from criticalmass.figures import charts
from criticalmass.figures.tables import Column, Table
from criticalmass.parity import figures, negotiation_figures, queries
from criticalmass.parity.models import TargetPolicy
from tests.parity.pages_world import UGPS, applies_from_2010, build_operations, build_talks, fresh_cache  # noqa: F401


@pytest.fixture
def world(make_mission, observe):
    return build_operations(make_mission, observe)


@pytest.fixture
def overall(world) -> Table:
    return figures.series_table("overall", "Share by month", queries.cited_series(), queries.policy())


@pytest.fixture
def counted(monkeypatch):
    """Counts vl-convert's drawings."""
    calls = []
    draw = vl_convert.vegalite_to_svg

    def counting(spec, *args, **kwargs):
        calls.append(spec)
        return draw(spec, *args, **kwargs)

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", counting)
    return calls


def test_it_draws_the_tables_own_numbers(overall):
    spec = charts.spec("share_lines", overall, target_label="Target")
    values = spec["data"]["values"]
    assert len(values) == len(overall.rows) == 5
    assert values[1] == {"date": "2012-01-31", "series": "All uniformed personnel", "share": 12.5,
                         "target": 30.0}
    assert [v["share"] for v in values] == [r["share"] for r in overall.rows]


@pytest.mark.parametrize(("kind", "options"), [
    ("share_lines", {"target_label": "Target"}),
    ("share_bars", {"target_label": "Target"}),
    ("count_bars", {"label_key": "series", "value_label": "x"}),
])
def test_it_writes_valid_vega_lite(overall, kind, options):
    spec = charts.spec(kind, overall, **options)
    jsonschema.validate(spec, load_schema())
    assert spec["$schema"] == alt.SCHEMA_URL


def test_it_draws_the_target_as_a_dashed_labelled_line(overall):
    svg = charts.svg("share_lines", overall, target_label="Target: Escalating to parity")
    assert "stroke-dasharray" in svg
    assert "target 30.0%" in svg
    assert "Target: Escalating to parity" in svg
    assert "12.5%" in svg


def test_it_draws_each_categorys_own_target_under_the_un_strategy(world):
    applies_from_2010()
    table = figures.series_table("t", "t", queries.cited_series(), TargetPolicy.objects.get(slug=UGPS))
    svg = charts.svg("share_lines", table, target_label="Target")
    assert "target 8.0%" in svg and "target 18.0%" in svg and "target 30.0%" not in svg


def test_it_names_and_describes_the_chart_for_assistive_technology(overall):
    chart = charts.chart("share_lines", overall, "Lines.", target_label="Target")
    assert chart.svg.startswith('<svg role="img" aria-labelledby="chart-overall-title chart-overall-desc"')
    assert '<title id="chart-overall-title">Share by month</title>' in chart.svg
    described = "Lines. The numbers are in the table “Share by month” beside the chart."
    assert f'<desc id="chart-overall-desc">{described}</desc>' in chart.svg


def test_it_escapes_words_in_the_title(overall):
    overall.caption = "Women <&> men"
    assert "<title id=\"chart-overall-title\">Women &lt;&amp;&gt; men</title>" in charts.chart(
        "share_lines", overall, "x", target_label="T").svg


def test_it_draws_a_chart_once_for_the_same_numbers(overall, counted):
    overall.rows[0]["share"] = 99.9  # numbers no other test draws
    first = charts.svg("share_lines", overall, target_label="Target")
    again = charts.svg("share_lines", overall, target_label="Target")
    assert first == again and len(counted) == 1


def test_it_draws_again_when_the_numbers_change(overall, counted):
    overall.rows[0]["share"] = 98.7
    charts.svg("share_lines", overall, target_label="Target")
    overall.rows[0]["share"] = 98.8
    charts.svg("share_lines", overall, target_label="Target")
    assert len(counted) == 2


def test_it_draws_nothing_for_an_empty_table():
    assert charts.chart("share_lines", Table("empty", "Empty", [Column("x", "X")], []), "x",
                        target_label="T") is None


def test_it_draws_bars_with_a_target_tick(world):
    table = figures.categories_table(world.unmiss, queries.policy())
    svg = charts.svg("share_bars", table, target_label="Target")
    assert "5.0%" in svg and "20.0%" in svg and "Experts on mission" in svg


def test_it_draws_the_negotiations_overview(source):
    build_talks(source)
    table = negotiation_figures.overview_table(queries.floor_policy())
    svg = charts.svg("count_bars", table, label_key="role", value_label="Agreements (%)")
    assert "33.3% (1 of 3)" in svg and "Agreements (%)" in svg


def test_it_loads_nothing_from_elsewhere(overall):
    svg = charts.svg("share_lines", overall, target_label="Target")
    assert "http://" not in svg.replace("http://www.w3.org", "") and "https://" not in svg
    assert "<script" not in svg


def test_it_writes_dates_as_iso_text():
    rows = [{"date": dt.date(2012, 1, 31), "x": 1, "left out": 2}]
    assert charts.plain(rows, ["date", "x"]) == [{"date": "2012-01-31", "x": 1}]
