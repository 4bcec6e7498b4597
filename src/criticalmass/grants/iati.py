"""The coalition's grants as IATI 2.03 activities: one activity per funded grant, the coalition as
reporting and funding organisation, the grantee as implementing one, the grant as a commitment.

The publisher's identifier and name come from CRITICALMASS_IATI_PUBLISHER_REF and
CRITICALMASS_IATI_PUBLISHER_NAME. Validated against the IATI 2.03 activity schema in
tests/grants/test_iati.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pycountry
from django.conf import settings
from django.utils import timezone
from lxml import etree

from criticalmass.grants.models import Application

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WOMENS_RIGHTS_SECTOR = "15170"  # DAC 5: women's rights organisations and movements, and institutions
GENDER_EQUALITY_MARKER = "1"  # OECD DAC policy marker 1: gender equality; significance 2 = principal
IMPLEMENTATION, FINALISATION = "2", "3"
PLANNED_START, PLANNED_END = "1", "3"
OUTGOING_COMMITMENT = "2"
FUNDING, IMPLEMENTING = "1", "4"


def narrative(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, dict(attributes))
    etree.SubElement(element, "narrative").text = text
    return element


def identifier(grant: Application) -> str:
    return f"{settings.IATI_PUBLISHER_REF}-GRANT-{grant.pk}"


def activity(grant: Application) -> etree._Element:
    when = (grant.decided_at or timezone.now()).replace(microsecond=0).isoformat()
    root = etree.Element("iati-activity", {"last-updated-datetime": when,
                                           "default-currency": grant.call.currency, XML_LANG: "en"})
    etree.SubElement(root, "iati-identifier").text = identifier(grant)
    narrative(root, "reporting-org", settings.IATI_PUBLISHER_NAME, ref=settings.IATI_PUBLISHER_REF, type="90")
    narrative(root, "title", grant.project_title)
    narrative(root, "description", grant.advances_women, type="1")
    narrative(root, "participating-org", settings.IATI_PUBLISHER_NAME, ref=settings.IATI_PUBLISHER_REF,
              role=FUNDING)
    narrative(root, "participating-org", grant.group_name, role=IMPLEMENTING)
    reported = hasattr(grant, "report")
    etree.SubElement(root, "activity-status", code=FINALISATION if reported else IMPLEMENTATION)
    etree.SubElement(root, "activity-date", {"type": PLANNED_START, "iso-date": grant.starts_on.isoformat()})
    etree.SubElement(root, "activity-date", {"type": PLANNED_END, "iso-date": grant.ends_on.isoformat()})
    country = pycountry.countries.get(alpha_3=grant.country_id) if grant.country_id else None
    if country is not None:
        etree.SubElement(root, "recipient-country", code=country.alpha_2)
    etree.SubElement(root, "sector", vocabulary="1", code=WOMENS_RIGHTS_SECTOR)
    etree.SubElement(root, "policy-marker", vocabulary="1", code=GENDER_EQUALITY_MARKER, significance="2")
    root.append(commitment(grant))
    return root


def commitment(grant: Application) -> etree._Element:
    decided = (grant.decided_at or timezone.now()).date().isoformat()
    element = etree.Element("transaction")
    etree.SubElement(element, "transaction-type", code=OUTGOING_COMMITMENT)
    etree.SubElement(element, "transaction-date", {"iso-date": decided})
    value = etree.SubElement(element, "value", {"currency": grant.call.currency, "value-date": decided})
    value.text = str(grant.amount_awarded)
    narrative(element, "receiver-org", grant.group_name)
    return element


def activities_xml(grants: Iterable[Application], now: dt.datetime | None = None) -> bytes:
    """The IATI file of `grants` (funded applications), as UTF-8 bytes."""
    generated = (now or timezone.now()).replace(microsecond=0).isoformat()
    root = etree.Element("iati-activities", {"version": "2.03", "generated-datetime": generated})
    for grant in grants:
        root.append(activity(grant))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
