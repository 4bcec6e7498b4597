"""Sections that other apps add to a process's page, so the foundation never imports them.

An app registers a function in its AppConfig.ready(); the function gets the Process and returns
a Panel to show, or None when it has nothing for that process. The process page renders each
panel's template with the panel as `panel`.
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
_process_panels: list[PanelFunction] = []


def register_process_panel(function: PanelFunction) -> PanelFunction:
    if function not in _process_panels:
        _process_panels.append(function)
    return function


def process_panels(process: Any) -> list[Panel]:
    return [panel for function in _process_panels if (panel := function(process)) is not None]
