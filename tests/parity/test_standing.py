"""Targets, status, trend and forecasts of a series under the seeded policies."""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.lib.targets import Provenance, Status
from criticalmass.parity import queries, standing
from criticalmass.parity.models import Category, TargetAnchor, TargetPolicy
from criticalmass.parity.standing import SeriesPoint, Summary, summarize, target_function

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition() -> TargetPolicy:
    return TargetPolicy.objects.get(slug="escalating-to-parity")


@pytest.fixture
def ugps() -> TargetPolicy:
    return TargetPolicy.objects.get(slug="un-ugps-2018-2028")


def on_new_year(*counts: tuple[int, int, int]) -> list[SeriesPoint]:
    """Points on 1 January, so that their times are whole years: on_new_year((2024, women, total))."""
    return [SeriesPoint(dt.date(year, 1, 1), women, total) for year, women, total in counts]


# Policies and target functions


def test_it_uses_the_coalition_policy_by_default(coalition):
    assert queries.policy() == coalition


def test_it_falls_back_to_the_first_policy_by_name_when_none_is_the_default(ugps):
    TargetPolicy.objects.update(is_default=False)
    assert queries.policy().name == "Escalating to parity"  # the first by name


def test_it_answers_none_when_there_is_no_policy():
    TargetPolicy.objects.all().delete()
    assert queries.policy() is None


def test_it_escalates_the_coalition_target_from_30_to_parity(coalition):
    target_of = target_function(coalition, Category.TOTAL)
    assert [target_of(year).value for year in range(2024, 2031)] == [30, 30, 35, 40, 45, 50, 50]
    assert target_of(2027).provenance == Provenance.RULE


def test_it_applies_the_coalition_target_to_every_role(coalition):
    mediators = target_function(coalition, Category.MEDIATORS)(2026)
    assert target_function(coalition, Category.TROOPS)(2026) == mediators


def test_it_reads_the_official_troops_targets_of_the_un_strategy(ugps):
    target_of = target_function(ugps, Category.TROOPS)
    assert (target_of(2021).value, target_of(2021).provenance) == (8, Provenance.OFFICIAL)
    assert (target_of(2028).value, target_of(2028).provenance) == (15, Provenance.OFFICIAL)


def test_it_interpolates_the_un_strategy_between_official_years(ugps):
    troops = target_function(ugps, Category.TROOPS)(2024)
    police = target_function(ugps, Category.FORMED_POLICE)(2025)
    assert troops.value == pytest.approx(11.0)
    assert police.value == pytest.approx(16.0)
    assert troops.provenance == police.provenance == Provenance.INTERPOLATED


def test_it_holds_the_un_strategy_outside_its_official_years(ugps):
    before, after = target_function(ugps, Category.TROOPS)(2019), target_function(ugps, Category.TROOPS)(2030)
    only = target_function(ugps, Category.INDIVIDUAL_POLICE)(2020)
    assert (before.value, after.value, only.value) == (8, 15, 30)
    assert before.provenance == after.provenance == only.provenance == Provenance.HELD


def test_it_gives_no_un_strategy_target_for_a_role_without_anchors(ugps):
    assert target_function(ugps, Category.TOTAL)(2025) is None


def test_it_keeps_one_roles_anchors_out_of_anothers_targets(ugps):
    assert target_function(ugps, Category.EXPERTS_ON_MISSION)(2021).value == 18


def test_it_follows_the_secretariats_edits_to_a_policy(coalition, ugps):
    TargetPolicy.objects.filter(pk=coalition.pk).update(floor=20, step=10, start_year=2030)
    edited = TargetPolicy.objects.get(pk=coalition.pk)
    total = target_function(edited, Category.TOTAL)
    assert [total(year).value for year in (2029, 2031, 2040)] == [20, 30, 50]
    TargetAnchor.objects.create(policy=ugps, role=Category.TROOPS, year=2025, value=20, citation="Test.")
    assert target_function(ugps, Category.TROOPS)(2025).value == 20


# Summaries


def test_it_summarizes_an_empty_series_as_unknown(coalition):
    summary = summarize([], coalition)
    assert summary == Summary(None, None, Status.UNKNOWN, None, None, None)
    assert (summary.latest_share, summary.gap) == (None, None)


def test_it_calls_a_series_at_the_coalition_target_met(coalition):
    summary = summarize(on_new_year((2024, 28, 100), (2025, 32, 100)), coalition)
    assert summary.latest.date == dt.date(2025, 1, 1)
    assert summary.latest_share == pytest.approx(32.0)
    assert (summary.target.value, summary.status) == (30, Status.MET)
    assert summary.gap == pytest.approx(-2.0)
    assert summary.slope == pytest.approx(4.0)
    # Already at target in 2025; 4 points a year from 32 reaches 50 in 2030 (48 in 2029, 52 in 2030).
    assert (summary.forecast_target, summary.forecast_parity) == (2025, 2030)


def test_it_calls_a_series_exactly_at_target_met(coalition):
    assert summarize(on_new_year((2025, 30, 100)), coalition).status == Status.MET


def test_it_calls_a_series_close_within_five_points_close(coalition):
    summary = summarize(on_new_year((2024, 20, 100), (2025, 25, 100)), coalition)
    assert (summary.status, summary.gap) == (Status.CLOSE, pytest.approx(5.0))


def test_it_calls_a_series_further_below_off_track(coalition):
    assert summarize(on_new_year((2025, 2499, 10_000)), coalition).status == Status.OFF_TRACK


def test_it_is_not_fooled_by_float_rounding_at_the_close_boundary(coalition):
    TargetPolicy.objects.filter(pk=coalition.pk).update(close_within="0.10")
    edited = TargetPolicy.objects.get(pk=coalition.pk)
    assert summarize(on_new_year((2025, 299, 1000)), edited).status == Status.CLOSE


def test_it_finds_the_latest_point_whatever_the_order(coalition):
    series = on_new_year((2025, 32, 100), (2024, 28, 100))
    assert summarize(series, coalition) == summarize(list(reversed(series)), coalition)


def test_it_forecasts_against_the_escalating_target(coalition):
    # 6 points a year from 26 in 2025: 32 < 35 (2026), 38 < 40, 44 < 45, 50 >= 50 (2029).
    summary = summarize(on_new_year((2024, 20, 100), (2025, 26, 100)), coalition)
    assert (summary.forecast_target, summary.forecast_parity) == (2029, 2029)


def test_it_forecasts_nothing_for_a_falling_series(coalition):
    summary = summarize(on_new_year((2024, 25, 100), (2025, 20, 100)), coalition)
    assert summary.slope == pytest.approx(-5.0)
    assert (summary.forecast_target, summary.forecast_parity) == (None, None)


def test_it_summarizes_troops_under_the_un_strategy(ugps):
    # 7% in 2024 against 11% (interpolated between 8% in 2021 and 15% in 2028): 4 points, off track.
    summary = summarize(on_new_year((2023, 5, 100), (2024, 7, 100)), ugps, Category.TROOPS)
    assert summary.target.value == pytest.approx(11.0)
    assert summary.target.provenance == Provenance.INTERPOLATED
    assert summary.status == Status.OFF_TRACK
    # 2 points a year: 9 < 12 (2025), 11 < 13, 13 < 14, 15 >= 15 (2028); 49 in 2045, 51 in 2046.
    assert (summary.forecast_target, summary.forecast_parity) == (2028, 2046)


def test_it_uses_the_un_strategys_narrower_close_margin(ugps):
    close = summarize(on_new_year((2024, 9, 100)), ugps, Category.TROOPS)
    off_track = summarize(on_new_year((2024, 8, 100)), ugps, Category.TROOPS)
    assert (close.status, off_track.status) == (Status.CLOSE, Status.OFF_TRACK)


def test_it_has_no_target_but_still_a_parity_forecast_for_a_role_without_anchors(ugps):
    summary = summarize(on_new_year((2024, 10, 100), (2025, 20, 100)), ugps, Category.TOTAL)
    assert (summary.target, summary.status, summary.gap) == (None, Status.UNKNOWN, None)
    assert (summary.forecast_target, summary.forecast_parity) == (None, 2028)


def test_it_calls_a_latest_point_with_nobody_counted_unknown(coalition):
    summary = summarize(on_new_year((2024, 20, 100), (2025, 0, 0)), coalition)
    assert (summary.latest_share, summary.status, summary.gap) == (None, Status.UNKNOWN, None)
    assert summary.target.value == 30


# Ranking


def test_it_ranks_the_biggest_gap_first_and_unknowns_last(coalition):
    unknown = summarize([], coalition)
    met = summarize(on_new_year((2025, 40, 100)), coalition)
    far = summarize(on_new_year((2025, 5, 100)), coalition)
    near = summarize(on_new_year((2025, 28, 100)), coalition)
    ranked = standing.rank_by_gap([("unknown", unknown), ("met", met), ("far", far), ("near", near)])
    assert [name for name, _ in ranked] == ["far", "near", "met", "unknown"]
