"""An open micro-grant call with a rubric, one application waiting and one funded grant with a report
and a receipt, for the site-wide page tests and the grants tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from criticalmass.core.models import Role, User
from criticalmass.grants.models import Application, BudgetLine, Call, GrantReport, Receipt, RubricItem

WAITING, FUNDED, RECEIPT = 9001, 9002, 9001  # fixed, so that tests/test_page_permissions.py can name pages
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def build_call(slug: str = "open-call", budget: str = "5000", max_per_grant: str = "1500") -> Call:
    today = timezone.localdate()
    call = Call.objects.create(
        slug=slug, title="Youth for 1325", description="Small grants for youth work on Resolution 1325.",
        currency="USD", budget=Decimal(budget), max_per_grant=Decimal(max_per_grant),
        opens_on=today - dt.timedelta(days=10), deadline=today + dt.timedelta(days=20),
        report_deadline=today + dt.timedelta(days=200))
    RubricItem.objects.create(call=call, name="Advances women's participation", weight=Decimal(2))
    RubricItem.objects.create(call=call, name="Feasible budget", weight=Decimal(1))
    return call


def make_application(call: Call, applicant: User, pk: int | None = None, title: str = "Campus dialogues",
                     lines: tuple[str, ...] = ("600", "400"), **fields: object) -> Application:
    today = timezone.localdate()
    application = Application.objects.create(
        pk=pk, call=call, applicant=applicant, applicant_kind="club", group_name="Accra Peace Club",
        country_id="GHA", project_title=title, project="Six dialogues on campus.",
        advances_women="Women students chair every dialogue.", starts_on=today + dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=120), timeline="Month 1: plan; months 2-4: dialogues.", **fields)
    for number, amount in enumerate(lines, start=1):
        BudgetLine.objects.create(application=application, item=f"Line {number}", amount=Decimal(amount))
    return application


def build_grants(applicant: User | None = None, secretariat: User | None = None) -> Call:
    applicant = applicant or User.objects.create_user(username="grantee", roles=[Role.ADVOCATE],
                                                      display_name="Grantee")
    call = build_call()
    make_application(call, applicant, pk=WAITING, title="Radio for women mediators")
    funded = make_application(call, applicant, pk=FUNDED, status=Application.Status.FUNDED,
                              amount_awarded=Decimal("1000.00"), decided_at=timezone.now(),
                              decided_by=secretariat, decision_reason="Strong, feasible plan.")
    report = GrantReport.objects.create(application=funded, activities="Six dialogues held.",
                                        spent=Decimal("980.00"))
    folder = Path(settings.UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "0123456789abcdef.pdf").write_bytes(PDF)
    Receipt.objects.create(pk=RECEIPT, report=report, stored_name="0123456789abcdef.pdf",
                           original_name="venue.pdf", content_type="application/pdf", size=len(PDF))
    return call
