"""The layouts listing missions first: 2019-11..2021-01 and 2021-02..2025-06.

Each page: a title with the date ("... Troops 30/11/2019" or "As of: 28/02/2021"), the column header
("Mission Country|Contributor [Description|Personnel Type] Male Female Total [Post]"), then, per
mission, its code alone on a line, its detail rows and its total: "Total BINUH 10 3 13" from 2021-02,
an unlabelled "6 5 11" before. The report ends with its grand total ("Grand Total 55118 6181 61299";
2019-12..2020-01 print the number of detail rows first; 2019-11 prints only that number).

A detail row is a country, a personnel label and three figures, but wrapped cells split it over lines
in several ways: the country alone on the line before its first row (and then not repeated for the
country's other types), a long name over two lines ("United Republic of" / "Tanzania"), the label
after the figures ("Benin 1 0 1 Individual Police", 2019-11) or on the next line ("10 4 14" /
"Staff Officer"). So text and figures are gathered line by line until the text ends with a label
and three figures are there; the text before the label, if any, is the country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from criticalmass.lib.un_reports.check import Parsed, RawRow
from criticalmass.lib.un_reports.labels import NUMBER, TRIPLE, label_pattern, printed_date, to_int
from criticalmass.lib.un_reports.pdftext import Line
from criticalmass.lib.un_reports.types import ReportError, Where

LONG_LABELS = ["Experts on Mission", "Formed Police Units", "Individual Police", "Staff Officer", "Troops",
               "FPU", "Contingent Troops"]
SHORT_LABELS = ["contingent", "experts", "police", "staff", "fpu"]

HEADER = re.compile(r"^Mission (Country|Contributor) ")
FOOTER = re.compile(r"^(Report Generated On\b.*|Page \d+ of \d+|[AP]M|[AP]M Page \d+ of \d+)$")
MISSION = re.compile(r"^[A-Z][A-Z0-9-]{2,}$")
MISSION_TOTAL = re.compile(rf"^Total ([A-Z][A-Z0-9-]+) {TRIPLE}$")
GRAND_TOTAL = re.compile(rf"^(?:Grand Total |({NUMBER}) )?{TRIPLE}$")
FIGURES = re.compile(rf"^(.*?)\s*\b{TRIPLE}\b\s*(.*)$")
ROW_COUNT = re.compile(r"^(\d+)$")


@dataclass
class Pending:
    """The parts of a detail row read so far."""

    texts: list[str] = field(default_factory=list)
    figures: tuple[int, int, int] | None = None
    where: Where | None = None

    @property
    def empty(self) -> bool:
        return not self.texts and self.figures is None


@dataclass
class State:
    parsed: Parsed
    labelled_totals: bool
    row_end: re.Pattern[str]
    mission: str | None = None
    mission_rows: list[RawRow] = field(default_factory=list)
    country: str | None = None
    pending: Pending = field(default_factory=Pending)
    ended: bool = False


def read(pages: list[list[Line]], layout: str) -> Parsed:
    labelled = layout == "by-mission-2021"
    labels = LONG_LABELS if labelled or _labels_after_figures(pages) else SHORT_LABELS
    state = State(Parsed(layout=layout, has_missions=True), labelled_totals=labelled,
                  row_end=re.compile(rf"^(.*?)\s*\b({label_pattern(labels)})$"))
    for lines in pages:
        body = _body(lines, state.parsed)
        for line in body:
            _read_line(state, line)
    if not state.pending.empty:
        _refuse_pending(state.pending)
    if not state.ended:
        where = pages[-1][-1].where if pages and pages[-1] else None
        raise ReportError("the report ends without its grand total", where)
    return state.parsed


def _labels_after_figures(pages: list[list[Line]]) -> bool:
    return any(line.text.endswith(" Post") for line in pages[0][:8])


def _body(lines: list[Line], parsed: Parsed) -> list[Line]:
    """The lines after the page's column header, the page's date read from the lines before it."""
    for index, line in enumerate(lines):
        if HEADER.match(line.text):
            _read_date(lines[:index], parsed)
            return [line for line in lines[index + 1:] if not FOOTER.match(line.text)]
    raise ReportError("no column header (Mission, Country, Male, Female, Total) on this page",
                      lines[0].where if lines else None)


def _read_date(title: list[Line], parsed: Parsed) -> None:
    for line in title:
        if re.search(r"\d{1,2}/\d{1,2}/\d{4}", line.text):
            month = printed_date(line.text, line.where)
            if parsed.month is None:
                parsed.month, parsed.month_where = month, line.where
            elif month != parsed.month:
                raise ReportError(f"this page is dated {month}, the report {parsed.month}", line.where)
            return
    if parsed.month is None:
        raise ReportError("no printed date (as of) above the table", title[0].where if title else None)


def _read_line(state: State, line: Line) -> None:
    text = line.text
    if state.ended:
        raise ReportError(f"{text!r} after the grand total", line.where)
    if not state.pending.empty and (MISSION_TOTAL.match(text) or MISSION.match(text)
                                    or text.startswith("Grand Total")):
        _refuse_pending(state.pending)
    if state.pending.empty and _read_total(state, line):
        return
    if state.pending.empty and MISSION.match(text):
        if state.mission is not None and state.mission_rows:
            raise ReportError(f"mission {text} starts before the total of {state.mission}", line.where)
        state.mission, state.mission_rows, state.country = text, [], None
        return
    _gather(state, line)


def _refuse_pending(pending: Pending) -> None:
    """A detail row that never found its personnel type (or its figures)."""
    text = " ".join(pending.texts)
    if pending.figures is None:
        raise ReportError(f"a detail row without its figures: {text!r}", pending.where)
    raise ReportError(f"unknown personnel type in {text!r}", pending.where)


def _read_total(state: State, line: Line) -> bool:
    if found := MISSION_TOTAL.match(line.text):
        if found[1] != state.mission:
            raise ReportError(f"total of {found[1]} inside mission {state.mission}", line.where)
        _close_mission(state, [to_int(found[n]) for n in (2, 3, 4)], line.where)
        return True
    if line.text.startswith("Grand Total") or (not state.labelled_totals and state.mission is None):
        return _read_grand_total(state, line)
    if not state.labelled_totals and (found := re.match(rf"^{TRIPLE}$", line.text)):
        _close_mission(state, [to_int(found[n]) for n in (1, 2, 3)], line.where)
        return True
    return False


def _close_mission(state: State, printed: list[int], where: Where) -> None:
    if state.mission is None:
        raise ReportError("a mission total without a mission", where)
    state.parsed.check(f"total of {state.mission}", printed, state.mission_rows, where)
    state.mission, state.mission_rows, state.country = None, [], None


def _read_grand_total(state: State, line: Line) -> bool:
    if found := ROW_COUNT.match(line.text):
        _check_count(state, int(found[1]), line.where)
    elif found := GRAND_TOTAL.match(line.text):
        if found[1]:
            _check_count(state, int(found[1]), line.where)
        printed = [to_int(found[n]) for n in (2, 3, 4)]
        state.parsed.check("grand total", printed, state.parsed.rows, line.where)
    else:
        return False
    state.ended = True
    return True


def _check_count(state: State, printed: int, where: Where) -> None:
    if printed != len(state.parsed.rows):
        raise ReportError(f"the report prints {printed} rows, but {len(state.parsed.rows)} were read", where)
    state.parsed.totals_checked += 1


def _gather(state: State, line: Line) -> None:
    pending = state.pending
    if pending.where is None:
        pending.where = line.where
    found = FIGURES.match(line.text)
    if found:
        if pending.figures is not None:
            _refuse_pending(pending)  # a second row's figures before the first found its type
        pending.figures = (to_int(found[2]), to_int(found[3]), to_int(found[4]))
        pending.texts += [part for part in (found[1], found[5]) if part]
    else:
        pending.texts.append(line.text)
    if pending.figures is not None:
        _emit_if_complete(state, line.where)


def _emit_if_complete(state: State, where: Where) -> None:
    pending = state.pending
    found = state.row_end.match(" ".join(pending.texts))
    if found is None or pending.figures is None:
        return
    if found[1]:
        state.country = found[1]
    if state.mission is None or state.country is None:
        raise ReportError(f"a {found[2]} row outside a mission or country", pending.where or where)
    male, female, total = pending.figures
    row = RawRow(state.mission, state.country, found[2], male, female, total, pending.where or where)
    state.parsed.add_row(row)
    state.mission_rows.append(row)
    state.pending = Pending()
