"""The by-mission-2021 layout when pdfium's text order is broken (2022-09): read from text boxes.

In 2022-09 pdfium emits a page's merged cells (a country spanning several rows, the mission codes,
"Total MINURSO") after all the other text, so the lines cannot be read in order. The text boxes'
positions are right, though: this reader takes pdfium's text rectangles (`count_rects`, `get_rect`,
`get_text_bounded`: one box per cell line, about 0.1 s more for a 23-page report than the text alone;
pdfplumber's words take 1-2 s) and rebuilds the table top to bottom. Columns come from the x of the
header ("Country ...") and of the detail boxes ("Experts on Mission 3 0 3"). A country printed in a
merged cell sits at the vertical middle of its rows: walking down, it takes the unclaimed rows above
it and as many below (plus the row it sits on, if any). A mission's rows are those up to its "Total
X" row. Every mission total and the grand total are then checked as in every other layout, so a
wrong assignment cannot pass unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from criticalmass.lib.un_reports.by_mission import LONG_LABELS
from criticalmass.lib.un_reports.check import Parsed, RawRow
from criticalmass.lib.un_reports.labels import TRIPLE, label_pattern, printed_date, to_int
from criticalmass.lib.un_reports.pdftext import Line
from criticalmass.lib.un_reports.types import ReportError, Where

DETAIL = re.compile(rf"^({label_pattern(LONG_LABELS)}) {TRIPLE}$")
FIGURES_ONLY = re.compile(rf"^{TRIPLE}$")
TOTAL = re.compile(r"^(?:Total ([A-Z][A-Z0-9-]+)|Grand Total)$")
MISSION_CODE = re.compile(r"^[A-Z][A-Z0-9-]{2,}$")
SAME_ROW = 3.0  # points: boxes whose middles are this close are on one row


@dataclass(frozen=True)
class Box:
    middle: float  # distance from the page's top to the box's vertical middle
    left: float
    text: str
    where: Where


@dataclass
class Row:
    box: Box
    label: str
    figures: tuple[int, int, int]
    country: str | None = None


def needs_positions(pages: list[list[Line]]) -> bool:
    """True when pdfium's text order is broken: the page does not begin with the report's title."""
    return not pages[0][0].text.startswith("Contribution of Uniformed Personnel")


def read(path: Path, pages: list[list[Line]]) -> Parsed:
    parsed = Parsed(layout="by-mission-2021", has_missions=True)
    for line in pages[0]:
        if line.text.startswith("As of"):
            parsed.month, parsed.month_where = printed_date(line.text, line.where), line.where
    if parsed.month is None:
        raise ReportError("no printed date (as of) on the first page", pages[0][0].where)
    document = pdfium.PdfDocument(path)
    try:
        open_rows: list[RawRow] = []
        ended = False
        columns: tuple[float, float] | None = None
        for index in range(len(document)):
            boxes = _boxes(document[index].get_textpage(), index + 1)
            columns = _columns(boxes, columns)
            ended = _read_page(parsed, boxes, columns, open_rows, ended)
    finally:
        document.close()
    if not ended:
        raise ReportError("the report ends without its grand total", pages[-1][-1].where)
    return parsed


def _boxes(textpage: pdfium.PdfTextPage, page: int) -> list[Box]:
    text = textpage.get_text_range()
    boxes = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        content = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if not content:
            continue
        char = textpage.get_index((left + min(right, left + 4)) / 2, (top + bottom) / 2, 2, 2)
        line = text[:char].replace("\r\n", "\n").count("\n") + 1 if char >= 0 else 0
        boxes.append(Box(-(top + bottom) / 2, left, content, Where(page, line)))
    return sorted(boxes, key=lambda box: (round(box.middle), box.left))


def _columns(boxes: list[Box], known: tuple[float, float] | None) -> tuple[float, float]:
    """Where the country column and the personnel type column begin (the first page's header)."""
    header = next((box for box in boxes if box.text.startswith("Country Personnel Type")), None)
    details = [box.left for box in boxes if DETAIL.match(box.text)]
    if header is not None and details:
        return header.left - 5, min(details) - 5
    if known is None:
        raise ReportError("no table header (Country Personnel Type ...) on the first page", boxes[0].where)
    return known


def _read_page(parsed: Parsed, boxes: list[Box], columns: tuple[float, float], open_rows: list[RawRow],
               ended: bool) -> bool:
    country_left, type_left = columns
    title = [box.middle for box in boxes
             if box.text.startswith(("As of", "Country Personnel Type", "Mission"))]
    table = [box for box in boxes if box.middle > max(title, default=-1e9) + SAME_ROW]
    rows = [Row(box, *_detail(box)) for box in table if DETAIL.match(box.text)]
    countries = [box for box in table if country_left <= box.left < type_left
                 and not FIGURES_ONLY.match(box.text) and not box.text.startswith("Report Generated")]
    _assign_countries(rows, countries)
    events: list[tuple[float, Row | Box]] = [(row.box.middle, row) for row in rows]
    events += [(box.middle, box) for box in table if box.left < country_left and TOTAL.match(box.text)]
    for _, event in sorted(events, key=lambda pair: pair[0]):
        if ended:
            raise ReportError("a row after the grand total", _where(event))
        if isinstance(event, Row):
            _add(parsed, event, open_rows)
        else:
            ended = _close(parsed, event, boxes, open_rows)
    return ended


def _detail(box: Box) -> tuple[str, tuple[int, int, int]]:
    found = DETAIL.match(box.text)
    assert found is not None
    return found[1], (to_int(found[2]), to_int(found[3]), to_int(found[4]))


def _where(event: Row | Box) -> Where:
    return event.box.where if isinstance(event, Row) else event.where


def _assign_countries(rows: list[Row], countries: list[Box]) -> None:
    """Each country box takes the rows of its cell: consecutive rows whose middle is the box's middle.
    A cell can run over a page's end: its box, on the first page, sits at the middle of the whole cell
    (below the middle of the rows on that page), and the rows on the next page have no box; the fewest
    such carried rows that let every box on the page have its cell are taken."""
    rows.sort(key=lambda row: row.box.middle)
    labels = sorted(countries, key=lambda box: box.middle)
    middles = [row.box.middle for row in rows]
    for carried in range(len(rows) + 1):
        ends = _cells(middles, [box.middle for box in labels], carried)
        if ends is not None:
            start = carried
            for label, end in zip(labels, ends, strict=True):
                for row in rows[start:end + 1]:
                    row.country = label.text
                start = end + 1
            return
    raise ReportError("the countries' cells cannot be matched to their rows", labels[0].where if labels
                      else rows[0].box.where)


def _cells(rows: list[float], labels: list[float], start: int) -> tuple[int, ...] | None:
    """The last row of each label's cell, the cells covering rows[start:] in order, or None."""
    known: dict[tuple[int, int], tuple[int, ...] | None] = {}

    def ends(label: int, first: int) -> tuple[int, ...] | None:
        if label == len(labels):
            return () if first == len(rows) else None
        if (label, first) not in known:
            known[(label, first)] = None
            for last in range(first, len(rows)):
                middle = (rows[first] + rows[last]) / 2
                if middle > labels[label] + SAME_ROW and not (label == 0 and first == 0):
                    break
                # the page's last cell may go on over the page's end: its middle is lower than its rows'
                overflows = label == len(labels) - 1 and last == len(rows) - 1 and middle <= labels[label]
                # and the page's first cell may have begun on the page before (its box printed again)
                underflows = label == 0 and first == 0 and middle >= labels[label]
                if (abs(middle - labels[label]) <= SAME_ROW or overflows or underflows) \
                        and (rest := ends(label + 1, last + 1)) is not None:
                    known[(label, first)] = (last, *rest)
                    break
        return known[(label, first)]

    return ends(0, start)


def _add(parsed: Parsed, row: Row, open_rows: list[RawRow]) -> None:
    if row.country is None:
        if not open_rows:
            raise ReportError(f"a {row.label} row without its country", row.box.where)
        row.country = open_rows[-1].country  # a country's cell begun on the page before
    raw = RawRow(None, row.country, row.label, *row.figures, row.box.where)
    parsed.add_row(raw)
    open_rows.append(raw)


def _close(parsed: Parsed, label: Box, boxes: list[Box], open_rows: list[RawRow]) -> bool:
    figures = next((box for box in boxes if abs(box.middle - label.middle) <= SAME_ROW
                    and (found := FIGURES_ONLY.match(box.text))), None)
    found = FIGURES_ONLY.match(figures.text) if figures else None
    if found is None:
        raise ReportError(f"{label.text} without its figures", label.where)
    printed = [to_int(found[n]) for n in (1, 2, 3)]
    mission = TOTAL.match(label.text)
    if mission is not None and mission[1]:
        parsed.check(f"total of {mission[1]}", printed, open_rows, label.where)
        done = {id(row) for row in open_rows}
        parsed.rows = [_in_mission(row, mission[1]) if id(row) in done else row for row in parsed.rows]
        open_rows.clear()
        return False
    parsed.check("grand total", printed, parsed.rows, label.where)
    return True


def _in_mission(row: RawRow, mission: str) -> RawRow:
    return RawRow(mission, row.country, row.label, row.male, row.female, row.total, row.where)
