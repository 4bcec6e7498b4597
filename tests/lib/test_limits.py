"""Files over their format's limit, and workbooks that unpack to far more than they weigh, are refused
before they are read: clearly, naming the file, with nothing changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from criticalmass.agreements.models import Agreement
from criticalmass.lib.limits import MAX_BYTES, MAX_UNPACKED, MB, FileTooLarge, check_size


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # no disk written: the size is all there is
    return path


def zip_bomb(path: Path, unpacked: int) -> Path:
    """A workbook-shaped zip whose shared strings unpack to `unpacked` bytes of one repeated letter."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            block = b"A" * MB
            for _ in range(unpacked // MB):
                part.write(block)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".xml", ".pdf"])
def test_it_refuses_a_file_over_its_formats_limit_naming_both_sizes(tmp_path, suffix):
    path = sparse(tmp_path / f"big{suffix}", MAX_BYTES[suffix] + MB)
    limit = MAX_BYTES[suffix] // MB
    with pytest.raises(FileTooLarge, match=rf"big\{suffix} is [\d.]+ MB, over the {limit} MB"):
        check_size(path)


def test_it_accepts_a_file_at_its_limit(tmp_path):
    check_size(sparse(tmp_path / "fits.csv", MAX_BYTES[".csv"]))


def test_it_refuses_a_small_workbook_that_unpacks_beyond_the_limit(tmp_path):
    bomb = zip_bomb(tmp_path / "bomb.xlsx", MAX_UNPACKED + MB)
    assert bomb.stat().st_size < MB  # it weighs little: only its unpacked size tells
    with pytest.raises(FileTooLarge, match=r"unpacks to 257 MB \(xl/sharedStrings.xml: 257 MB\)"):
        check_size(bomb)


def test_the_import_command_refuses_an_oversized_file_and_changes_nothing(db, tmp_path):
    path = sparse(tmp_path / "pax.csv", MAX_BYTES[".csv"] + 1)
    with pytest.raises(CommandError, match="pax.csv is 64.0 MB, over the 64 MB limit for CSV files"):
        call_command("import", "pax", str(path))
    assert not Agreement.objects.exists()
