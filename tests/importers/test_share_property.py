"""No import can store a share outside 0-100%: the file is refused, or 0 <= women <= total everywhere."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criticalmass.importers import padd, peacekeeping_gender
from criticalmass.importers.padd.reader import REQUIRED as PADD_COLUMNS
from criticalmass.importers.peacekeeping_gender.reader import COLUMNS
from criticalmass.lib.csvread import RowError
from criticalmass.parity.models import Observation

COUNT = st.integers(min_value=0, max_value=40)
CELL = st.one_of(COUNT.map(str), st.just("NA"))  # PADD writes NA where it does not code
# Male, Female and a Total near their sum (often equal, sometimes short): files both kept and refused.
CATEGORY = st.tuples(COUNT, COUNT, st.sampled_from([0, 0, 0, -1, 1, -30])).map(
    lambda c: [c[0], c[1], max(0, c[0] + c[1] + c[2])])


def peacekeeping_row(categories: list[list[int]]) -> list[int]:
    totals = [sum(column) for column in zip(*categories, strict=True)]
    return [n for category in [*categories, totals] for n in category]


def shares_are_possible() -> bool:
    return all(0 <= women <= total for women, total in
               Observation.objects.exclude(women=None).values_list("women", "total"))


def write(text: str) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    return Path(handle.name)


def imported_or_refused(import_file, path: Path) -> None:
    try:
        import_file(path)
    except RowError as error:
        assert "cannot" in error.problem or "negative" in error.problem
    finally:
        path.unlink()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CATEGORY, min_size=4, max_size=4).map(peacekeeping_row), min_size=1,
                     max_size=4))
def test_it_never_stores_a_peacekeeping_share_outside_0_to_100(db, rows):
    header = ",".join(f'"{column}"' for column in COLUMNS)
    lines = [f'"{n}",2013-0{n}-28,"Ghana","GHA","UNMISS",' + ",".join(map(str, counts))
             for n, counts in enumerate(rows, start=1)]
    imported_or_refused(peacekeeping_gender.import_file, write("\n".join([header, *lines]) + "\n"))
    assert shares_are_possible()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, min_size=len(PADD_COLUMNS) - 4, max_size=len(PADD_COLUMNS) - 4),
                     min_size=1, max_size=3))
def test_it_never_stores_a_padd_share_outside_0_to_100(db, rows):
    lines = [",".join(["Testland", str(100 + n), f"2001-05-0{n + 1}", "SubComp", *cells])
             for n, cells in enumerate(rows)]
    imported_or_refused(padd.import_file, write("\n".join([",".join(PADD_COLUMNS), *lines]) + "\n"))
    assert shares_are_possible()
