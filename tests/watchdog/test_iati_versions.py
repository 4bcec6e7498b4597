"""IATI 1.0x and mixed-version files, and activities refused one at a time: fixtures written in the real
formats (DFID's 1.01 file, d-portal's mixed download)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from decimal import Decimal

import pytest
from django.core.management import call_command

from criticalmass.core.models import DataNote, Source
from criticalmass.importers.iati import import_file
from criticalmass.watchdog.models import AidActivity, AidTransaction
from tests.watchdog.test_iati_import import FIXTURES


def test_it_reads_a_1_01_activity_with_dac_vocabulary_and_text_in_its_elements(db):
    summary = import_file(FIXTURES / "v101_dac.xml")
    assert (summary.rows_read, summary.created, summary.refused) == (2, 2, 0)
    found = AidActivity.objects.get(iati_identifier="GB-1-900001-101")
    assert (found.title, found.reporting_org_ref, found.reporting_org_name, found.iati_version) == (
        "Gender Equality Support to the Democratic Republic of Congo", "GB-1",
        "Department for International Development", "1.01")
    assert (found.gender_marker, found.published) == (2, dt.date(2013, 4, 30))
    assert found.participating_orgs == [
        {"role": "Funding", "ref": "GB", "type": "10", "name": "UNITED KINGDOM"}]
    assert [r.country_id for r in found.recipients.all()] == ["COD"]  # "cd", lower case
    assert found.sectors == [{"vocabulary": "1", "code": "15170", "percentage": None}]
    assert found.dates == [{"type": "1", "date": "2010-04-01"}, {"type": "2", "date": "2010-05-03"}]
    assert found.budgets == [{"type": "1", "status": "", "period_start": "2010-04-01",
                              "period_end": "2011-03-31", "value": "20000", "currency": "GBP",
                              "value_date": "2010-04-01"}]
    assert [(t.type, t.value, t.currency, t.value_date) for t in found.transactions.all()] == [
        ("2", Decimal(50000), "GBP", dt.date(2010, 4, 1)),
        ("3", Decimal("12000.50"), "GBP", dt.date(2010, 6, 30)),
        ("4", Decimal(8000), "GBP", dt.date(2011, 3, 31))]


def test_it_notes_an_activity_date_it_cannot_read_and_keeps_the_activity(db):
    summary = import_file(FIXTURES / "v101_dac.xml")
    assert summary.warnings == [(10, "GB-1-900001-101: activity-date left out: no date (iso-date)")]
    note = DataNote.objects.get()
    assert (note.kind, note.severity, note.subject) == ("iati-activity", "info",
                                                        "aid-activity:GB-1-900001-101")


def test_it_takes_each_activitys_own_version_over_its_files(db):
    summary = import_file(FIXTURES / "mixed.xml")
    assert (summary.rows_read, summary.created, summary.refused) == (3, 3, 0)
    versions = dict(AidActivity.objects.values_list("iati_identifier", "iati_version"))
    assert versions == {"XM-TEST-2-B1": "2.03", "XM-TEST-2-B2": "2.01", "NO-TEST-3-C1": "1.03"}
    b1 = AidActivity.objects.get(iati_identifier="XM-TEST-2-B1")
    assert (b1.title, b1.gender_marker, b1.published) == ("Survivors' services in Guinea and Sierra Leone", 2,
                                                          dt.date(2019, 11, 6))
    assert sorted((r.country_id, r.percentage) for r in b1.recipients.all()) == [("GIN", 60), ("SLE", 40)]
    c1 = AidActivity.objects.get(iati_identifier="NO-TEST-3-C1")
    assert (c1.reporting_org_name, c1.gender_marker, c1.dates) == (
        "Test Refugee Council", 0, [{"type": "1", "date": "2014-11-10"}])
    assert AidTransaction.objects.get(activity=c1).type == "4"
    source = Source.objects.get(file="mixed.xml")
    assert source.version == "IATI 1.03, 2.01, 2.03"
    assert source.citation.startswith("IATI activity file mixed.xml, generated 2020-03-01 (IATI 1.03, 2.01, "
                                      "2.03), published by NO-TEST-3 (Test Refugee Council); XM-TEST-2")


def test_it_refuses_bad_activities_one_by_one_counts_and_notes_them_and_keeps_the_good(db):
    summary = import_file(FIXTURES / "bad_among_good.xml")
    assert (summary.rows_read, summary.created, summary.refused) == (6, 2, 4)
    assert sorted(AidActivity.objects.values_list("iati_identifier", flat=True)) == ["XM-TEST-4-D1",
                                                                                     "XM-TEST-4-D6"]
    notes = list(DataNote.objects.filter(kind="refused-activity")
                 .values_list("source_row", "subject", "message"))
    assert notes == [
        (22, "aid-activity:XM-TEST-4-D2", "activity XM-TEST-4-D2 (IATI 2.02, starting on line 14) refused: "
                                          "transaction/value: 'five hundred' is not a number"),
        (25, "aid-activity:XM-TEST-4-D3", "activity XM-TEST-4-D3 (IATI 3.00, starting on line 25) refused: "
                                          "@version: IATI version '3.00' is not one this importer reads "
                                          "(1.01, 1.02, 1.03, 1.04, 1.05, 2.01, 2.02, 2.03)"),
        (31, "aid-activity:line-31", "activity (no identifier) (IATI 2.02, starting on line 31) refused: "
                                     "iati-identifier: is missing or empty; every activity needs one"),
        (35, "aid-activity:XM-TEST-4-D1", "activity XM-TEST-4-D1 (IATI 2.02, starting on line 35) refused: "
                                          "iati-identifier: 'XM-TEST-4-D1' is also on line 3; the first "
                                          "is kept"),
    ]
    assert AidActivity.objects.get(iati_identifier="XM-TEST-4-D1").title == "Good one"
    d6 = AidActivity.objects.get(iati_identifier="XM-TEST-4-D6")
    assert [r.country_id for r in d6.recipients.all()] == ["LBR"]
    assert AidTransaction.objects.get(activity=d6).currency == "USD"


def test_it_prints_the_refused_count_in_the_command_summary(db):
    out = io.StringIO()
    call_command("import", "iati", str(FIXTURES / "bad_among_good.xml"), "--quiet", stdout=out,
                 stderr=io.StringIO())
    printed = out.getvalue()
    assert "  activities: 2 created, 0 updated, 0 unchanged, 0 removed\n  refused: 4 activities" in printed


def stored_notes() -> list[tuple[int, str]]:
    return list(DataNote.objects.values_list("source_row", "message").order_by("source_row", "message"))


def test_it_changes_nothing_the_second_time_nor_its_notes(db):
    first = import_file(FIXTURES / "bad_among_good.xml")
    import_file(FIXTURES / "v101_dac.xml")
    notes = stored_notes()
    again = import_file(FIXTURES / "bad_among_good.xml")
    also = import_file(FIXTURES / "v101_dac.xml")
    assert (again.created, again.updated, again.unchanged, again.removed, again.refused) == (0, 0, 2, 0,
                                                                                             first.refused)
    assert (also.created, also.updated, also.unchanged) == (0, 0, 2)
    assert stored_notes() == notes


def test_it_imports_every_iati_file_in_the_folder_in_import_all(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    (tmp_path / "iati").mkdir()
    for name in ("v101_dac.xml", "mixed.xml"):
        shutil.copy(FIXTURES / name, tmp_path / "iati" / name)
    out = io.StringIO()
    call_command("import_all", "--quiet", stdout=out, stderr=io.StringIO())
    assert "iati: imported mixed.xml" in out.getvalue() and "iati: imported v101_dac.xml" in out.getvalue()
    assert AidActivity.objects.count() == 5
    assert set(Source.objects.filter(dataset="IATI aid activities").values_list("slug", flat=True)) == {
        "iati-mixed", "iati-v101_dac"}


@pytest.mark.parametrize("iso3", ["GIN", "SLE", "LBR"])
def test_it_shows_each_countrys_gender_marked_aid_by_publisher_and_year(client, db, iso3):
    import_file(FIXTURES / "mixed.xml")
    rows = client.get(f"/api/watchdog/countries/{iso3}").json()["aid_by_gender_marker"]
    expected = {  # B1: 1000 USD in 2019, 60% Guinea, 40% Sierra Leone, principal; C1: 4000 NOK, not targeted
        "GIN": [("Test Fund (XM-TEST-2)", 2019, "USD", 600, 0, 0, 0),
                ("Test Refugee Council (NO-TEST-3)", 2015, "NOK", 0, 0, 4000, 0)],
        "SLE": [("Test Fund (XM-TEST-2)", 2019, "USD", 400, 0, 0, 0)],
        "LBR": [("Test Fund (XM-TEST-2)", 2020, "EUR", 0, 0, 0, 250)],
    }[iso3]
    found = [(r["publisher"], r["year"], r["currency"], r["principal"], r["significant"], r["not_targeted"],
              r["no_marker"]) for r in rows if r["year"] is not None]
    assert found == expected


def test_it_downloads_the_gender_marked_aid_and_its_notes_as_the_page_shows_them(client, db):
    import_file(FIXTURES / "bad_among_good.xml")
    page = client.get("/watchdog/countries/LBR/").content.decode()
    assert "Aid spent for Liberia by the DAC gender equality marker, by publisher and year" in page
    assert "activity XM-TEST-4-D2 (IATI 2.02, starting on line 14) refused" in page
    csv = client.get("/watchdog/countries/LBR/aid-gender.csv").content.decode().splitlines()
    assert csv[0] == ("publisher,year,currency,principal,significant,not_targeted,no_marker,other_marker,"
                      "total,activities,source")
    assert csv[1].startswith("Test Agency (XM-TEST-4),2015,USD,0,0,0,100,0,100,1,\"IATI aid activities, "
                             "bad_among_good.xml, row 3; reported by Test Agency (XM-TEST-4) in "
                             "bad_among_good.xml (IATI 2.02)")
    assert csv[2].startswith("Test Agency (XM-TEST-4),2016,USD,0,40,0,0,0,40,1,")
    assert csv[3].startswith("All publishers,,USD,0,40,0,100,0,140,2,")
    notes = client.get("/watchdog/countries/LBR/aid-gender-notes.csv").content.decode().splitlines()
    assert len(notes) == 1 + 4 and notes[1].startswith("iati-bad_among_good,22,refused-activity,warning,")


def test_it_changes_nothing_the_second_time_when_percentages_and_values_have_more_decimals_than_kept(
        db, tmp_path):
    text = (FIXTURES / "mixed.xml").read_text(encoding="utf-8")
    path = tmp_path / "decimals.xml"
    path.write_text(text.replace('percentage="60"', 'percentage="66.66667"').replace(
        'percentage="40"', 'percentage="33.33333"').replace(">1000</value>", ">1000.4449</value>"),
        encoding="utf-8")
    import_file(path)
    again = import_file(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    b1 = AidActivity.objects.get(iati_identifier="XM-TEST-2-B1")
    assert sorted(r.percentage for r in b1.recipients.all()) == [Decimal("33.333"), Decimal("66.667")]
    assert AidTransaction.objects.get(activity=b1).value == Decimal("1000.44")
