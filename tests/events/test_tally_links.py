"""The event page shows its own panel tally and links the coalition's; a partner's accountability page
shows the panels they joined and women's share of those panels' speakers."""

from __future__ import annotations

from criticalmass.events.models import PanelPledge


def test_it_shows_the_events_tally_and_links_the_panel_tally(client_as, make_panel):
    make_panel("summit", ["man", "woman", "woman"])
    make_panel("summit", ["man", "unknown"])
    page = client_as(None).get("/events/summit/").content.decode()
    assert "This event: 2 panels, 5 speakers, 2 women" in page
    assert "declared: 50.0%" in page  # 2 women of the 4 declared
    assert 'href="/events/tallies/"' in page


def test_it_links_the_panel_tally_from_an_event_without_panels(client_as, db):
    from criticalmass.events.models import Event

    Event.objects.create(slug="empty-day", name="Empty day", date="2030-01-01")
    page = client_as(None).get("/events/empty-day/").content.decode()
    assert 'href="/events/tallies/"' in page and "This event:" not in page


def test_it_shows_a_partners_panels_and_womens_share_on_their_accountability_page(client_as, personas,
                                                                                  make_panel):
    partner = personas["partner"]
    make_panel("summit", ["man", "woman", "woman", "unknown"], partner=partner)  # partner is the man
    make_panel("forum", ["man", "man"], partner=partner)
    make_panel("forum", ["woman", "woman"])  # not joined: not counted
    PanelPledge.objects.create(user=partner)
    page = client_as(None).get("/accountability/partners/partner/").content.decode()
    assert "Took the panel pledge." in page
    assert "Panels joined: 2, with 6 speakers, 2 of them women" in page
    assert "declared: 40.0%" in page  # 2 women of the 5 declared
    assert 'href="/events/tallies/"' in page


def test_it_shows_no_share_for_a_partner_on_no_panel(client_as, personas, make_panel):
    make_panel("summit", ["woman"], partner=personas["secretariat"])
    page = client_as(None).get("/accountability/partners/partner/").content.decode()
    assert "Panels joined: 0." in page and "Took the panel pledge" not in page


def test_it_keeps_the_panel_tally_off_the_overall_accountability_page(client_as, personas, make_panel):
    make_panel("summit", ["man"], partner=personas["partner"])
    assert "Panels joined" not in client_as(None).get("/accountability/").content.decode()
