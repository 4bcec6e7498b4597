"""Briefings pull the watchdog's plan status and scorecard for a country, and the agreements with their
provisions by pillar for a negotiation, each figure citing its source, in the page and in the PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from criticalmass.agreements.models import Agreement, Provision
from criticalmass.briefings import build
from criticalmass.watchdog import queries as watchdog
from criticalmass.watchdog.models import Plan, today
from tests.agreements.world import build_agreements
from tests.watchdog.world import build_watchdog


def figures(**context: str) -> dict[str, build.Figure]:
    made = build.build({"audience": "foreign-ministry", **context})
    return {f.label: f for f in made.figures}


@pytest.fixture
def ghana(db):
    build_watchdog()
    year = today().year
    return {"one": f"Ghana NAP test one ({year - 6}–{year - 2})",
            "two": f"Ghana NAP test two ({year - 1}–{year + 2})"}


@pytest.fixture
def talks(db):
    build_agreements()


def test_it_gives_each_plan_of_the_country_its_status_with_the_plans_source(ghana):
    found = figures(country="GHA")
    assert found[f"Plan status: {ghana['two']}"].value == "In force"
    assert found[f"Plan status: {ghana['two']}"].source == "Test source two, https://example.org/two"
    assert found[f"Plan status: {ghana['one']}"].value == "Superseded"
    assert not any("Kenya" in label for label in found)


def test_it_gives_each_plan_the_watchdogs_own_scorecard(ghana):
    found = figures(country="GHA")
    two = found[f"Plan scorecard: {ghana['two']}"]
    assert two.value == "7.1% (0.5 of 7 points; 4 criteria unknown)"
    assert two.source == "Critical Mass scorecard rubric on Test source two, https://example.org/two"
    for view in watchdog.plan_views(Plan.objects.filter(country_id="GHA"), today()):
        label = next(name for key, name in ghana.items() if name.startswith(str(view.plan)))
        assert found[f"Plan scorecard: {label}"].value.startswith(f"{view.score.percent}%")


def test_it_counts_the_process_agreements_and_those_with_gender_provisions(talks):
    found = figures(process="pax-12")
    agreements = Agreement.objects.filter(process__slug="pax-12")
    with_provisions = agreements.filter(gender_provisions=True).count()
    count = found["Agreements signed in the process (PA-X)"]
    expected = f"{agreements.count()}, {with_provisions} with provisions on women, girls and gender"
    assert count.value == expected
    assert count.value == "3, 2 with provisions on women, girls and gender"
    assert count.source == "PA-X Peace Agreements Database, version 10, good.csv, rows 4–6"


def test_it_gives_the_agreements_provisions_by_pillar_with_their_source_rows(talks):
    found = figures(process="pax-12")
    for pillar in ("Empowerment", "Institutions and law", "Implementation"):
        covering = (Provision.objects.filter(agreement__process__slug="pax-12", code__pillar__name=pillar)
                    .values("agreement").distinct().count())
        assert found[f"Agreements with provisions on {pillar} (PA-X Gender)"].value == f"{covering} of 3"
    empowerment = found["Agreements with provisions on Empowerment (PA-X Gender)"]
    assert empowerment.value == "1 of 3"
    assert empowerment.source == "PA-X Gender (women, girls and gender), version 9, good.csv, row 3"
    one = found["Agreement 103 (2010-01-20)"]
    assert one.value == "provisions on Empowerment, Implementation"
    assert one.source == "PA-X Peace Agreements Database, version 10, good.csv, row 4"


def test_it_lists_the_new_figures_sources_at_the_end(talks):
    made = build.build({"audience": "foreign-ministry", "process": "pax-12"})
    assert "PA-X Gender (women, girls and gender), version 9, good.csv, row 3" in made.sources
    assert "PA-X Peace Agreements Database, version 10, good.csv, rows 4–6" in made.sources


def pdf_text(client, query: str) -> str:
    response = client.get(f"/briefings/briefing.pdf?{query}")
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return " ".join(text.split())  # table cells wrap their lines


def test_it_prints_the_plans_status_and_scorecard_in_the_page_and_the_pdf(client, ghana):
    page = client.get("/briefings/briefing/?audience=foreign-ministry&country=GHA").content.decode()
    assert "Plan scorecard: Ghana NAP test two" in page
    assert "7.1% (0.5 of 7 points; 4 criteria unknown)" in page
    text = pdf_text(client, "audience=foreign-ministry&country=GHA")
    assert "Plan status: Ghana NAP test two" in text and "In force Test source two" in text
    assert "Plan scorecard: Ghana NAP test two" in text
    assert "7.1% (0.5 of 7 points; 4 criteria unknown) Critical Mass scorecard rubric on Test source two" in (
        text
    )


def test_it_prints_the_agreements_by_pillar_in_the_pdf(client, talks):
    text = pdf_text(client, "audience=foreign-ministry&process=pax-12")
    assert "3, 2 with provisions on women, girls and gender PA-X Peace Agreements Database" in text
    assert "Agreements with provisions on Empowerment (PA-X Gender) 1 of 3 PA-X Gender" in text
    assert "Agreement 103 (2010-01-20) provisions on Empowerment, Implementation" in text
