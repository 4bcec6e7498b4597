"""Briefing PDFs are built once per inputs and data version, by the queue, and a client may have only
so many new ones built per minute; PDFs already built are never limited."""

from __future__ import annotations

from django.core.cache import cache

from criticalmass.briefings import pdfs
from criticalmass.core import data_version
from tests.briefings.test_briefing import MISSION, unmiss  # noqa: F401 - the fixture

QUERY = {"audience": "force-commander", "mission": "unmiss", "language": "en"}  # as the view keys it


def pdf(client, audience: str = "force-commander"):
    return client.get(f"/briefings/briefing.pdf?{MISSION.format(audience)}")


def test_it_builds_a_pdf_once_and_serves_the_cached_one_after(client, unmiss, monkeypatch):  # noqa: F811
    first = pdf(client)
    assert first.status_code == 200 and cache.get(pdfs.key(QUERY)) == first.content

    def no_build(*args, **kwargs):
        raise AssertionError("a cached PDF was built again")

    monkeypatch.setattr(pdfs, "render", no_build)
    again = pdf(client)
    assert again.status_code == 200 and again.content == first.content


def test_it_keys_a_pdf_by_its_inputs_and_the_data_version(unmiss):  # noqa: F811
    before = pdfs.key(QUERY)
    assert pdfs.key(QUERY | {"audience": "religious-traditional-leader"}) != before
    data_version.bump()
    assert pdfs.key(QUERY) != before


def test_it_limits_new_pdfs_per_client_but_not_cached_ones(client, unmiss, settings):  # noqa: F811
    settings.PDF_BUILDS_PER_MINUTE = 1
    assert pdf(client).status_code == 200
    refused = pdf(client, "religious-traditional-leader")
    assert refused.status_code == 429
    assert "Too many new PDFs" in refused.content.decode()
    assert cache.get(pdfs.key(QUERY | {"audience": "religious-traditional-leader"})) is None
    assert pdf(client).status_code == 200  # already built: served whatever the limit


def test_it_asks_to_wait_while_the_queue_builds_the_pdf(client, unmiss):  # noqa: F811
    assert pdfs.start_building(pdfs.key(QUERY))  # a worker is building it
    response = pdf(client)
    assert response.status_code == 202 and response["Refresh"] == "3"
    assert "Your PDF is being prepared" in response.content.decode()
