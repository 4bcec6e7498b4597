"""The text of a report's PDF, line by line, as pdfium extracts it (see reader.py for why pdfium)."""

from __future__ import annotations

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
