"""A slice of the real Gender.Full.csv, rewritten in IPI's other layout with its flaws, imports the same."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from criticalmass.importers.base import SourceChoice
from criticalmass.importers.peacekeeping_gender import import_file
from criticalmass.importers.peacekeeping_gender.reader import COUNT_COLUMNS
from tests.importers.test_peacekeeping_layouts import figures
from tests.importers.test_real_data import csv_rows, real_file

pytestmark = pytest.mark.realdata

MONTHS = ("2013-11-30", "2013-12-31", "2014-01-31", "2014-02-28")


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def other_layout(rows: list[dict[str, str]]) -> tuple[list[str], list[list[str]], dict[str, int]]:
    """The rows in the other layout, with aggregate rows, NA, apostrophes and copies; and how many of each."""
    header = [name.replace(" ", "_") for name in ["Date", "Contributor", "Contributor ISO-3", "Mission",
                                                  *COUNT_COLUMNS]]
    out: list[list[str]] = []
    flaws = {"na": 0, "apostrophes": 0, "copied": 0}
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(COUNT_COLUMNS))
    for n, row in enumerate(rows):
        counts = [row[column] for column in COUNT_COLUMNS]
        for scope in ((row["Date"], row["Mission"]), (row["Date"], "all")):
            sums[scope] = [a + int(b) for a, b in zip(sums[scope], counts, strict=True)]
        if n % 7 == 0 and counts[3:6] == ["0", "0", "0"]:  # formed police units not deployed: NA
            counts[3:6] = ["NA"] * 3
            flaws["na"] += 1
        iso3 = row["Contributor ISO-3"]
        if n % 50 == 0:
            iso3 += "'"
            flaws["apostrophes"] += 1
        cells = [row["Date"], row["Contributor"], iso3, row["Mission"], *counts]
        out.append(cells)
        if row["Date"] >= "2014-01-31" and n % 20 == 0:  # repeated in later months, two or three times
            out += [cells] * (1 + n % 2)
            flaws["copied"] += 1
    for (date, mission), total in sorted(sums.items()):
        out.append([date, "all", "all", mission, *map(str, total)])
    return header, out, flaws


def test_it_imports_a_real_slice_in_the_other_layout_with_the_same_figures(db, data_dir, tmp_path):
    rows = [row for row in csv_rows(real_file(data_dir, "un_pko_gender_ipi/Gender.Full.csv"))
            if row["Date"] in MONTHS]
    first = write(tmp_path / "first.csv", list(rows[0]), [list(row.values()) for row in rows])
    nobody = [message for _, message in import_file(first).warnings]
    assert set(nobody) == {"the row counts nobody in any category; no observation is stored for it"}
    expected = figures()
    header, other, flaws = other_layout(rows)
    path = write(tmp_path / "other.csv", header, other)
    summary = import_file(path, choice=SourceChoice(label="other layout"))
    assert figures(source="ipi-peacekeeping-gender@other-layout") == expected
    assert flaws["na"] > 0 and flaws["copied"] > 0
    messages = [message for _, message in summary.warnings]
    assert sum("stray apostrophe" in message for message in messages) == len(
        {row["Contributor ISO-3"] for n, row in enumerate(rows) if n % 50 == 0})
    assert sum("repeated exactly" in message for message in messages) == flaws["copied"]
    assert sum("no observation is stored for it" in message for message in messages) == len(nobody)
    flagged = sum("stray apostrophe" in message or "repeated exactly" in message for message in messages)
    assert len(messages) == len(nobody) + flagged  # and no aggregate row differs from its detail rows


def test_it_reports_a_real_aggregate_row_that_differs_from_its_detail_rows(db, data_dir, tmp_path):
    rows = [row for row in csv_rows(real_file(data_dir, "un_pko_gender_ipi/Gender.Full.csv"))
            if row["Date"] == MONTHS[-1]]
    header, other, _ = other_layout(rows)
    world = other[-1]
    assert world[1:4] == ["all", "all", "all"]
    world[-2] = str(int(world[-2]) + 1)  # Total Female one more than the detail rows
    summary = import_file(write(tmp_path / "other.csv", header, other))
    line = len(other) + 1
    assert [(n, m) for n, m in summary.warnings if "aggregate row" in m] == [
        (line, f"aggregate row (all missions, 2014-02-28) says Total Female {world[-2]} where the detail "
               f"rows add up to {int(world[-2]) - 1}; aggregate rows are not stored"),
    ]
