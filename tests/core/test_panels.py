"""Other apps add sections to a process's page through core.panels, never through parity's code."""

from __future__ import annotations

from criticalmass.core import panels
from criticalmass.core.panels import Panel


def test_it_shows_the_panels_whose_function_has_something_and_skips_the_rest(monkeypatch):
    monkeypatch.setattr(panels, "_panels", {})
    panels.register_process_panel(lambda process: Panel("One", "one.html", {"p": process}))
    panels.register_process_panel(lambda process: None)
    assert panels.process_panels("UNMISS") == [Panel("One", "one.html", {"p": "UNMISS"})]


def test_it_registers_a_function_once_however_often_an_app_is_readied(monkeypatch):
    monkeypatch.setattr(panels, "_panels", {})

    def panel(process):
        return Panel("Once", "once.html")

    panels.register_process_panel(panel)
    panels.register_process_panel(panel)
    assert len(panels.process_panels(None)) == 1


def test_it_keeps_each_kind_of_pages_panels_apart(monkeypatch):
    monkeypatch.setattr(panels, "_panels", {})
    panels.register_panel("plan", lambda plan: Panel("Plan", "plan.html", {"plan": plan}))
    assert panels.panels_for("plan", "NAP") == [Panel("Plan", "plan.html", {"plan": "NAP"})]
    assert panels.process_panels("UNMISS") == [] and panels.panels_for("event", "summit") == []
