"""Doors sections on a mission's or negotiation's page (core.sections): women's share of its leadership
posts against the target, and the "nothing about us without us" check."""

from __future__ import annotations

from django.urls import reverse

from criticalmass.core.sections import Section
from criticalmass.doors import figures
from criticalmass.parity.models import Process

KINDS = {Process.Kind.OPERATION, Process.Kind.NEGOTIATION}


def leadership_section(process: Process) -> Section | None:
    if process.kind not in KINDS or not process.posts.exists():
        return None
    found = figures.leadership_table(process)
    found.table.csv_url = reverse("doors:leadership_csv", args=[process.slug])
    return Section("Women in its leadership posts", "doors/_leadership.html", {"leadership": found})


def without_us_section(process: Process) -> Section | None:
    if process.kind not in KINDS:
        return None
    return Section("Nothing about us without us", "doors/_without_us.html",
                   {"check": figures.without_us(process)})
