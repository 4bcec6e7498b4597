"""Plans (watchdog) and agreements (PA-X) in the one search: stemmed, highlighted, filtered, kept current."""

from __future__ import annotations

from criticalmass.hub import indexing, search
from criticalmass.hub.models import SearchDocument
from criticalmass.watchdog.models import Plan
from tests.agreements.world import build_agreements


def make_plan(slug: str = "tst-xyl-1", **fields: object) -> Plan:
    values = {"country_id": "GHA", "kind": "nap", "generation": 9, "title": "Xylophonic national plan",
              "lead_agency": "Ministry of Gendered Marimbas", "source_title": "Test source",
              "source_url": "https://example.org/plan"}
    return Plan.objects.create(slug=slug, **{**values, **fields})


def test_it_finds_a_plan_by_a_stemmed_word_of_its_lead_agency_with_a_highlighted_snippet(db):
    make_plan()
    hits = search.search("marimba", search.Filters(type="plan"))
    assert [h.ref for h in hits] == ["tst-xyl-1"]
    assert hits[0].url == "/watchdog/plans/tst-xyl-1/"
    assert "<mark>Marimbas</mark>" in hits[0].snippet


def test_it_finds_a_plan_by_its_country_and_filters_plans_by_country(db):
    make_plan()
    assert "tst-xyl-1" in {h.ref for h in search.search("xylophonic ghana", search.Filters(country="GHA"))}
    assert search.search("xylophonic", search.Filters(country="KEN")) == []


def test_it_follows_a_plan_renamed_or_deleted(db):
    plan = make_plan()
    plan.title = "Vibraphone strategy"
    plan.save()
    assert search.search("xylophonic") == []
    assert [h.ref for h in search.search("vibraphones")] == ["tst-xyl-1"]
    plan.delete()
    assert search.search("vibraphones") == []


def test_it_finds_an_imported_agreement_by_a_stemmed_word_with_a_highlighted_snippet(db):
    build_agreements()  # the importer writes in bulk: no signal sees it, the count catches up
    indexing.sync()
    hits = search.search("protocols", search.Filters(type="agreement"))
    assert [h.ref for h in hits] == ["102"]
    assert hits[0].title == "Testland Implementation Protocol"
    assert hits[0].url == "/agreements/102/"
    assert "<mark>Protocol</mark>" in hits[0].snippet


def test_it_finds_agreements_by_their_process_and_countries(db):
    build_agreements()
    indexing.sync()
    refs = {h.ref for h in search.search('"testland peace process"', search.Filters(type="agreement"))}
    assert {"101", "102"} <= refs
    assert {h.ref for h in search.search("south sudan", search.Filters(type="agreement"))} >= {"101", "102"}


def test_it_indexes_plans_and_agreements_again_after_a_bulk_write(db):
    build_agreements()
    indexing.rebuild()
    SearchDocument.objects.filter(type__in=["plan", "agreement"]).delete()
    indexing.sync()
    assert SearchDocument.objects.filter(type="plan").count() == Plan.objects.count()
    assert SearchDocument.objects.filter(type="agreement").count() == 6


def test_it_offers_plans_and_agreements_as_filters_on_the_search_page(client, db):
    make_plan()
    page = client.get("/hub/search/?q=marimbas&type=plan").content.decode()
    assert '<option value="plan" selected>' in page and '<option value="agreement"' in page
    assert "Xylophonic national plan" in page
    assert client.get("/api/hub/search?q=marimbas&type=agreement").json()["items"] == []
    assert client.get("/api/hub/search?q=marimbas&type=plan").json()["items"][0]["ref"] == "tst-xyl-1"


def test_it_indexes_again_after_an_import_command_so_a_renamed_agreement_is_found(db):
    from django.core.management import call_command

    from criticalmass.agreements.models import Agreement
    from tests.importers.helpers import PADD

    build_agreements()
    indexing.sync()
    Agreement.objects.filter(pax_id=102).update(name="Testland Marimba Accord")  # bulk: no signal
    assert search.search("marimba", search.Filters(type="agreement")) == []
    call_command("import", "padd", str(PADD / "good.csv"), quiet=True)
    assert [h.ref for h in search.search("marimba", search.Filters(type="agreement"))] == ["102"]
