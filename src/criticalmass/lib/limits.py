"""How big a file an importer reads, per format: a bound on the time and memory one import may take.

The real files are far below these (the largest, PA-X's agreements CSV, is 3.6 MB; the UN's monthly
PDFs under 1 MB), so each limit leaves room for a decade of growth and refuses only what would tie a
server up: a 200 MB CSV took 27 minutes, a 1.5 MB workbook holding a 1.5 GB string 3.2 GB of memory.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from criticalmass.lib.csvread import FormatError

MB = 1024 * 1024
MAX_BYTES = {".csv": 64 * MB, ".xlsx": 16 * MB, ".xml": 64 * MB, ".pdf": 32 * MB}
OTHER_FORMATS = 64 * MB
MAX_UNPACKED = 256 * MB  # what a workbook (a zip of XML parts) may unpack to


class FileTooLarge(FormatError):
    """A file over its format's limit, or a workbook that would unpack to more than MAX_UNPACKED."""


def limit_of(path: Path) -> int:
    return MAX_BYTES.get(path.suffix.lower(), OTHER_FORMATS)


def check_size(path: Path) -> None:
    """Refuse a file over its format's limit, before reading a byte of it."""
    size, limit = path.stat().st_size, limit_of(path)
    if size > limit:
        kind = path.suffix.lower().lstrip(".").upper() or "file"
        raise FileTooLarge(f"{path.name} is {size / MB:,.1f} MB, over the {limit // MB} MB limit for {kind} "
                           "files (split it; see docs/operators.md, Imports)")
    if path.suffix.lower() == ".xlsx":
        check_unpacked(path)


def check_unpacked(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_UNPACKED (a "zip bomb"): the sizes come
    from the zip's own directory, which Python's zipfile holds each part to while it is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            largest = max(archive.infolist(), key=lambda member: member.file_size, default=None)
    except zipfile.BadZipFile as exc:
        raise FormatError(f"{path.name} is not an Excel .xlsx workbook ({exc})") from None
    if unpacked > MAX_UNPACKED and largest is not None:
        raise FileTooLarge(
            f"{path.name} is {path.stat().st_size / MB:,.1f} MB but unpacks to {unpacked / MB:,.0f} MB "
            f"({largest.filename}: {largest.file_size / MB:,.0f} MB), over the {MAX_UNPACKED // MB} MB a "
            "workbook may hold; refused before reading it")

# Files members upload (a grantee's receipts and reports): photos or scans of paper, or PDFs.
MAX_UPLOAD = 10 * MB
