"""The one stylesheet styles the hub's cards, search results, evidence grades and briefings, offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import criticalmass

CSS = (Path(criticalmass.__file__).parent / "static" / "criticalmass.css").read_text()


@pytest.mark.parametrize(
    "selector",
    [".cards {", ".card {", "ol.hits", ".snippet {", "mark {", ".badge.grade-verified",
     ".badge.grade-secondary", ".badge.grade-recalled", "article.briefing {", "dl.objections dt"],
)
def test_it_has_a_rule_for_each_new_part_of_the_pages(selector):
    assert selector in CSS


def test_it_lays_the_cards_out_in_a_grid_that_fits_a_phone():
    rule = re.search(r"\.cards \{([^}]*)\}", CSS)
    assert rule is not None and "display: grid" in rule[1] and "min(100%" in rule[1]


def test_it_prints_briefings_without_breaking_an_argument_across_pages():
    printing = CSS[CSS.index("@media print"):]
    assert "article.briefing" in printing and "break-inside: avoid" in printing


def test_it_loads_nothing_from_elsewhere():
    assert "@import" not in CSS and not re.search(r"url\(\s*['\"]?(https?:)?//", CSS)
