"""The briefing builder: live figures with their sources, arguments in the audience's order,
objections with answers, sources at the end, the date; HTML and PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from criticalmass.briefings import build
from criticalmass.briefings.models import ArgumentWeight, Audience
from criticalmass.core.models import Organization
from criticalmass.parity.models import Category

MISSION = "audience={}&mission=unmiss"


@pytest.fixture
def unmiss(make_mission, observe):
    mission = make_mission("UNMISS", "SSD")
    for date, women, row in [("2019-01-31", 4, 2), ("2020-01-31", 5, 3), ("2021-01-31", 6, 4)]:
        observe(mission, date, Category.TOTAL, women=women, total=100, country="GHA", row=row)
    return mission


def made(audience: str, **context: str) -> build.Briefing:
    return build.build({"audience": audience, **(context or {"mission": "unmiss"})})


def test_it_orders_arguments_by_the_audiences_weights(unmiss):
    commander, donor = made("force-commander"), made("donor")
    assert commander.arguments_order[0] == "security_utilitarian"
    assert donor.arguments_order[0] == "empirical_effectiveness"
    assert commander.arguments_order != donor.arguments_order
    for briefing in (commander, donor):
        weights = [s.weight for s in briefing.sections]
        assert weights == sorted(weights, reverse=True)


def test_it_follows_a_weight_the_secretariat_changed(unmiss):
    audience = Audience.objects.get(slug="force-commander")
    ArgumentWeight.objects.filter(audience=audience, argument="personal_relational").update(weight=100)
    assert made("force-commander").arguments_order[0] == "personal_relational"
    ArgumentWeight.objects.filter(audience=audience, argument="personal_relational").update(weight=0)
    assert "personal_relational" not in made("force-commander").arguments_order


def test_it_uses_only_public_evidence_tagged_for_the_audience(unmiss):
    slugs = {p.evidence.slug for s in made("force-commander").sections for p in s.points}
    assert "scr-2242-doubling" in slugs and "military-effectiveness-frame" in slugs
    assert "stone-durability" not in slugs  # secondary source only
    assert "aid-fragile-wros" not in slugs  # for donors, not commanders


def test_it_puts_each_piece_of_evidence_once_under_its_heaviest_argument(unmiss):
    briefing = made("force-commander")
    slugs = [p.evidence.slug for s in briefing.sections for p in s.points]
    assert len(slugs) == len(set(slugs))
    where = {p.evidence.slug: s.argument for s in briefing.sections for p in s.points}
    assert where["sg-smart-thing"] == "security_utilitarian"  # also empirical and rights, weighted lower


def test_it_shows_counter_evidence_beside_the_claims_it_qualifies(unmiss):
    points = {p.evidence.slug: p for s in made("force-commander").sections for p in s.points}
    assert "systematic-review-instrumentalist" in {
        c.slug for c in points["military-effectiveness-frame"].counters
    }


def test_it_pulls_the_missions_live_figures_with_their_source_rows(unmiss):
    figures = {f.label: f for f in made("force-commander").figures}
    share = figures["Women's share in UNMISS, all uniformed personnel, January 2021"]
    assert share.value == "6.0% (6 of 100)"
    assert share.source == "Test dataset, test.csv, rows 2–4"
    assert "Target for 2021 (Escalating to parity)" in figures
    assert figures["Status against target"].value == "off track"


def test_it_follows_new_observations_at_once(unmiss, observe):
    observe(unmiss, "2022-01-31", Category.TOTAL, women=40, total=100, country="GHA", row=9)
    labels = [f.label for f in made("srsg").figures]
    assert "Women's share in UNMISS, all uniformed personnel, January 2022" in labels


def test_it_lists_objections_for_the_audience_with_answers(unmiss):
    commander = [o.objection for o in made("force-commander").objections]
    donor = [o.objection for o in made("donor").objections]
    assert "Women's gains are men's losses." in commander and "Women's gains are men's losses." in donor
    assert "There is no budget for it." in donor and "There is no budget for it." not in commander


def test_it_names_womens_organisations_of_the_host_country(unmiss):
    Organization.objects.create(
        name="South Sudan Women's Network", kind="womens_organization", country_id="SSD"
    )
    Organization.objects.create(name="A ministry", kind="government", country_id="SSD")
    assert [o.name for o in made("srsg").organizations] == ["South Sudan Women's Network"]


def test_it_lists_every_cited_source_once_at_the_end(unmiss):
    briefing = made("force-commander")
    assert "Test dataset, test.csv, rows 2–4" in briefing.sources
    assert "United Nations, “SC/12076, Security Council adopts resolution 2242”, 2015" in briefing.sources
    assert len(briefing.sources) == len(set(briefing.sources))


def test_it_briefs_on_a_negotiation_with_its_agreements_against_the_floor(source):
    from tests.parity.pages_world import build_talks

    build_talks(source)
    figures = {f.label: f for f in made("foreign-ministry", process="south-sudan").figures}
    latest = figures["Women's share in South Sudan, all delegates, September 2018"]
    assert latest.value == "30.0% (6 of 20)" and latest.source == "Test dataset, test.csv, rows 40–41"
    floor = figures["Agreements with women at least 30% of all delegates"]
    assert floor.value == "1 of 2" and floor.source == "Test dataset, test.csv, rows 40–41"
    assert figures["Agreements with women at least 30% of signatories"].value == "1 of 2"


def test_it_briefs_on_a_country(unmiss):
    briefing = made("foreign-ministry", country="gha")
    assert briefing.context_name == "Ghana"
    assert briefing.figures[0].value == "6.0% (6 of 100, 1 missions)"


def test_it_adds_the_countrys_wps_index_with_its_source_row(unmiss, source):
    from criticalmass.watchdog.models import WpsIndexScore

    WpsIndexScore.objects.create(country_id="GHA", edition=2025, rank=80, score="0.701", source=source,
                                 source_row=85)
    figures = {f.label: f for f in made("foreign-ministry", country="GHA").figures}
    index = figures["Georgetown WPS Index 2025"]
    assert index.value == "0.701 (rank 80)" and index.source == "Test dataset, test.csv, row 85"


def test_it_renders_the_briefing_page_with_date_figures_objections_and_sources(client, unmiss):
    page = client.get(f"/briefings/briefing/?{MISSION.format('force-commander')}").content.decode()
    assert "Briefing: Force commander · Mission UNMISS" in page
    assert "6.0% (6 of 100)" in page and "Objections to expect" in page
    assert page.index("The arguments") < page.index("Objections to expect") < page.index("<h2>Sources</h2>")
    assert "Prepared " in page and "<svg" in page


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("audience=donor", 400, "Choose one context"),
        ("mission=unmiss", 400, "Choose an audience."),
        ("audience=donor&mission=unmiss&country=GHA", 400, "Choose one context"),
        ("audience=astronaut&mission=unmiss", 404, "There is no audience &#x27;astronaut&#x27;"),
        ("audience=donor&mission=no-such", 404, "There is no mission &#x27;no-such&#x27;"),
        ("audience=donor&country=XXX", 404, "There is no country &#x27;XXX&#x27;"),
    ],
)
def test_it_answers_a_briefing_it_cannot_make_with_the_form_and_a_sentence(
    client, unmiss, query, status, message
):
    for url in ["/briefings/briefing/", "/briefings/briefing.pdf"]:
        response = client.get(f"{url}?{query}")
        assert response.status_code == status
        assert message in response.content.decode()


def test_it_offers_audiences_and_contexts_in_the_builder(client, unmiss):
    page = client.get("/briefings/").content.decode()
    assert 'value="force-commander"' in page and 'value="religious-traditional-leader"' in page
    assert 'value="unmiss"' in page and 'value="GHA"' in page


def test_it_makes_a_pdf_with_the_missions_figures(client, unmiss):
    response = client.get(f"/briefings/briefing.pdf?{MISSION.format('force-commander')}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="briefing-force-commander-unmiss-'
    )
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "6.0% (6 of 100)" in text
    assert "Test dataset, test.csv, rows 2–4" in text
    assert "Objections to expect" in text
