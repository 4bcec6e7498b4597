"""Grantees report what they did and spent, with receipts: files checked by their content and size,
kept outside the web root, served as downloads only to the grantee and the secretariat."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from criticalmass.grants import services
from criticalmass.grants.models import GrantReport, Receipt
from criticalmass.lib.limits import MAX_UPLOAD
from tests.grants.world import PDF, make_application


@pytest.fixture
def grant(call, personas):
    application = make_application(call, personas["advocate"])
    return services.decide(application.pk, fund=True, amount=Decimal(1000), reason="Good.",
                           by=personas["secretariat"])


def post_report(client, grant, *files):
    return client.post(f"/grants/applications/{grant.pk}/report/",
                       {"activities": "Six dialogues held.", "spent": "980.00", "receipts": list(files)})


def test_it_keeps_the_report_and_its_receipt_in_the_upload_folder(client_as, grant, upload_dir):
    response = post_report(client_as("advocate"), grant, SimpleUploadedFile("venue.pdf", PDF))
    assert response.status_code == 302
    report = GrantReport.objects.get()
    assert report.spent == Decimal("980.00")
    receipt = Receipt.objects.get()
    assert receipt.content_type == "application/pdf" and receipt.original_name == "venue.pdf"
    assert (upload_dir / receipt.stored_name).read_bytes() == PDF
    assert receipt.stored_name != "venue.pdf"  # a random name: no path or name of the sender's is used


def test_it_serves_a_receipt_as_a_download_to_the_grantee_and_the_secretariat_only(client_as, grant,
                                                                                     upload_dir):
    post_report(client_as("advocate"), grant, SimpleUploadedFile("venue.pdf", PDF))
    url = f"/grants/receipts/{Receipt.objects.get().pk}/"
    for persona in ["advocate", "secretariat"]:
        response = client_as(persona).get(url)
        assert response.status_code == 200 and response.content == PDF, persona
        assert response["Content-Disposition"] == 'attachment; filename="venue.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
    assert client_as("visitor").get(url).status_code == 403
    assert client_as("reviewer").get(url).status_code == 403
    assert client_as(None).get(url)["Location"].startswith("/accounts/login/")


def test_it_refuses_a_script_named_like_a_pdf_and_keeps_nothing(client_as, grant, upload_dir):
    response = post_report(client_as("advocate"), grant, SimpleUploadedFile("venue.pdf", PDF),
                           SimpleUploadedFile("receipt.pdf", b"<html><script>alert(1)</script></html>"))
    assert response.status_code == 400
    assert "receipt.pdf is not a recognised file type" in response.content.decode()
    assert not GrantReport.objects.exists() and not Receipt.objects.exists()
    assert not any(upload_dir.iterdir())


def test_it_refuses_a_receipt_over_the_size_limit(client_as, grant, upload_dir):
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * MAX_UPLOAD)
    response = post_report(client_as("advocate"), grant, big)
    assert response.status_code == 400 and "over the 10 MB limit" in response.content.decode()
    assert not Receipt.objects.exists()


def test_it_lets_only_the_grantee_report(client_as, grant, upload_dir):
    assert post_report(client_as("visitor"), grant).status_code == 403
    assert not GrantReport.objects.exists()


def test_it_refuses_a_report_on_an_application_not_funded(client_as, call, personas, upload_dir):
    waiting = make_application(call, personas["advocate"])
    assert post_report(client_as("advocate"), waiting).status_code == 403
