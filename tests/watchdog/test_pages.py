"""The watchdog's public pages: registry, plan, scorecards, reporting duties, country profile, CSVs."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from criticalmass.importers.plans.reader import COLUMNS
from criticalmass.watchdog.models import Plan
from tests.watchdog.world import build_watchdog


@pytest.fixture
def world(db):
    return build_watchdog()


def rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_lists_plans_with_their_status_score_and_source(client, world):
    page = client.get("/watchdog/?country=GHA").content.decode()
    assert "Ghana NAP test one" in page and "Ghana NAP test two" in page and "Kenya NAP lapsed" not in page
    assert "Superseded" in page and "In force" in page
    assert '<a href="https://example.org/one">Test source one</a>' in page


def test_it_downloads_the_listed_plans_as_csv(client, world):
    found = {r["slug"]: r for r in rows(client.get("/watchdog/plans.csv?country=GHA"))}
    assert set(found) == {"tst-nap-1", "tst-nap-2"}
    # one: budget (2) + monitoring (1) of 7 = 42.9%; two: no budget, 1 of 2 actions on track = 0.5 of 7 = 7.1%
    assert (found["tst-nap-1"]["score_percent"], found["tst-nap-2"]["score_percent"]) == ("42.9", "7.1")
    assert found["tst-nap-1"]["status"] == "superseded"
    assert found["tst-nap-1"]["source_url"] == "https://example.org/one"


def test_it_offers_the_import_template_as_csv_and_excel(client, db):
    template = client.get("/watchdog/plans/template.csv")
    assert next(csv.reader(io.StringIO(template.content.decode()))) == COLUMNS
    workbook = load_workbook(io.BytesIO(client.get("/watchdog/plans/template.xlsx").content))
    assert [c.value for c in next(workbook.active.iter_rows())] == COLUMNS


def test_it_alerts_on_a_plan_expired_with_no_successor(client, world):
    page = client.get("/watchdog/scorecards/").content.decode()
    alerts = page.split('id="alerts-title"')[1].split("</section>")[0]
    assert "Kenya NAP lapsed" in alerts and "Ghana NAP test one" not in alerts


def test_it_compares_scorecards_across_countries_in_csv(client, world):
    found = {r["slug"]: r for r in rows(client.get("/watchdog/scorecards/scorecards.csv"))}
    assert found["tst-ken-1"]["score_percent"] == "0.0"
    assert found["tst-ken-1"]["status"] == "expired"
    assert "allocated-budget" in found["tst-ken-1"]["unknown_criteria"]


def test_it_shows_a_plan_with_its_rubric_actions_and_budget(client, world):
    page = client.get("/watchdog/plans/tst-nap-2/").content.decode()
    assert "Scorecard: 7.1%" in page
    assert "Raise women&#x27;s share of officers" in page
    assert "250000.00 GHS" in page
    assert client.get("/watchdog/plans/nothing-here/").status_code == 404


def test_it_lists_overdue_and_due_soon_duties(client, world):
    page = client.get("/watchdog/obligations/").content.decode()
    overdue = page.split('id="overdue-title"')[1].split("</section>")[0]
    soon = page.split('id="soon-title"')[1].split("</section>")[0]
    assert "Annual report to Parliament" in overdue and "New strategy" not in overdue
    assert "New strategy" in soon and "Due in 30 days" in soon
    states = {r["slug"]: r["state"] for r in rows(client.get("/watchdog/obligations/obligations.csv"))}
    assert states["tst-report"] == "overdue" and states["tst-strategy"] == "due soon"


def test_it_joins_plans_index_duties_and_deployments_on_the_country_page(client, world, make_mission,
                                                                         observe):
    observe(make_mission("UNMISS", "SSD"), "2013-06-30", "total", women=5, total=100, country="GHA")
    page = client.get("/watchdog/countries/GHA/").content.decode()
    assert "Rank <strong>97</strong>, score <strong>0.651</strong>" in page
    assert "WPS Index test citation. Row 105 of index.xlsx." in page
    assert "Ghana NAP test two" in page and "Annual report to Parliament" in page
    assert 'href="/missions/unmiss/"' in page and "Test dataset" in page


def test_it_redirects_a_lower_case_code_and_knows_no_unknown_country(client, world):
    assert client.get("/watchdog/countries/gha/")["Location"] == "/watchdog/countries/GHA/"
    assert client.get("/watchdog/countries/ZZZ/").status_code == 404


def test_it_says_so_when_a_country_has_no_index_score_and_no_deployments(client, world):
    page = client.get("/watchdog/countries/KEN/").content.decode()
    assert "No WPS Index score imported" in page and "No deployments recorded" in page


def test_it_keeps_a_title_that_looks_like_a_formula_from_running_in_the_csv(client, world):
    Plan.objects.filter(slug="tst-nap-1").update(title="=HYPERLINK(\"http://evil\")")
    found = {r["slug"]: r for r in rows(client.get("/watchdog/plans.csv?country=GHA"))}
    assert found["tst-nap-1"]["title"] == "'=HYPERLINK(\"http://evil\")"
