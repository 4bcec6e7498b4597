"""criticalmass import-posts: the directory from a CSV, all or nothing, idempotent, errors by line and
column."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from criticalmass.doors.models import Holder, Post
from tests.conftest import FIXTURES
from tests.doors.world import mission

POSTS = FIXTURES / "doors" / "posts.csv"


def run(path: Path) -> str:
    out = StringIO()
    call_command("import_posts", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def unmiss(db):
    return mission()


def test_it_imports_posts_and_their_cited_holders(unmiss):
    assert "Added 3 post(s) and 3 holder(s)" in run(POSTS)
    holder = Holder.objects.get(name="B. Man")
    assert holder.post.process == unmiss and holder.sex == "man" and holder.end_date is None
    assert holder.citation == "UN press release SG/A/2" and holder.source_row == 3
    assert Post.objects.get(title="Minister of Defence, South Sudan").holders.count() == 0


def test_it_adds_nothing_when_the_same_file_is_imported_twice(unmiss):
    run(POSTS)
    assert "Added 0 post(s) and 0 holder(s); 3 holder(s) already there" in run(POSTS)
    assert Holder.objects.count() == 3 and Post.objects.count() == 3


@pytest.mark.parametrize(("change", "message"), [
    (("woman,2020", "female,2020"), "posts.csv, line 2, column 'sex': 'female' is not one of"),
    (("unmiss,,B. Man", "nowhere,,B. Man"), "line 3, column 'process': there is no mission or process"),
    (("2022-07-01,,UN", "2022-13-01,,UN"), "line 3, column 'start'"),
    (("2020-01-01,2022-06-30", "2020-01-01,2019-06-30"), "line 2, column 'end': the end (2019-06-30) is"),
    (("force_commander,unmiss,,B", "general,unmiss,,B"), "line 3, column 'kind'"),
])
def test_it_imports_nothing_from_a_file_with_a_bad_cell_and_says_where(unmiss, tmp_path, change, message):
    bad = tmp_path / "posts.csv"
    bad.write_text(POSTS.read_text().replace(*change, 1))
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        run(bad)
    assert message in str(error.value)
    assert not Post.objects.exists() and not Holder.objects.exists()


def test_it_names_the_columns_a_file_lacks(unmiss, tmp_path):
    bad = tmp_path / "posts.csv"
    bad.write_text("post,kind\nX,srsg\n")
    with pytest.raises(CommandError, match="missing columns"):
        run(bad)


def test_it_says_when_the_file_does_not_exist(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "absent.csv")


def test_it_refuses_a_source_address_that_is_not_a_web_address(unmiss, tmp_path):
    bad = tmp_path / "posts.csv"
    bad.write_text(POSTS.read_text().replace("https://press.un.org/a", "javascript:alert(1)"))
    with pytest.raises(CommandError, match="line 2, column 'url'"):
        run(bad)
    assert not Holder.objects.exists()
