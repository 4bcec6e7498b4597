"""placeholder"""
from __future__ import annotations
from pathlib import Path
from criticalmass.lib.un_reports.check import Parsed
from criticalmass.lib.un_reports.pdftext import Line
from criticalmass.lib.un_reports.types import ReportError


def needs_positions(pages: list[list[Line]]) -> bool:
    return not pages[0][0].text.startswith("Contribution of Uniformed Personnel")


def read(path: Path, pages: list[list[Line]]) -> Parsed:
    raise ReportError("todo")
