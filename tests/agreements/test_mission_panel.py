"""A mission's page shows its latest mandates' scores, from the agreements app."""

from __future__ import annotations

import datetime as dt

from criticalmass.agreements.models import Mandate, RubricItem, ScoreEntry


def test_it_shows_a_scored_mandate_on_the_mission_page(client, make_mission, observe):
    unmiss = make_mission("UNMISS", "SSD")
    observe(unmiss, "2024-01-31", "total", women=3, total=60)
    mandate = Mandate.objects.create(process=unmiss, resolution="S/RES/2729 (2024)",
                                     adopted=dt.date(2024, 4, 30), expires=dt.date(2025, 4, 30))
    protection = RubricItem.objects.get(slug="protection")
    participation = RubricItem.objects.get(slug="participation")
    ScoreEntry.objects.create(mandate=mandate, item=protection, rating="yes", quote="to protect",
                              reference="op. 3")
    ScoreEntry.objects.create(mandate=mandate, item=participation, rating="partial", quote="encourages",
                              reference="op. 12")
    weights = protection.weight + participation.weight
    expected = 100 * (protection.weight + participation.weight / 2) / weights
    page = client.get("/missions/unmiss/").content.decode()
    assert "Mandate scorecard" in page and "S/RES/2729 (2024)" in page
    assert f"{expected:.0f} / 100" in page
    assert f"2 of {RubricItem.objects.count()}" in page
    assert "/agreements/missions/unmiss/mandates/" in page


def test_it_says_when_no_mandate_of_the_mission_is_scored(client, make_mission):
    make_mission("MINUSMA", "MLI")
    page = client.get("/missions/minusma/").content.decode()
    assert "No mandate of MINUSMA has been scored yet." in page
