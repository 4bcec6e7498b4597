"""The public grants list (page, CSV, API) shows who received what for what, and nothing undecided."""

from __future__ import annotations

import csv
import io

import pytest

from tests.grants.world import build_grants


@pytest.fixture
def grants(db, upload_dir, personas):
    return build_grants(personas["advocate"], personas["secretariat"])


def test_it_lists_funded_grants_and_no_waiting_application(client_as, grants):
    page = client_as(None).get("/grants/").content.decode()
    assert "Campus dialogues" in page and "1000.00 USD" in page and "Accra Peace Club" in page
    assert "Radio for women mediators" not in page  # waiting: not public
    assert client_as(None).get("/grants/9001/").status_code == 404


def test_it_writes_the_same_grants_to_the_csv(client_as, grants):
    rows = list(csv.DictReader(io.StringIO(client_as(None).get("/grants/grants.csv").content.decode())))
    assert [(r["grantee"], r["project"], r["amount"], r["currency"], r["reported"]) for r in rows] == [
        ("Accra Peace Club", "Campus dialogues", "1000.00", "USD", "True")]


def test_it_answers_the_grants_and_calls_in_the_api(client_as, grants):
    items = client_as(None).get("/api/grants/grants").json()["items"]
    found = [(i["project"], i["amount"], i["currency"]) for i in items]
    assert found == [("Campus dialogues", "1000.00", "USD")]
    call = client_as(None).get("/api/grants/calls").json()["items"][0]
    assert (call["budget"], call["awarded"], call["remaining"]) == ("5000.00", "1000.00", "4000.00")


def test_it_shows_a_grants_public_page_with_its_report_but_no_receipt_link(client_as, grants):
    page = client_as(None).get("/grants/9002/").content.decode()
    assert "Six dialogues held." in page and "980.00 USD" in page and "/grants/receipts/" not in page


def test_it_gives_a_member_their_grant_applications(client_as, grants):
    data = client_as("advocate").get("/accounts/data.json").json()
    assert sorted((a["project"], a["status"]) for a in data["grant_applications"]) == [
        ("Campus dialogues", "funded"), ("Radio for women mediators", "submitted")]


def test_it_lists_grants_in_as_many_queries_however_many_there_are(client_as, personas, grants):
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from criticalmass.grants.models import Application
    from tests.grants.world import make_application

    def queries(url: str) -> int:
        client = client_as(None)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = ["/grants/", "/grants/grants.csv", "/api/grants/grants", "/grants/iati.xml"]
    few = [queries(url) for url in urls]
    for number in range(30):
        make_application(grants, personas["advocate"], title=f"Grant {number}", lines=("10",),
                         status=Application.Status.FUNDED, amount_awarded=Decimal(10))
    assert [queries(url) for url in urls] == few
