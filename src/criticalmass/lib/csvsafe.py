"""People's free text in CSV downloads must not run as a spreadsheet formula (CSV injection)."""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def safe_cell(value: Any) -> Any:
    """Text starting like a formula (=, +, -, @, tab, return) gets a leading apostrophe; numbers (even as
    text, "-0.4", "+1", "-5%"), dates and other text are kept, so "-1+1|cmd" and "+A1" do not run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value
