"""The layouts listing countries first: 2015-01..2017-04, 2016-11, 2017-05..2018-02, 2018-03..2019-08.

summary-2015: "Albania" alone, then "UNMISS Individual Police 3 0 3" (male, female, total, though the
header prints "Totals M F"), further types of the same mission without its code, "UNMISS 3" (the
mission's total), "Albania 3" (the country's total). No grand total.
mission-post-2017: "1 Algeria", "MONUSCO", "Experts on Mission 5 0 5", then either "Total for Country
5 0 5" (2017-05) or "MONUSCO 5" and "Algeria 5 0 5" (2017-06..2018-02); "Grand Total 92,520 4097 96,617".
country-post-2018: "1 Algeria", "1 0 1 Experts on Mission" (figures first, sometimes two rows on one
line), "Total for Country 1 0 1", "Total 86,723 4,335 91,058". No missions.
mission-detail-2016 (2016-11 only): per mission, pdfium gives five lines of figures then the four
labels: "5 0 5", "0 0 0", "0 0", "0 0 0", "0". The boxes' positions (measured once, page 1) show the
order on the page: experts on mission, contingent troops, individual police (male and female on the
third line, its total on the fifth), formed police units (fourth). "Total for Mission" checks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from criticalmass.lib.un_reports.check import Parsed, RawRow
from criticalmass.lib.un_reports.labels import NUMBER, TRIPLE, label_pattern, printed_date, to_int
from criticalmass.lib.un_reports.pdftext import Line, join_broken_figures
from criticalmass.lib.un_reports.types import ReportError, Where

LABELS = label_pattern(["Contingent Troops", "Contingent Troop", "Individual Police", "Ind Police",
                        "Experts on Mission", "Formed Police Units", "Staff Officer", "FPU", "Troops"])
HEADER = re.compile(r"^Country (?:UN )?(?:Mission|Name) .*?(?:Totals M F|TOTAL|Total)(?: (.+))?$")
FOOTER = re.compile(r"^Page \d+ of \d+$")
MISSION = re.compile(r"^[A-Z][A-Z0-9-]{2,}$")
NUMBERED_COUNTRY = re.compile(r"^\d+ (\D+)$")
ROW = re.compile(rf"^(?:([A-Z][A-Z0-9-]{{2,}}) )?({LABELS}) {TRIPLE}$")
TOTAL_ONLY_ROW = re.compile(rf"^(?:([A-Z][A-Z0-9-]{{2,}}) )?({LABELS}) ({NUMBER})$")
BLANK_ROW = re.compile(rf"^(?:([A-Z][A-Z0-9-]{{2,}}) )?({LABELS})$")
ROWS_FIGURES_FIRST = re.compile(rf"{TRIPLE} ({LABELS})")
NAMED_FIGURES = re.compile(rf"^(\D+?) ((?:{NUMBER})(?: (?:{NUMBER}))*)$")
TOTAL_LABELS = r"(?:Total for Country|Grand Total|Total)$"
AWAITS = {"summary-2015": re.compile(rf"(?:{LABELS}|{TOTAL_LABELS})$"),
          "mission-post-2017": re.compile(rf"(?:{LABELS}|{TOTAL_LABELS})$"),
          "country-post-2018": re.compile(rf"^{TOTAL_LABELS}")}
DETAIL_2016_SHAPE = [3, 3, 2, 3, 1]
DETAIL_2016_LABELS = {"Experts on Mission", "Contingent Troops", "Formed Police Units", "Ind Police"}


@dataclass
class State:
    parsed: Parsed
    country: str | None = None
    country_rows: list[RawRow] = field(default_factory=list)
    mission: str | None = None
    mission_rows: list[RawRow] = field(default_factory=list)
    figures: list[list[int]] = field(default_factory=list)
    ended: bool = False

    def add(self, label: str, male: int, female: int, total: int, where: Where) -> None:
        if self.country is None:
            raise ReportError(f"a {label} row before any country", where)
        row = RawRow(self.mission, self.country, label, male, female, total, where)
        self.parsed.add_row(row)
        self.country_rows.append(row)
        self.mission_rows.append(row)

    def new_country(self, name: str, where: Where) -> None:
        if self.country_rows and self.parsed.layout != "mission-detail-2016":
            raise ReportError(f"{name} starts before the total of {self.country}", where)
        self.country, self.country_rows, self.mission, self.mission_rows = name, [], None, []


def read(pages: list[list[Line]], layout: str) -> Parsed:
    state = State(Parsed(layout=layout, has_missions=layout != "country-post-2018"))
    for lines in pages:
        body = _body(lines, state.parsed)
        for line in body if layout == "mission-detail-2016" else join_broken_figures(body, AWAITS[layout]):
            if state.ended:
                raise ReportError(f"{line.text!r} after the grand total", line.where)
            READERS[layout](state, line)
    if layout != "summary-2015" and not state.ended:
        raise ReportError("the report ends without its grand total", pages[-1][-1].where)
    if layout == "summary-2015" and state.country_rows:
        raise ReportError(f"the report ends without the total of {state.country}", pages[-1][-1].where)
    return state.parsed


def _body(lines: list[Line], parsed: Parsed) -> list[Line]:
    for index, line in enumerate(lines):
        if HEADER.match(line.text):
            if parsed.month is None:
                _read_date(lines[:index], parsed)
            found = HEADER.match(line.text)
            glued = [Line(line.page, line.number, found[1])] if found and found[1] else []
            return [line for line in glued + lines[index + 1:] if not FOOTER.match(line.text)]
    raise ReportError("no column header (Country, Mission, ...) on this page", lines[0].where)


def _read_date(title: list[Line], parsed: Parsed) -> None:
    for line in title:
        if re.search(r"Month of Report|\d/\d{4}|by End of", line.text):
            parsed.month, parsed.month_where = printed_date(line.text, line.where), line.where
            return
    raise ReportError("no printed date above the table", title[0].where if title else None)


def _summary_2015(state: State, line: Line) -> None:
    if (found := TOTAL_ONLY_ROW.match(line.text)) or (found := BLANK_ROW.match(line.text)):
        if found.lastindex == 3 and to_int(found[3]) != 0:
            raise ReportError(f"a {found[2]} row without male and female figures", line.where)
        if found[1] and found[1] != state.mission:
            state.mission, state.mission_rows = found[1], []
        return  # "Individual Police 0" or "Contingent Troop" alone: a row of nobody
    if found := ROW.match(line.text):
        if found[1] and found[1] != state.mission:  # a new page repeats the mission's code
            state.mission, state.mission_rows = found[1], []
        elif state.mission is None:
            raise ReportError(f"a {found[2]} row without its mission", line.where)
        state.add(found[2], to_int(found[3]), to_int(found[4]), to_int(found[5]), line.where)
    elif (found := NAMED_FIGURES.match(line.text)) and (name := _named(state, found[1])):
        _check_named_total(state, name, [to_int(part) for part in found[2].split()], line.where)
    elif re.search(r"\d", line.text):
        raise ReportError(f"a line this reader cannot read: {line.text!r}", line.where)
    elif line.text == state.mission and not any(row.total for row in state.mission_rows):
        state.mission, state.mission_rows = None, []  # the total of a mission of nobody, left blank
    elif state.country_rows:
        raise ReportError(f"{line.text} starts before the total of {state.country}", line.where)
    elif state.country and not state.country_rows:
        state.country = f"{state.country} {line.text}"  # a name wrapped over two lines
    else:
        state.new_country(line.text, line.where)


def _named(state: State, printed: str) -> str | None:
    """The mission or country a total names, the name maybe cut short ("MINUJUST", "Bosnia and Herzeg")."""
    for name in (state.mission, state.country):
        if name and len(printed) >= 4 and name.startswith(printed):
            return name
    return None


def _check_named_total(state: State, name: str, printed: list[int], where: Where) -> None:
    if name == state.mission:
        state.parsed.check(f"total of {name} for {state.country}", printed, state.mission_rows, where)
        state.mission, state.mission_rows = None, []
    else:
        state.parsed.check(f"total of {name}", printed, state.country_rows, where)
        state.country, state.country_rows, state.mission, state.mission_rows = None, [], None, []


def _grand_total(state: State, line: Line) -> bool:
    found = re.match(rf"^(?:Grand )?Total ((?:{NUMBER})(?: (?:{NUMBER}))*)$", line.text)
    if found is None:
        return False
    printed = [to_int(part) for part in found[1].split()]
    state.parsed.check("grand total", printed, state.parsed.rows, line.where)
    state.ended = True
    return True


def _country_total(state: State, line: Line) -> bool:
    found = re.match(rf"^Total for Country {TRIPLE}$", line.text)
    if found is None:
        return False
    state.parsed.check(f"total of {state.country}", [to_int(found[n]) for n in (1, 2, 3)],
                       state.country_rows, line.where)
    state.country, state.country_rows, state.mission, state.mission_rows = None, [], None, []
    return True


def _mission_post_2017(state: State, line: Line) -> None:
    if _grand_total(state, line) or _country_total(state, line):
        return
    if found := NUMBERED_COUNTRY.match(line.text):
        state.new_country(found[1], line.where)
    elif MISSION.match(line.text):
        state.mission, state.mission_rows = line.text, []
    elif found := ROW.match(line.text):
        if state.mission is None or found[1]:
            raise ReportError(f"a {found[2]} row without its mission", line.where)
        state.add(found[2], to_int(found[3]), to_int(found[4]), to_int(found[5]), line.where)
    elif (found := NAMED_FIGURES.match(line.text)) and (name := _named(state, found[1])):
        _check_named_total(state, name, [to_int(part) for part in found[2].split()], line.where)
    elif (found := re.match(rf"^{TRIPLE}$", line.text)) and state.country and state.mission is None:
        _check_named_total(state, state.country, [to_int(found[n]) for n in (1, 2, 3)], line.where)
    else:
        raise ReportError(f"a line this reader cannot read: {line.text!r}", line.where)


def _country_post_2018(state: State, line: Line) -> None:
    if _grand_total(state, line) or _country_total(state, line):
        return
    if found := NUMBERED_COUNTRY.match(line.text):
        state.new_country(found[1], line.where)
        return
    rows = ROWS_FIGURES_FIRST.findall(line.text)
    if not rows or ROWS_FIGURES_FIRST.sub("", line.text).strip():
        raise ReportError(f"a line this reader cannot read: {line.text!r}", line.where)
    for male, female, total, label in rows:
        state.add(label, to_int(male), to_int(female), to_int(total), line.where)


def _mission_detail_2016(state: State, line: Line) -> None:
    if _grand_total(state, line):
        return
    if found := re.match(rf"^Total for Mission {TRIPLE}$", line.text):
        _close_detail_2016(state, [to_int(found[n]) for n in (1, 2, 3)], line.where)
    elif found := NUMBERED_COUNTRY.match(line.text):
        state.new_country(found[1], line.where)
    elif MISSION.match(line.text):
        state.mission, state.mission_rows, state.figures = line.text, [], []
    elif re.fullmatch(rf"(?:{NUMBER})(?: (?:{NUMBER}))*", line.text):
        state.figures.append([to_int(part) for part in line.text.split()])
    elif line.text not in DETAIL_2016_LABELS:
        raise ReportError(f"a line this reader cannot read: {line.text!r}", line.where)


def _close_detail_2016(state: State, printed: list[int], where: Where) -> None:
    shape = [len(figures) for figures in state.figures]
    if shape != DETAIL_2016_SHAPE or state.mission is None:
        raise ReportError(f"the figures of {state.mission} for {state.country} come in lines of {shape}, "
                          f"not {DETAIL_2016_SHAPE}", where)
    experts, troops, police, formed, police_total = state.figures
    for label, (male, female, total) in (("Experts on Mission", experts), ("Contingent Troops", troops),
                                         ("Ind Police", (*police, police_total[0])),
                                         ("Formed Police Units", formed)):
        state.add(label, male, female, total, where)
    state.parsed.check(f"total of {state.mission} for {state.country}", printed, state.mission_rows, where)
    state.mission, state.mission_rows, state.figures = None, [], []


READERS = {"summary-2015": _summary_2015, "mission-post-2017": _mission_post_2017,
           "country-post-2018": _country_post_2018, "mission-detail-2016": _mission_detail_2016}
