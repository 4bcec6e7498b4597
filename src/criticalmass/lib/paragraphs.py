"""A Charter text split into numbered paragraphs, for comments made paragraph by paragraph. No Django.

A paragraph is a run of non-blank lines; blank lines (spaces only count as blank) separate them. Lines
of one paragraph are kept as written, trailing spaces dropped. Numbers start at 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str


def split(text: str) -> list[Paragraph]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return [Paragraph(number, "\n".join(lines)) for number, lines in enumerate(blocks, start=1)]
