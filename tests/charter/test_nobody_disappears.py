"""Every signatory is on the accountability page with where he stands; withdrawal is public with its
date and the commitments made before stay; send-reminders reminds signatories without commitments."""

from __future__ import annotations

import csv
import datetime as dt
import io
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from criticalmass.charter.models import Signature
from criticalmass.core.models import Role, User


@pytest.fixture
def locmem():
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        yield


def sign(user: User, version, name: str, withdrawn: bool = False) -> Signature:
    return Signature.objects.create(user=user, version=version, name=name, title="Minister",
                                    consented_at=timezone.now(),
                                    withdrawn_at=timezone.now() if withdrawn else None)


@pytest.fixture
def signatories(personas, charter, open_cycle, make_commitment, make_report):
    def partner(name: str) -> User:
        return User.objects.create_user(username=name, email=f"{name}@example.org", roles=[Role.PARTNER],
                                        display_name=name.title())

    sign(personas["partner"], charter, "Jon Ally")
    make_report(make_commitment(personas["partner"], open_cycle))
    sign(personas["another_partner"], charter, "Ama Waits")
    make_commitment(personas["another_partner"], open_cycle)
    sign(partner("silent"), charter, "Kofi Silent")
    gone = partner("gone")
    sign(gone, charter, "Yaw Gone", withdrawn=True)
    make_commitment(gone, open_cycle, "A commitment made before withdrawing")
    return open_cycle


def standings(client) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(client.get("/accountability/signatories.csv").content.decode()))
    return {row["signatory"]: row for row in rows}


def test_it_lists_every_signatory_with_where_he_stands(client_as, signatories):
    found = standings(client_as(None))
    assert {name: row["standing"] for name, row in found.items()} == {
        "Jon Ally": "Reported", "Ama Waits": "Commitments on track", "Kofi Silent": "No commitment yet",
        "Yaw Gone": "Commitments on track"}
    assert found["Kofi Silent"]["required"] == "1" and found["Kofi Silent"]["commitments"] == "0"
    page = client_as(None).get("/accountability/").content.decode()
    assert "Kofi Silent" in page and "of the 1 the cycle asks for" in page


def test_it_shows_a_withdrawal_with_its_date_and_keeps_the_commitments_made_before(client_as, signatories):
    today = timezone.localdate().isoformat()
    page = client_as(None).get("/accountability/").content.decode()
    assert f"withdrew on {today}" in page and "A commitment made before withdrawing" in page
    partner_page = client_as(None).get("/accountability/partners/gone/").content.decode()
    assert f"Withdrew from the Charter on {today}" in partner_page
    assert "A commitment made before withdrawing" in partner_page


def test_it_marks_a_signatory_not_reported_once_the_cycle_closed_without_his_report(client_as, signatories):
    signatories.opens_on = timezone.localdate() - dt.timedelta(days=60)
    signatories.deadline = timezone.localdate() - dt.timedelta(days=1)
    signatories.save()
    found = standings(client_as(None))
    assert found["Ama Waits"]["standing"] == "Not reported" and found["Jon Ally"]["standing"] == "Reported"


@pytest.mark.usefixtures("locmem")
def test_it_reminds_signatories_without_commitments_once(signatories, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends once committed
        call_command("send_reminders", "--days-before", "0", stdout=StringIO())
    reminded = [m for m in mail.outbox if "asks for 1 commitment" in m.subject]
    # not the withdrawn one, nor those who made one
    assert [m.to for m in reminded] == [["silent@example.org"]]
    assert "/my/commitments/new/" in reminded[0].body and "/accounts/unsubscribe/" in reminded[0].body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--days-before", "0", stdout=StringIO())
    assert len([m for m in mail.outbox if "asks for 1 commitment" in m.subject]) == 1


@pytest.mark.usefixtures("locmem")
def test_it_does_not_remind_a_signatory_who_chose_no_reminders(signatories):
    User.objects.filter(username="silent").update(notify_reminders=False)
    call_command("send_reminders", "--days-before", "0", stdout=StringIO())
    assert not [m for m in mail.outbox if "asks for 1 commitment" in m.subject]


def test_it_says_what_to_do_when_nobody_signed(client_as, db):
    assert "Nobody has signed the Charter yet" in client_as(None).get("/accountability/").content.decode()
