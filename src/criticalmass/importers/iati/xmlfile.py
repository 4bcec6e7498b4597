"""Parsing an IATI XML file safely and as a stream, keeping the line each element starts on.

defusedxml refuses entity declarations (the "billion laughs") and external references instead of
expanding them; a file over the XML limit of lib.limits is refused before it is read. Either refusal,
or XML that is not well-formed, refuses the whole file: nothing of it is imported.

The file is read in 64 kB blocks and each `<iati-activity>` is handed over as soon as it is complete,
then emptied: memory holds one activity's elements at a time, not the file's tree (a 200 MB file took
2.4 GB as a tree).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from criticalmass.lib.csvread import FormatError
from criticalmass.lib.limits import check_size

BLOCK = 1 << 16


@dataclass
class Root:
    """The file's root element: its tag and attributes (version, generated-datetime)."""

    tag: str = ""
    attrib: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        return self.attrib.get(name)


class StreamBuilder(ET.TreeBuilder):
    """Keeps the line each element starts on (C elements take no attributes, so by id), and sets each
    complete child of the root with the tag asked for aside, to be handed over."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag, self.depth, self.root = tag, 0, Root()
        self.lines: dict[int, int] = {}
        self.complete: list[ET.Element] = []
        self.parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        if self.depth == 0:
            self.root = Root(tag, dict(attrs))
        self.depth += 1
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> ET.Element:
        element = super().end(tag)
        self.depth -= 1
        if self.depth == 1 and tag == self.tag:
            self.complete.append(element)
        return element

    def handed_over(self, element: ET.Element) -> None:
        for part in element.iter():
            self.lines.pop(id(part), None)
        element.clear()


class XmlStream:
    """Each child `<tag>` of the root, complete, with the lines of its elements; `root` is the file's root
    once the first element has been read (all of the file, for a file with no such child)."""

    def __init__(self, path: Path, tag: str) -> None:
        check_size(path)
        self.path, self.builder = path, StreamBuilder(tag)

    @property
    def root(self) -> Root:
        return self.builder.root

    def __iter__(self) -> Iterator[tuple[ET.Element, dict[int, int]]]:
        parser = DefusedXMLParser(target=self.builder, forbid_dtd=True)
        self.builder.parser = parser
        try:
            with self.path.open("rb") as handle:
                for block in iter(lambda: handle.read(BLOCK), b""):
                    parser.feed(block)
                    yield from self._hand_over()
            parser.close()
            yield from self._hand_over()
        except DefusedXmlException:
            raise FormatError(f"{self.path.name} declares a DTD or entities, which IATI files never need; "
                              "refused for safety") from None
        except ET.ParseError as exc:
            raise FormatError(f"{self.path.name} is not well-formed XML ({exc})") from None

    def _hand_over(self) -> Iterator[tuple[ET.Element, dict[int, int]]]:
        complete, self.builder.complete = self.builder.complete, []
        for element in complete:
            yield element, self.builder.lines
            self.builder.handed_over(element)
