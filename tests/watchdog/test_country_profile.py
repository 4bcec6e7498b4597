"""The country profile's peace agreements (from the agreements app) and a CSV for each of its tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from criticalmass.agreements.models import Agreement
from criticalmass.agreements.queries import agreements_for_country
from criticalmass.core.models import Source
from criticalmass.watchdog.models import AidActivity, WpsIndexScore
from criticalmass.watchdog.queries import country_money
from tests.agreements.world import build_agreements
from tests.watchdog.world import build_watchdog


@pytest.fixture
def world(db):
    build_agreements()
    return build_watchdog()


def rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_finds_the_agreements_pax_locates_in_a_country_oldest_first(world):
    assert [a.pax_id for a in agreements_for_country("NPL")] == [103, 104, 105]
    assert [a.pax_id for a in agreements_for_country("GBR")] == [106]  # Loc2ISO counts too
    assert list(agreements_for_country("GHA")) == []


def test_it_shows_a_countrys_agreements_with_their_process_stage_and_pillars(client, world):
    page = client.get("/watchdog/countries/NPL/").content.decode()
    assert "Peace processes and agreements" in page
    for agreement in Agreement.objects.filter(pax_id__in=[103, 104, 105]).select_related("process"):
        assert f'href="/agreements/{agreement.pax_id}/"' in page
        assert f'href="/agreements/processes/{agreement.process.slug}/"' in page
    assert 'href="/agreements/101/"' not in page
    assert 'href="/watchdog/countries/NPL/agreements.csv"' in page


def test_it_says_so_when_no_agreement_concerns_the_country(client, world):
    page = client.get("/watchdog/countries/GHA/").content.decode()
    assert "No peace agreements recorded for Ghana" in page


def test_it_downloads_the_agreements_shown_with_their_source_rows(client, world):
    response = client.get("/watchdog/countries/NPL/agreements.csv")
    assert response["Content-Disposition"] == 'attachment; filename="criticalmass-NPL-agreements.csv"'
    found = rows(response)
    expected = Agreement.objects.filter(countries__iso3="NPL").order_by("date", "pax_id")
    assert [r["name"] for r in found] == [a.name for a in expected]
    assert [r["year"] for r in found] == [str(a.date.year) for a in expected]
    assert [r["process"] for r in found] == [a.process.name for a in expected]
    assert all(f"row {a.source_row}" in r["source"] for r, a in zip(found, expected, strict=True))
    page = client.get("/watchdog/countries/NPL/").content.decode()
    for r in found:
        assert r["pillars"] in page if r["pillars"] else "none coded" in page


def test_it_downloads_the_plans_and_their_scores_as_shown(client, world):
    response = client.get("/watchdog/countries/GHA/plans.csv")
    assert response["Content-Disposition"] == 'attachment; filename="criticalmass-GHA-plans.csv"'
    found = {r["slug"]: r for r in rows(response)}
    assert set(found) == {"tst-nap-1", "tst-nap-2"}
    page = client.get("/watchdog/countries/GHA/").content.decode()
    for r in found.values():
        assert r["source_url"].startswith("https://example.org/")
        assert f'{r["score_percent"]}%' in page


def test_it_downloads_the_reporting_duties_with_their_standing(client, world):
    found = {r["slug"]: r for r in rows(client.get("/watchdog/countries/GHA/duties.csv"))}
    assert found["tst-report"]["state"] == "overdue" and found["tst-report"]["delivered"] == "1"
    assert found["tst-strategy"]["state"] == "due soon" and found["tst-strategy"]["days"] == "30"
    assert found["tst-report"]["source_url"] == "https://example.org/act"
    assert rows(client.get("/watchdog/countries/KEN/duties.csv")) == []


def test_it_downloads_the_wps_index_indicators_with_the_cited_row(client, world):
    found = rows(client.get("/watchdog/countries/GHA/index.csv"))
    score = WpsIndexScore.objects.get(country_id="GHA")
    assert [(r["indicator"], r["value"], r["note"]) for r in found] == [("Education", "7.100", "a")]
    assert '<td class="num">7.100</td>' in client.get("/watchdog/countries/GHA/").content.decode()
    assert found[0]["rank"] == str(score.rank) and found[0]["score"] == "0.651"
    assert found[0]["source"] == "WPS Index test citation. Row 105 of index.xlsx."
    assert rows(client.get("/watchdog/countries/KEN/index.csv")) == []


def test_it_downloads_the_money_figures_shown_with_the_activities_behind_them(client, world):
    source = Source.objects.create(slug="test-iati", dataset="IATI test", publisher="Tests", file="a.xml",
                                   citation="IATI test citation.")
    activity = AidActivity.objects.create(iati_identifier="XM-1", title="Radio", reporting_org_ref="XM-DAC-1",
                                          source=source, source_row=3,
                                          gender_marker=2, sectors=[])
    activity.recipients.create(country_id="GHA", percentage=None)
    activity.transactions.create(type="3", value=Decimal("1000.4"), currency="USD", date=dt.date(2024, 1, 1),
                                 source_row=9)
    money = country_money("GHA")
    found = {r["figure"]: r for r in rows(client.get("/watchdog/countries/GHA/money.csv"))}
    assert found["All aid recorded"]["amount"] == "1000" == f'{money.figures["all"].amounts["USD"]:.0f}'
    principal = found["Gender equality the principal objective (marker 2)"]
    assert principal["share_percent"] == "100.0" and principal["activities"] == "XM-1"
    assert principal["source"] == "IATI test citation."
    assert found["To women's rights organisations (DAC 15170)"]["amount"] == "0"


def test_it_knows_no_table_nor_country_it_does_not_have(client, world):
    assert client.get("/watchdog/countries/GHA/charts.csv").status_code == 404
    assert client.get("/watchdog/countries/ZZZ/plans.csv").status_code == 404
