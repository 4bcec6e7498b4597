"""The main menu: which item is the current page's, read from the URL's name, never from its text.

Each menu item names the URL namespaces (or "namespace:url_name" prefixes) it covers; the first match
wins, so a more precise entry goes before a namespace that also covers it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

MENU_SECTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("negotiations", ("parity:negotiation",)),
    ("targets", ("parity:polic",)),
    ("sources", ("parity:source",)),
    ("operations", ("parity:",)),
    ("agreements", ("agreements:",)),
    ("plans", ("watchdog:", "protection:")),
    ("charter", ("charter:",)),
    ("panels", ("events:",)),
    ("hub", ("hub:", "briefings:")),
    ("grants", ("grants:",)),
    ("awards", ("awards:",)),
]


def section_of(view_name: str) -> str:
    """The menu item of a URL name such as "parity:mission"; "" when no item covers it."""
    for section, prefixes in MENU_SECTIONS:
        if any(view_name.startswith(prefix) for prefix in prefixes):
            return section
    return ""


def current_section(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `menu_section`, the key of the current page's menu item."""
    match = getattr(request, "resolver_match", None)
    return {"menu_section": section_of(match.view_name) if match else ""}
