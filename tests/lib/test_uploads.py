"""Uploads are judged by their content and size, never their name."""

from __future__ import annotations

import pytest

from criticalmass.lib import uploads
from criticalmass.lib.limits import MAX_UPLOAD

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20


def test_it_accepts_a_pdf_and_a_png_by_their_content():
    assert uploads.sniff(PDF, len(PDF), "receipt.jpg") == "application/pdf"
    assert uploads.sniff(PNG, len(PNG), "receipt") == "image/png"


def test_it_refuses_a_script_named_like_a_pdf():
    with pytest.raises(uploads.UploadRefused, match="receipt.pdf is not a recognised file type"):
        uploads.sniff(b"<script>alert(1)</script>", 25, "receipt.pdf")


def test_it_refuses_a_file_over_the_limit_before_reading_it():
    with pytest.raises(uploads.UploadRefused, match="over the 10 MB limit"):
        uploads.sniff(PDF, MAX_UPLOAD + 1, "big.pdf")


def test_it_refuses_an_empty_file():
    with pytest.raises(uploads.UploadRefused, match="empty"):
        uploads.sniff(b"", 0, "nothing.pdf")
