"""Other apps add sections to a process's page through core.sections, never through parity's code."""

from __future__ import annotations

from criticalmass.core import sections
from criticalmass.core.sections import Section


def test_it_shows_the_sections_whose_function_has_something_and_skips_the_rest(monkeypatch):
    monkeypatch.setattr(sections, "_sections", {})
    sections.register_process_section(lambda process: Section("One", "one.html", {"p": process}))
    sections.register_process_section(lambda process: None)
    assert sections.process_sections("UNMISS") == [Section("One", "one.html", {"p": "UNMISS"})]


def test_it_registers_a_function_once_however_often_an_app_is_readied(monkeypatch):
    monkeypatch.setattr(sections, "_sections", {})

    def panel(process):
        return Section("Once", "once.html")

    sections.register_process_section(panel)
    sections.register_process_section(panel)
    assert len(sections.process_sections(None)) == 1


def test_it_keeps_each_kind_of_pages_sections_apart(monkeypatch):
    monkeypatch.setattr(sections, "_sections", {})
    sections.register_section("plan", lambda plan: Section("Plan", "plan.html", {"plan": plan}))
    assert sections.sections_for("plan", "NAP") == [Section("Plan", "plan.html", {"plan": "NAP"})]
    assert sections.process_sections("UNMISS") == [] and sections.sections_for("event", "summit") == []
