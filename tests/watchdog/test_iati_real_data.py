"""The real IATI files under ../shared/data/iati, checked against counts computed here with the standard
library's ElementTree, independently of the importer."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree as ET

from criticalmass.core.models import DataNote
from criticalmass.importers.iati import import_file
from criticalmass.watchdog.aid_figures import gender_marker_table
from criticalmass.watchdog.models import AidActivity

pytestmark = pytest.mark.realdata
DFID, DPORTAL = "iati/dfid_drc_v1.xml", "iati/dportal_mixed_versions.xml"


def real_file(data_dir: Path, relative: str) -> Path:
    path = data_dir / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real dataset is not in CRITICALMASS_DATA_DIR")
    return path


def activities(path: Path) -> tuple[Any, list[Any]]:
    root = ET.parse(path).getroot()
    return root, root.findall("iati-activity")


def test_it_reads_every_activity_of_dfids_1_01_file_for_dr_congo(db, data_dir):
    path = real_file(data_dir, DFID)
    root, found = activities(path)
    summary = import_file(path)
    assert (summary.rows_read, summary.created, summary.refused) == (len(found), 205, 0) == (205, 205, 0)
    versions = set(AidActivity.objects.values_list("iati_version", flat=True))
    assert versions == {root.get("version")} == {"1.01"}
    in_drc = [a for a in found if [r.get("code") for r in a.findall("recipient-country")] == ["CD"]]
    assert AidActivity.objects.filter(recipients__country_id="COD").count() == len(in_drc) == 138
    markers = Counter(p.get("significance") for a in found for p in a.findall("policy-marker")
                      if (p.get("vocabulary"), p.get("code")) == ("DAC", "1"))
    stored = Counter(AidActivity.objects.exclude(gender_marker=None).values_list("gender_marker", flat=True))
    assert stored == {int(k): n for k, n in markers.items()} == {0: 55, 1: 79, 2: 4}


def test_it_keeps_the_title_marker_and_budgets_of_a_gender_principal_dfid_activity(db, data_dir):
    import_file(real_file(data_dir, DFID))
    found = AidActivity.objects.get(iati_identifier="GB-1-200670-102")
    assert (found.title, found.gender_marker, found.published.isoformat()) == (
        "Gender Equality Support to the Democratic Republic of Congo", 2, "2013-04-30")
    assert [(b["type"], b["period_start"], b["value"], b["currency"]) for b in found.budgets] == [
        ("2", "2009-04-01", "52137", "GBP"), ("2", "2010-04-01", "349189", "GBP"),
        ("2", "2011-04-01", "233775", "GBP"), ("2", "2012-04-01", "41004", "GBP")]


def test_it_reads_the_mixed_version_download_and_refuses_its_eight_unreadable_activities(db, data_dir):
    path = real_file(data_dir, DPORTAL)
    _, found = activities(path)
    summary = import_file(path)
    in_file = Counter(a.get("version") for a in found)
    assert in_file == {"2.03": 48, "2.02": 43, "2.01": 6, "1.03": 2, "1.04": 1}
    assert (summary.rows_read, summary.created, summary.refused) == (100, 92, 8)
    assert Counter(AidActivity.objects.values_list("iati_version", flat=True)) == {
        "2.03": 48, "2.02": 37, "2.01": 5, "1.04": 1, "1.03": 1}
    refused = set(DataNote.objects.filter(kind="refused-activity").values_list("subject", flat=True))
    assert refused == {f"aid-activity:{i}" for i in (
        "GB-CHC-220949-D353", "CH-4-2015002496", "ES-DIR3-E04585801-009-090792",
        "ES-DIR3-E04585801-009-090812",
        "ES-DIR3-E04585801-009-085581", "ES-DIR3-E04585801-009-085665", "ES-DIR3-E04585801-009-088697",
        "XM-DAC-903-SII-36027")}
    nrc = AidActivity.objects.get(iati_identifier="NO-BRC-977538319_X9SM1403")  # 1.03, text in elements
    assert (nrc.title[:35], nrc.reporting_org_name, nrc.iati_version) == (
        "Multi-Sectoral analysis of the huma", "Norwegian Refugee Council", "1.03")


def test_it_changes_nothing_when_both_files_are_imported_again(db, data_dir):
    paths = [real_file(data_dir, DFID), real_file(data_dir, DPORTAL)]
    for path in paths:
        import_file(path)
    again = [import_file(path) for path in paths]
    assert [(s.created, s.updated, s.unchanged, s.removed, s.refused) for s in again] == [
        (0, 0, 205, 0, 0), (0, 0, 92, 0, 8)]


def dfid_spent_in_drc(path: Path) -> dict[str, Decimal]:
    """Disbursements (D) and expenditures (E) of DFID's DR Congo activities, by gender marker significance."""
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for a in activities(path)[1]:
        if [r.get("code") for r in a.findall("recipient-country")] != ["CD"]:
            continue
        marker = next((p.get("significance") for p in a.findall("policy-marker")
                       if (p.get("vocabulary"), p.get("code")) == ("DAC", "1")), None)
        for t in a.findall("transaction"):
            if t.find("transaction-type").get("code") in ("D", "E"):
                totals[str(marker)] += Decimal((t.findtext("value") or "").strip())
    return dict(totals)


def test_it_shows_dr_congos_gender_marked_aid_as_dfid_published_it(db, data_dir):
    path = real_file(data_dir, DFID)
    import_file(path)
    import_file(real_file(data_dir, DPORTAL))
    table = gender_marker_table("COD", "DR Congo")
    dfid = [r for r in table.rows if r["publisher"] == "Department for International Development (GB-1)"]
    assert [r["year"] for r in dfid] == [2008, 2009, 2010, 2011, 2012, 2013]
    expected = dfid_spent_in_drc(path)
    summed = {group: sum(r[group] for r in dfid) for group in ("principal", "significant", "not_targeted")}
    assert summed == {"principal": round(expected["2"]), "significant": round(expected["1"]),
                      "not_targeted": round(expected["0"])} == {
        "principal": 741000, "significant": 279514003, "not_targeted": 180287309}
    assert table.as_of is not None and table.as_of.isoformat() == "2020-03-26"
    assert "dfid_drc_v1.xml (IATI 1.01); newest activity updated 2013-04-30" in dfid[0]["source"]
    assert table.notes_count == 8  # the download's refused activities, which may have concerned it
