"""Page sections that other apps add to a page, so the app that owns the page never imports them.

An app registers a function in its AppConfig.ready(); the function gets the page's subject (a
Process, a Plan, an Event) and returns a Section to show, or None when it has nothing for it. The
page renders each section's template with the section as `panel`.

register_section(kind, function) and sections_for(kind, subject) do this for any kind of page
("process", "plan", "event"); register_process_section and process_sections for a process's page.
(Conference panels, the all-male-panel kind, are lib.panels and the events app: another word.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


SectionFunction = Callable[[Any], "Section | None"]
_sections: dict[str, list[SectionFunction]] = {}


def register_section(kind: str, function: SectionFunction) -> SectionFunction:
    registered = _sections.setdefault(kind, [])
    if function not in registered:
        registered.append(function)
    return function


def sections_for(kind: str, subject: Any) -> list[Section]:
    return [found for function in _sections.get(kind, []) if (found := function(subject)) is not None]


def register_process_section(function: SectionFunction) -> SectionFunction:
    return register_section("process", function)


def process_sections(process: Any) -> list[Section]:
    return sections_for("process", process)
