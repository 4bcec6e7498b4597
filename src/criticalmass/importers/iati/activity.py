"""Reading one `iati-activity` of IATI 2.01-2.03 or 1.01-1.05. Plain Python.

Read: iati-identifier, title, reporting-org, participating-org (role, ref, type, name), activity-date
(type 1 to 4), recipient-country (ISO 3166-1 alpha-2, any case, in @code or else as the element's
text; with percentage), sector (vocabulary, code, percentage), the DAC gender equality policy marker
(vocabulary "1" or "DAC", code 1: significance 0 to 4), budget and transaction (type, date, value,
value-date, currency: the value's own or the activity's default-currency). Names and titles are the
first <narrative> (2.x) or the element's own text (1.0x). Codes are stored as 2.x codes (`codes`).
A value that cannot be read raises RowError naming the line and the element; the caller refuses the
activity. Flaws that leave the activity readable are its `notes`.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import pycountry

from criticalmass.importers.iati import codes
from criticalmass.lib.csvread import RowError
from criticalmass.lib.notes import INFO, Note


@dataclass
class Transaction:
    line: int
    type: str
    date: dt.date
    value: Decimal
    currency: str
    value_date: dt.date | None = None


@dataclass
class Activity:
    line: int
    identifier: str
    version: str
    title: str
    reporting_org_ref: str
    reporting_org_name: str
    published: dt.date | None = None  # its last-updated-datetime, else its generated-datetime
    participating_orgs: list[dict[str, str]] = field(default_factory=list)
    dates: list[dict[str, str]] = field(default_factory=list)  # [{type (1-4), date}]
    countries: list[tuple[str, Decimal | None]] = field(default_factory=list)  # (ISO3, percentage)
    sectors: list[dict[str, Any]] = field(default_factory=list)
    gender_marker: int | None = None
    budgets: list[dict[str, Any]] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class ActivityReader:
    def __init__(self, file: str, element: ET.Element, lines: dict[int, int], version: str) -> None:
        self.file, self.element, self.lines, self.version = file, element, lines, version
        self.currency = element.get("default-currency", "")
        self.notes: list[Note] = []
        self.identifier = ""

    def line(self, element: ET.Element) -> int:
        return self.lines.get(id(element), 0)

    def error(self, element: ET.Element, where: str, problem: str) -> RowError:
        return RowError(self.file, self.line(element), where, problem)

    def note(self, element: ET.Element, message: str, severity: str = "warning") -> None:
        self.notes.append(Note(self.line(element), f"{self.identifier}: {message}", "iati-activity",
                               f"aid-activity:{self.identifier}", severity))

    def read(self) -> Activity:
        e = self.element
        self.identifier = text(e.find("iati-identifier"))
        if not self.identifier:
            raise self.error(e, "iati-identifier", "is missing or empty; every activity needs one")
        reporting = e.find("reporting-org")
        if reporting is None or not reporting.get("ref", "").strip():
            problem = "is missing; every activity names its reporting organisation"
            raise self.error(e, "reporting-org/@ref", problem)
        activity = Activity(self.line(e), self.identifier, self.version, narrative(e.find("title")),
                            reporting.get("ref", "").strip(), narrative(reporting),
                            day(e.get("last-updated-datetime")) or day(e.get("generated-datetime")))
        activity.participating_orgs = [
            {"role": o.get("role", ""), "ref": o.get("ref", ""), "type": o.get("type", ""),
             "name": narrative(o)}
            for o in e.findall("participating-org")]
        activity.dates = [d for d in map(self.activity_date, e.findall("activity-date")) if d]
        activity.countries = self.countries()
        activity.sectors = [self.sector(s) for s in e.findall("sector")]
        activity.gender_marker = self.gender_marker()
        activity.budgets = [self.budget(b) for b in e.findall("budget")]
        activity.transactions = [self.transaction(t) for t in e.findall("transaction")]
        self.check_percentages(activity)
        activity.notes = self.notes
        return activity

    def activity_date(self, element: ET.Element) -> dict[str, str] | None:
        kind = codes.activity_date_type(element.get("type", ""))
        when = self.optional_date(element)
        if kind is None or when is None:
            what = f"type {element.get('type')!r}" if kind is None else "no date (iso-date)"
            self.note(element, f"activity-date left out: {what}", INFO)
            return None
        return {"type": kind, "date": when.isoformat()}

    def countries(self) -> list[tuple[str, Decimal | None]]:
        found: dict[str, Decimal | None] = {}
        for element in self.element.findall("recipient-country"):
            iso3, percentage = self.country(element)
            if iso3 in found:
                raise self.error(element, "recipient-country/@code", f"{iso3} is given twice")
            found[iso3] = percentage
        return list(found.items())

    def country(self, element: ET.Element) -> tuple[str, Decimal | None]:
        code = (element.get("code") or text(element)).strip()
        found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
        if found is None:
            region = " (a region code: IATI puts regions in recipient-region)" if code.isdigit() else ""
            problem = f"{code!r} is not an ISO 3166-1 alpha-2 country code{region}"
            raise self.error(element, "recipient-country/@code", problem)
        return found.alpha_3, self.number(element, "recipient-country/@percentage", element.get("percentage"))

    def sector(self, element: ET.Element) -> dict[str, Any]:
        code = element.get("code", "").strip()
        if not code:
            raise self.error(element, "sector/@code", "is missing")
        percentage = self.number(element, "sector/@percentage", element.get("percentage"))
        vocabulary = element.get("vocabulary", "1").strip()
        return {"vocabulary": "1" if vocabulary == "DAC" else vocabulary, "code": code,
                "percentage": None if percentage is None else str(percentage)}

    def gender_marker(self) -> int | None:
        for marker in self.element.findall("policy-marker"):
            vocabulary = marker.get("vocabulary", "1").strip()
            code = marker.get("code", "").strip()
            if vocabulary not in codes.DAC_VOCABULARIES or code != codes.GENDER_EQUALITY:
                continue
            significance = marker.get("significance", "").strip()
            if not significance:
                self.note(marker, "gender equality marker without a significance: counted as no marker")
                return None
            if significance not in codes.SIGNIFICANCE:
                problem = f"{significance!r} is not 0, 1, 2, 3 or 4"
                raise self.error(marker, "policy-marker/@significance", problem)
            if significance not in codes.DAC_SIGNIFICANCE:
                message = (f"gender equality marker significance {significance} is not in the DAC "
                           "definitions (0, 1, 2); kept as published")
                self.notes.append(Note(self.line(marker), message, "iati-activity",
                                       f"aid-activity:{self.identifier}"))
            return int(significance)
        return None

    def budget(self, element: ET.Element) -> dict[str, Any]:
        value_element = element.find("value")
        value = self.value(value_element, "budget/value")
        return {"type": codes.budget_type(element.get("type", "")), "status": element.get("status", ""),
                "period_start": str(self.date(element.find("period-start"), "budget/period-start")),
                "period_end": str(self.date(element.find("period-end"), "budget/period-end")),
                "value": str(value), "currency": self.currency_of(value_element, "budget/value"),
                "value_date": str(self.value_date(value_element, "budget/value") or "")}

    def transaction(self, element: ET.Element) -> Transaction:
        kind = element.find("transaction-type")
        code = codes.transaction_type(kind.get("code", "")) if kind is not None else None
        if kind is None or code is None:
            raw = None if kind is None else kind.get("code")
            raise self.error(kind if kind is not None else element, "transaction/transaction-type/@code",
                             f"{raw!r} is not a transaction type of IATI {self.version}")
        value_element = element.find("value")
        return Transaction(self.line(element), code,
                           self.date(element.find("transaction-date"), "transaction/transaction-date"),
                           self.value(value_element, "transaction/value"),
                           self.currency_of(value_element, "transaction/value"),
                           self.value_date(value_element, "transaction/value"))

    def value(self, element: ET.Element | None, where: str) -> Decimal:
        if element is None:
            raise self.error(self.element, where, "is missing")
        number = self.number(element, where, text(element))
        if number is None:
            raise self.error(element, where, "is empty")
        return number

    def number(self, element: ET.Element, where: str, raw: str | None) -> Decimal | None:
        if raw is None or not raw.strip():
            return None
        try:
            number = Decimal(raw.strip())
        except InvalidOperation:
            raise self.error(element, where, f"{raw!r} is not a number") from None
        if not number.is_finite():
            raise self.error(element, where, f"{raw!r} is not a number")
        return number

    def currency_of(self, element: ET.Element | None, where: str) -> str:
        currency = ((element.get("currency") if element is not None else None) or self.currency).strip()
        if len(currency) != 3 or not currency.isalpha():
            raise self.error(element if element is not None else self.element, f"{where}/@currency",
                             "no currency: neither the value nor the activity's default-currency gives one")
        return currency.upper()

    def value_date(self, element: ET.Element | None, where: str) -> dt.date | None:
        raw = (element.get("value-date") or "").strip() if element is not None else ""
        if not raw:
            return None
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            raise self.error(element if element is not None else self.element, f"{where}/@value-date",
                             f"{raw!r} is not a date (YYYY-MM-DD)") from None

    def optional_date(self, element: ET.Element) -> dt.date | None:
        """@iso-date, or (1.0x) the element's text when that is a date."""
        raw = (element.get("iso-date") or "").strip()
        if not raw and codes.is_version_1(self.version):
            raw = text(element)
        try:
            return dt.date.fromisoformat(raw[:10]) if raw else None
        except ValueError:
            return None

    def date(self, element: ET.Element | None, where: str) -> dt.date:
        found = self.optional_date(element) if element is not None else None
        if found is None:
            raw = element.get("iso-date", "") if element is not None else ""
            raise self.error(element if element is not None else self.element, f"{where}/@iso-date",
                             f"{raw!r} is not a date (YYYY-MM-DD)")
        return found

    def check_percentages(self, activity: Activity) -> None:
        shares = [p for _, p in activity.countries]
        if len(shares) > 1 and (None in shares or sum(p for p in shares if p is not None) != 100):
            self.note(self.element, "recipient-country percentages do not add up to 100; money is split as "
                      "published, equally where none is given")


def text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def narrative(element: ET.Element | None) -> str:
    """The first narrative's text (IATI 2.x), else the element's own text (IATI 1.0x)."""
    if element is None:
        return ""
    first = element.find("narrative")
    return text(first) if first is not None else text(element)


def day(raw: str | None) -> dt.date | None:
    """The date of an xsd:dateTime ("2013-04-30T16:49:24Z"); None when absent or not one."""
    try:
        return dt.date.fromisoformat(raw.strip()[:10]) if raw else None
    except ValueError:
        return None
