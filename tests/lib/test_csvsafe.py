from __future__ import annotations

import datetime as dt

from criticalmass.lib.csvsafe import safe_cell


def test_it_quotes_text_that_starts_like_a_formula():
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("+1") == "'+1"


def test_it_keeps_other_values_as_they_are():
    assert safe_cell("-5%") == "-5%" and safe_cell(3) == 3 and safe_cell(None) is None
    assert safe_cell(dt.date(2026, 1, 1)) == dt.date(2026, 1, 1) and safe_cell("Met") == "Met"
