"""Reading an IATI 2.03 activity file. Plain Python; XML is parsed with defusedxml, which refuses
entity declarations (the "billion laughs") and external references instead of expanding them.

Read per `iati-activity`: iati-identifier, title, reporting-org, participating-org (role, ref, type,
name), recipient-country (ISO 3166-1 alpha-2, with percentage), sector (vocabulary, code, percentage),
the DAC gender equality policy marker (vocabulary 1, code 1: significance 0, 1, 2), budget and
transaction (type, date, value, currency: the value's own or the activity's default-currency).
Errors name the file, the line and the element: "f.xml, line 12, column 'transaction/value': ...".
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pycountry
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from criticalmass.lib.csvread import FormatError, RowError

VERSION = "2.03"
GENDER_MARKER = ("1", "1")  # vocabulary 1 (OECD DAC CRS), code 1 (gender equality)
SIGNIFICANCE = {"0", "1", "2", "3", "4"}  # the PolicySignificance codelist; 3 and 4 do not apply to gender


@dataclass
class Transaction:
    line: int
    type: str
    date: dt.date
    value: Decimal
    currency: str


@dataclass
class Activity:
    line: int
    identifier: str
    title: str
    reporting_org_ref: str
    reporting_org_name: str
    participating_orgs: list[dict[str, str]] = field(default_factory=list)
    countries: list[tuple[str, Decimal | None]] = field(default_factory=list)  # (ISO3, percentage)
    sectors: list[dict[str, Any]] = field(default_factory=list)
    gender_marker: int | None = None
    budgets: list[dict[str, Any]] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)


@dataclass
class Reading:
    activities: list[Activity] = field(default_factory=list)
    rows_read: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)


class LineBuilder(ET.TreeBuilder):
    """Keeps the line each element starts on (C elements take no attributes, so by id)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def parse_xml(path: Path) -> tuple[ET.Element, dict[int, int]]:
    builder = LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                parser.feed(block)
        return parser.close(), builder.lines
    except DefusedXmlException:
        raise FormatError(f"{path.name} declares a DTD or entities, which IATI files never need; "
                          "refused for safety") from None
    except ET.ParseError as exc:
        raise FormatError(f"{path.name} is not well-formed XML ({exc})") from None


def read(path: Path, progress: Callable[[int], None] | None = None) -> Reading:
    root, lines = parse_xml(path)
    if root.tag != "iati-activities":
        raise FormatError(f"{path.name} is not an IATI activity file: its root element is <{root.tag}>, "
                          "not <iati-activities>")
    if root.get("version") != VERSION:
        version = root.get("version")
        raise FormatError(f"{path.name} is IATI version {version!r}; this importer reads {VERSION}")
    reading, seen = Reading(), dict[str, int]()
    for element in root.findall("iati-activity"):
        reading.rows_read += 1
        if progress:
            progress(1)
        activity = ActivityReader(path.name, element, lines, reading.warnings).read()
        if activity.identifier in seen:
            raise RowError(path.name, activity.line, "iati-identifier",
                           f"{activity.identifier!r} is also on line {seen[activity.identifier]}")
        seen[activity.identifier] = activity.line
        reading.activities.append(activity)
    return reading


class ActivityReader:
    def __init__(self, file: str, element: ET.Element, lines: dict[int, int],
                 warnings: list[tuple[int, str]]) -> None:
        self.file, self.element, self.lines, self.warnings = file, element, lines, warnings
        self.currency = element.get("default-currency", "")

    def line(self, element: ET.Element) -> int:
        return self.lines.get(id(element), 0)

    def error(self, element: ET.Element, where: str, problem: str) -> RowError:
        return RowError(self.file, self.line(element), where, problem)

    def read(self) -> Activity:
        e = self.element
        identifier = text(e.find("iati-identifier"))
        if not identifier:
            raise self.error(e, "iati-identifier", "is missing or empty; every activity needs one")
        reporting = e.find("reporting-org")
        if reporting is None or not reporting.get("ref"):
            problem = "is missing; every activity names its reporting organisation"
            raise self.error(e, "reporting-org/@ref", problem)
        activity = Activity(self.line(e), identifier, narrative(e.find("title")), reporting.get("ref", ""),
                            narrative(reporting))
        activity.participating_orgs = [
            {"role": o.get("role", ""), "ref": o.get("ref", ""), "type": o.get("type", ""),
             "name": narrative(o)}
            for o in e.findall("participating-org")]
        activity.countries = [self.country(c) for c in e.findall("recipient-country")]
        activity.sectors = [self.sector(s) for s in e.findall("sector")]
        activity.gender_marker = self.gender_marker()
        activity.budgets = [self.budget(b) for b in e.findall("budget")]
        activity.transactions = [self.transaction(t) for t in e.findall("transaction")]
        self.check_percentages(activity)
        return activity

    def country(self, element: ET.Element) -> tuple[str, Decimal | None]:
        code = element.get("code", "")
        found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
        if found is None:
            problem = f"{code!r} is not an ISO 3166-1 alpha-2 code"
            raise self.error(element, "recipient-country/@code", problem)
        return found.alpha_3, self.number(element, "recipient-country/@percentage", element.get("percentage"))

    def sector(self, element: ET.Element) -> dict[str, Any]:
        code = element.get("code", "")
        if not code:
            raise self.error(element, "sector/@code", "is missing")
        percentage = self.number(element, "sector/@percentage", element.get("percentage"))
        return {"vocabulary": element.get("vocabulary", "1"), "code": code,
                "percentage": None if percentage is None else str(percentage)}

    def gender_marker(self) -> int | None:
        for marker in self.element.findall("policy-marker"):
            if (marker.get("vocabulary", "1"), marker.get("code")) != GENDER_MARKER:
                continue
            significance = marker.get("significance")
            if significance is None:
                return None
            if significance not in SIGNIFICANCE:
                problem = f"{significance!r} is not 0, 1, 2, 3 or 4"
                raise self.error(marker, "policy-marker/@significance", problem)
            if significance in ("3", "4"):
                message = (f"gender equality marker significance {significance} is not in the DAC "
                           "definitions (0, 1, 2); kept as published")
                self.warnings.append((self.line(marker), message))
            return int(significance)
        return None

    def budget(self, element: ET.Element) -> dict[str, Any]:
        value_element = element.find("value")
        value = self.value(value_element, "budget/value")
        return {"type": element.get("type", ""), "status": element.get("status", ""),
                "period_start": str(self.date(element.find("period-start"), "budget/period-start")),
                "period_end": str(self.date(element.find("period-end"), "budget/period-end")),
                "value": str(value), "currency": self.currency_of(value_element, "budget/value")}

    def transaction(self, element: ET.Element) -> Transaction:
        kind = element.find("transaction-type")
        if kind is None or not kind.get("code", "").isdigit():
            raise self.error(element, "transaction/transaction-type/@code", "is missing or not a code number")
        value_element = element.find("value")
        return Transaction(self.line(element), kind.get("code", ""),
                           self.date(element.find("transaction-date"), "transaction/transaction-date"),
                           self.value(value_element, "transaction/value"),
                           self.currency_of(value_element, "transaction/value"))

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
        currency = (element.get("currency") if element is not None else None) or self.currency
        if len(currency) != 3 or not currency.isalpha():
            raise self.error(element if element is not None else self.element, f"{where}/@currency",
                             "no currency: neither the value nor the activity's default-currency gives one")
        return currency.upper()

    def date(self, element: ET.Element | None, where: str) -> dt.date:
        raw = element.get("iso-date", "") if element is not None else ""
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise self.error(element if element is not None else self.element, f"{where}/@iso-date",
                             f"{raw!r} is not a date (YYYY-MM-DD)") from None

    def check_percentages(self, activity: Activity) -> None:
        shares = [p for _, p in activity.countries]
        if len(shares) > 1 and (None in shares or sum(p for p in shares if p is not None) != 100):
            message = (f"{activity.identifier}: recipient-country percentages do not add up to 100; "
                       "money is split as published, equally where none is given")
            self.warnings.append((activity.line, message))


def text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def narrative(element: ET.Element | None) -> str:
    """The first narrative's text (IATI 2.x puts names and titles in <narrative> children)."""
    if element is None:
        return ""
    first = element.find("narrative")
    return text(first) if first is not None else text(element)
