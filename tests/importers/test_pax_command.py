"""`criticalmass import pax FILE` and `criticalmass import pax-gender FILE` from the command line."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.agreements.models import Agreement
from tests.importers.pax_helpers import PAX, PAX_GENDER


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_prints_agreements_then_provisions_imported(db):
    assert run("pax", str(PAX / "good.csv")).splitlines()[2] == (
        "  agreements: 6 created, 0 updated, 0 unchanged, 0 removed")
    assert run("pax-gender", str(PAX_GENDER / "good.csv")).splitlines()[2] == (
        "  provisions: 9 created, 0 updated, 0 unchanged, 0 removed")


def test_it_fails_in_one_line_when_pax_gender_comes_first(db):
    with pytest.raises(CommandError) as error:
        run("pax-gender", str(PAX_GENDER / "good.csv"))
    assert str(error.value).startswith("there are no PA-X agreements to attach gender provisions to")
    assert "\n" not in str(error.value)


def test_it_fails_in_one_line_on_a_file_in_the_wrong_format(db):
    with pytest.raises(CommandError) as error:
        run("pax", str(PAX / "wrong_columns.csv"))
    assert str(error.value) == ("wrong_columns.csv is not in the expected format; "
                                "missing columns: 'GeWom', 'PPName'")
    assert not Agreement.objects.exists()
