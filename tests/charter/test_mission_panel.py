"""Commitments that concern a mission show on its page."""

from __future__ import annotations


def test_it_lists_the_commitments_that_concern_a_mission_on_its_page(client, personas, make_mission,
                                                                      open_cycle, make_commitment):
    unmiss = make_mission("UNMISS", "SSD")
    commitment = make_commitment(personas["partner"], open_cycle, what="Deploy a women's engagement team")
    commitment.process = unmiss
    commitment.save()
    make_commitment(personas["partner"], open_cycle, what="Something about another place")
    page = client.get("/missions/unmiss/").content.decode()
    assert "Champions&#x27; commitments" in page or "Champions' commitments" in page
    assert "Deploy a women&#x27;s engagement team" in page
    assert "Something about another place" not in page


def test_it_shows_no_commitments_section_when_none_concerns_the_mission(client, make_mission):
    make_mission("UNMISS", "SSD")
    assert "commitments" not in client.get("/missions/unmiss/").content.decode().lower()
