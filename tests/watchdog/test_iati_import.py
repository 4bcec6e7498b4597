"""`criticalmass import iati FILE`: IATI 2.03 activities from small files written in the real schema,
valid and not; the country page's money and the API behind it."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.core.models import DataNote, Source
from criticalmass.importers.iati import import_file
from criticalmass.lib.csvread import FormatError
from criticalmass.lib.limits import MAX_BYTES, FileTooLarge
from criticalmass.watchdog.models import AidActivity, AidTransaction
from tests.watchdog.world import build_watchdog

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "iati"


def test_it_imports_activities_with_orgs_countries_sectors_marker_budgets_and_transactions(db):
    summary = import_file(FIXTURES / "good.xml")
    assert (summary.rows_read, summary.created) == (3, 3)
    a1 = AidActivity.objects.get(iati_identifier="XM-TEST-1-A1")
    assert (a1.title, a1.reporting_org_name, a1.gender_marker, a1.source_row) == (
        "Women's organisations in peacebuilding", "Test Donor Ministry", 2, 3)
    assert a1.participating_orgs[1] == {"role": "4", "ref": "GH-WRO-9", "type": "22",
                                        "name": "Accra Women's Network"}
    assert a1.sectors == [{"vocabulary": "1", "code": "15170", "percentage": "60"},
                          {"vocabulary": "1", "code": "15180", "percentage": "40"}]
    assert a1.budgets[0]["value"] == "1000" and a1.budgets[0]["period_end"] == "2025-12-31"
    assert [(t.type, t.value, t.currency) for t in a1.transactions.all()] == [
        ("2", Decimal(1000), "USD"), ("3", Decimal(500), "USD"), ("4", Decimal(100), "USD")]
    a2 = AidActivity.objects.get(iati_identifier="XM-TEST-1-A2")
    assert sorted((r.country_id, r.percentage) for r in a2.recipients.all()) == [("GHA", 50), ("KEN", 50)]
    assert AidTransaction.objects.get(activity__iati_identifier="XM-TEST-1-A3").currency == "EUR"


def test_it_adds_nothing_the_second_time(db):
    import_file(FIXTURES / "good.xml")
    again = import_file(FIXTURES / "good.xml")
    assert (again.created, again.updated, again.unchanged, again.removed) == (0, 0, 3, 0)
    assert AidTransaction.objects.count() == 5


@pytest.mark.parametrize(("name", "message"), [
    ("bomb.xml", "bomb.xml declares a DTD or entities, which IATI files never need; refused for safety"),
    ("external.xml", "external.xml declares a DTD or entities, which IATI files never need; "
                     "refused for safety"),
])
def test_it_refuses_unsafe_files_whole(db, name, message):
    with pytest.raises(FormatError) as caught:
        import_file(FIXTURES / name)
    assert str(caught.value) == message
    assert not AidActivity.objects.exists()


def test_it_refuses_xml_that_is_not_well_formed_with_its_line_and_changes_nothing(db):
    import_file(FIXTURES / "good.xml")
    before = list(AidActivity.objects.values_list("iati_identifier", "title", "source_row"))
    with pytest.raises(FormatError, match=r"malformed.xml is not well-formed XML \(mismatched tag: line 4"):
        import_file(FIXTURES / "malformed.xml")
    assert list(AidActivity.objects.values_list("iati_identifier", "title", "source_row")) == before
    assert not Source.objects.filter(file="malformed.xml").exists()


@pytest.mark.parametrize(("name", "refused", "line", "message"), [
    ("bad_value.xml", "XM-TEST-1-A1", 28,
     "activity XM-TEST-1-A1 (IATI 2.03, starting on line 3) refused: transaction/value: "
     "'five hundred' is not a number"),
    ("bad_country.xml", "XM-TEST-1-A2", 41,
     "activity XM-TEST-1-A2 (IATI 2.03, starting on line 36) refused: recipient-country/@code: "
     "'XX' is not an ISO 3166-1 alpha-2 country code"),
    ("no_currency.xml", "XM-TEST-1-A3", 60,
     "activity XM-TEST-1-A3 (IATI 2.03, starting on line 50) refused: transaction/value/@currency: no "
     "currency: neither the value nor the activity's default-currency gives one"),
])
def test_it_refuses_only_the_activity_with_a_bad_value_and_notes_its_line_and_element(db, name, refused, line,
                                                                                       message):
    summary = import_file(FIXTURES / name)
    assert (summary.rows_read, summary.created, summary.refused) == (3, 2, 1)
    assert not AidActivity.objects.filter(iati_identifier=refused).exists()
    note = DataNote.objects.get(kind="refused-activity")
    assert (note.source_row, note.subject, note.message) == (line, f"aid-activity:{refused}", message)


def test_it_refuses_an_activity_when_neither_it_nor_its_file_gives_a_version(db):
    summary = import_file(FIXTURES / "no_version.xml")
    assert (summary.rows_read, summary.created, summary.refused) == (1, 0, 1)
    assert summary.warnings[0][1].endswith("refused: @version: no version: neither the activity nor the file "
                                           "gives one")


def test_it_keeps_a_gender_marker_outside_the_dac_definitions_with_a_warning(db):
    summary = import_file(FIXTURES / "marker_3.xml")
    assert summary.warnings == [(43, "gender equality marker significance 3 is not in the DAC definitions "
                                     "(0, 1, 2); kept as published")]
    assert AidActivity.objects.get(iati_identifier="XM-TEST-1-A2").gender_marker == 3


def test_it_fails_the_command_in_one_line(db):
    with pytest.raises(CommandError) as caught:
        call_command("import", "iati", str(FIXTURES / "bomb.xml"), stdout=io.StringIO(), stderr=io.StringIO())
    assert "\n" not in str(caught.value) and "refused for safety" in str(caught.value)


def test_it_shows_the_money_on_the_country_page_with_the_activities_behind_it(client, db):
    import_file(FIXTURES / "good.xml")
    page = client.get("/watchdog/countries/GHA/").content.decode()
    money = page.split('id="money-title"')[1].split("</section>")[0]
    # all: 600 + 500 USD, 200 EUR; principal: 600 USD (54.5%); WROs: 360 USD (32.7%), 100 EUR (50.0%)
    assert "1100 USD; 200 EUR" in money
    assert "54.5% (USD); 0.0% (EUR)" in money
    assert "32.7% (USD); 50.0% (EUR)" in money
    assert "XM-TEST-1-A1, XM-TEST-1-A3" in money
    assert "IATI activity file good.xml" in money and "line 3 of good.xml" in money


def test_it_gives_the_money_and_the_activities_in_the_api(client, db):
    import_file(FIXTURES / "good.xml")
    body = client.get("/api/watchdog/countries/GHA").json()
    assert body["money"]["womens_rights_organisations"]["amounts"] == {"USD": "360.00", "EUR": "100.00"}
    assert body["money"]["gender_principal"]["share_of_all"] == {"USD": "54.5", "EUR": "0.0"}
    listed = client.get("/api/watchdog/aid-activities?country=KEN").json()
    assert [a["iati_identifier"] for a in listed["items"]] == ["XM-TEST-1-A2"]
    assert listed["items"][0]["citation"] == "IATI aid activities, good.xml, row 36"
    principal = client.get("/api/watchdog/aid-activities?gender_marker=2").json()
    assert principal["count"] == 1


def test_it_shows_the_activities_that_fund_an_action(client, db):
    ids = build_watchdog()
    import_file(FIXTURES / "good.xml")
    AidActivity.objects.get(iati_identifier="XM-TEST-1-A1").actions.add(ids["action"])
    page = client.get(f"/watchdog/actions/{ids['action']}/").content.decode()
    assert "XM-TEST-1-A1 “Women&#x27;s organisations in peacebuilding” (good.xml, line 3)" in page
    api = client.get("/api/watchdog/aid-activities?country=GHA&gender_marker=2").json()
    assert api["items"][0]["actions"] == [ids["action"]]


def test_it_refuses_a_file_over_the_size_it_reads_before_reading_it(db, tmp_path):
    big = tmp_path / "huge.xml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES[".xml"] + 1)  # sparse: no disk is written, no byte would be read
    with pytest.raises(FileTooLarge, match=r"huge.xml is 64.0 MB, over the 64 MB limit for XML files"):
        import_file(big)
    assert not AidActivity.objects.exists()
