"""The sources page: every imported file with its dataset, publisher, version, licence and citation."""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.core.models import Source
from tests.parity.pages_world import build_operations, csv_rows, fresh_cache, table  # noqa: F401


@pytest.fixture
def imported(source, make_mission, observe):
    Source.objects.filter(pk=source.pk).update(
        version="v9", licence="CC BY 4.0", url="https://example.org/data",
        imported_at=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    build_operations(make_mission, observe)


@pytest.mark.parametrize("persona", [None, "advocate"])
def test_it_shows_the_sources_to_everyone(client_as, imported, persona):
    assert client_as(persona).get("/sources/").status_code == 200


def test_it_lists_every_source_with_what_it_holds(client, imported):
    rows = table(client.get("/sources/"), "Imported datasets")
    assert rows == [["Test dataset", "Tests", "v9", "test.csv", "CC BY 4.0",
                     "Test dataset, written for the tests.", "2026-01-02 03:04 UTC", "11", "0"]]


def test_it_gives_each_source_an_anchor_the_figures_link_to(client, imported):
    assert '<tr id="source-test-source">' in client.get("/sources/").content.decode()
    assert 'href="/sources/#source-test-source"' in client.get("/").content.decode()


def test_it_says_when_nothing_is_imported(client, db):
    assert "No sources yet" in client.get("/sources/").content.decode()


def test_it_downloads_the_list(client, imported):
    rows = csv_rows(client.get("/sources/sources.csv"))
    assert rows[0][:3] == ["dataset", "publisher", "version"]
    assert rows[1][6:8] == ["2026-01-02 03:04 UTC", "11"]
