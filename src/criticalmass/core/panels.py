"""Sections that other apps add to a process's page, so the foundation never imports them.

An app registers a function in its AppConfig.ready(); the function gets the Process and returns
a Panel to show, or None when it has nothing for that process. The process page renders each
panel's template with the panel as `panel`.

Other subjects' pages work the same way through register_panel(kind, function) and panels_for(kind,
subject), e.g. kind "plan" for the watchdog's plan page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Panel:
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


PanelFunction = Callable[[Any], "Panel | None"]
_panels: dict[str, list[PanelFunction]] = {}


def register_panel(kind: str, function: PanelFunction) -> PanelFunction:
    registered = _panels.setdefault(kind, [])
    if function not in registered:
        registered.append(function)
    return function


def panels_for(kind: str, subject: Any) -> list[Panel]:
    return [panel for function in _panels.get(kind, []) if (panel := function(subject)) is not None]


def register_process_panel(function: PanelFunction) -> PanelFunction:
    return register_panel("process", function)


def process_panels(process: Any) -> list[Panel]:
    return panels_for("process", process)
