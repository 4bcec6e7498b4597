"""Parsing an IATI XML file safely, keeping the line each element starts on.

defusedxml refuses entity declarations (the "billion laughs") and external references instead of
expanding them; a file over MAX_BYTES is refused before it is read. Either refusal, or XML that is
not well-formed, refuses the whole file: nothing of it is imported.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from criticalmass.lib.csvread import FormatError

MAX_BYTES = 200 * 1024 * 1024  # IATI publishers split files well below this (the Registry asks < 40 MB)


class LineBuilder(ET.TreeBuilder):
    """Keeps the line each element starts on (C elements take no attributes, so by id)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def parse_xml(path: Path) -> tuple[ET.Element, dict[int, int]]:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FormatError(f"{path.name} is {size:,} bytes, over the {MAX_BYTES:,} this importer reads; "
                          "split it as IATI publishers do")
    builder = LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                parser.feed(block)
        return parser.close(), builder.lines
    except DefusedXmlException:
        raise FormatError(f"{path.name} declares a DTD or entities, which IATI files never need; "
                          "refused for safety") from None
    except ET.ParseError as exc:
        raise FormatError(f"{path.name} is not well-formed XML ({exc})") from None
