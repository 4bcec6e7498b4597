"""The printable Charter (a PDF for a newspaper page, cached by version and data version) and the
embeddable list of signatories (the only page other sites may frame)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from criticalmass.charter.models import CharterGoal
from tests.charter.test_charter_page import sign_as


def pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_it_prints_the_published_charter_with_goals_and_signatories_as_a_pdf(client_as, personas, charter):
    CharterGoal.objects.create(version=charter, what="Women among delegates", target_value=30, unit="%",
                               deadline=dt.date(2027, 12, 31))
    sign_as(personas["partner"], charter, name="Jon Ally")
    response = client_as(None).get("/charter/charter.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="criticalmass-charter-v2.pdf"' in response["Content-Disposition"]
    text = pdf_text(response)
    assert "Charter of allies" in text and "Women among delegates" in text and "Jon Ally" in text
    assert "Secret draft text." not in text


def test_it_prints_a_new_signatory_at_once_though_the_pdf_is_cached(client_as, personas, other_partner,
                                                                  charter):
    sign_as(personas["partner"], charter, name="Jon Ally")
    assert "Late Signer" not in pdf_text(client_as(None).get("/charter/charter.pdf"))
    sign_as(other_partner, charter, name="Late Signer")
    assert "Late Signer" in pdf_text(client_as(None).get("/charter/charter.pdf"))


def test_it_serves_the_cached_pdf_while_nothing_changed(client_as, personas, charter,
                                                        django_assert_max_num_queries):
    sign_as(personas["partner"], charter, name="Jon Ally")
    first = client_as(None).get("/charter/charter.pdf").content
    with django_assert_max_num_queries(6):
        again = client_as(None).get("/charter/charter.pdf").content
    assert again == first


def test_it_lets_any_site_frame_the_signatories_list_and_no_other_page(client_as, personas, charter):
    sign_as(personas["partner"], charter, name="Jon Ally")
    response = client_as(None).get("/charter/signatories/embed/")
    assert response.status_code == 200 and "Jon Ally" in response.content.decode()
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    page = client_as(None).get("/charter/")
    assert page["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_it_embeds_no_form_and_nothing_private(client_as, personas, charter):
    sign_as(personas["partner"], charter, name="Jon Ally", bio="Private bio")
    body = client_as("secretariat").get("/charter/signatories/embed/").content.decode()
    assert "<form" not in body and "Private bio" not in body and "csrf" not in body
