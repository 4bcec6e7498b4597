"""What an uploaded file is, read from its first bytes (never from its name or the browser's word),
and whether the platform keeps it: a PDF, a JPEG, PNG or WebP picture, no larger than MAX_UPLOAD."""

from __future__ import annotations

import filetype

from criticalmass.lib.limits import MAX_UPLOAD, MB

ACCEPTED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


class UploadRefused(ValueError):
    """A file of a kind or size the platform does not keep; the message says which and why."""


def sniff(head: bytes, size: int, name: str) -> str:
    """The accepted MIME type of a file whose first bytes are `head`, or UploadRefused."""
    if size > MAX_UPLOAD:
        raise UploadRefused(f"{name} is {size / MB:,.1f} MB, over the {MAX_UPLOAD // MB} MB limit.")
    if size == 0:
        raise UploadRefused(f"{name} is empty.")
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED:
        found = kind.mime if kind else "not a recognised file type"
        raise UploadRefused(f"{name} is {found}; send a PDF, JPEG, PNG or WebP file.")
    return str(kind.mime)
