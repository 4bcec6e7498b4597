"""The text of a report's PDF, line by line, as pdfium extracts it (see reader.py for why pdfium)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from criticalmass.lib.un_reports.types import ReportError, Where


@dataclass(frozen=True)
class Line:
    """One line of a page's extracted text, spaces trimmed, with where it is (1-based)."""

    page: int
    number: int
    text: str

    @property
    def where(self) -> Where:
        return Where(self.page, self.number)


def page_lines(page: int, text: str) -> list[Line]:
    """The non-empty lines of one page's text (pdfium ends lines with CR LF)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [Line(page, number, line.strip()) for number, line in enumerate(lines, start=1) if line.strip()]


def read_lines(path: Path) -> list[list[Line]]:
    """Every page's lines, in the PDF's own text order."""
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        raise ReportError(f"{path.name} is not a readable PDF: {error}") from error
    try:
        return [page_lines(index + 1, document[index].get_textpage().get_text_range())
                for index in range(len(document))]
    finally:
        document.close()


_TRAILING_FIGURES = re.compile(r"(?:^|\s)((?:[\d,]+\s+)*[\d,]+)$")
_LEADING_FIGURES = re.compile(r"^((?:[\d,]+\s+)*[\d,]+)(?:\s|$)")


def trailing_figure_count(text: str) -> int:
    found = _TRAILING_FIGURES.search(text)
    return len(found[1].split()) if found else 0


def leading_figure_count(text: str) -> int:
    found = _LEADING_FIGURES.match(text)
    return len(found[1].split()) if found else 0


def join_broken_figures(lines: list[Line], awaits_figures: re.Pattern[str]) -> list[Line]:
    """Lines whose row of three figures pdfium broke ("Contingent Troops 117" / "3 120", "29" / "8 37
    Individual Police", "Total for Country" / "63 35 98") joined again: a line starting with figures
    is joined to the line before when that one ends in figures, or in text that `awaits_figures`,
    and the two together make at most three figures. The joined line keeps the first line's place."""
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        leading = leading_figure_count(line.text)
        if previous is not None and leading:
            trailing = trailing_figure_count(previous.text)
            if (trailing or awaits_figures.search(previous.text)) and trailing + leading <= 3:
                joined[-1] = Line(previous.page, previous.number, f"{previous.text} {line.text}")
                continue
        joined.append(line)
    return joined
