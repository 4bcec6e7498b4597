"""Search results come in pages: "results N–M of T", next and previous links; the API pages like the rest."""

from __future__ import annotations

import re

import pytest

from criticalmass.hub import search, views
from criticalmass.hub.models import Evidence, Grade
from tests.hub.world import make_evidence

COUNT = views.PAGE_SIZE + 5


@pytest.fixture
def many(db):
    for n in range(COUNT):
        make_evidence(f"zither-{n:02d}", Grade.VERIFIED, claim=f"Zither players number {n} in the orchestra.")
    return Evidence.objects.filter(slug__startswith="zither-").count()


def test_it_counts_every_hit_and_gives_each_page_its_own(many):
    first = search.results("zithers", limit=10)
    second = search.results("zithers", limit=10, offset=10)
    assert first.total == second.total == many == COUNT
    assert len(first.hits) == 10 and len(second.hits) == 10
    assert not {h.ref for h in first.hits} & {h.ref for h in second.hits}
    assert search.results("zithers", offset=COUNT).hits == []


def test_it_shows_results_n_to_m_of_t_with_a_next_link_on_the_first_page(client, many):
    page = client.get("/hub/search/?q=zithers&type=evidence").content.decode()
    assert f"Results 1–{views.PAGE_SIZE} of {COUNT} for “zithers”." in page
    assert len(re.findall(r'<p class="snippet">', page)) == views.PAGE_SIZE
    assert 'rel="next" href="?q=zithers&amp;type=evidence&amp;page=2"' in page
    assert 'rel="prev"' not in page


def test_it_shows_the_rest_on_the_last_page_with_a_previous_link(client, many):
    page = client.get("/hub/search/?q=zithers&page=2").content.decode()
    assert f"Results {views.PAGE_SIZE + 1}–{COUNT} of {COUNT}" in page
    assert len(re.findall(r'<p class="snippet">', page)) == 5
    assert 'rel="prev" href="?q=zithers&amp;page=1"' in page and 'rel="next"' not in page


@pytest.mark.parametrize("number", ["0", "-1", "abc", "1e9", "99999999999", "", "２"])
def test_it_reads_a_page_that_is_not_a_page_number_as_the_first(client, many, number):
    response = client.get("/hub/search/", {"q": "zithers", "page": number})
    assert response.status_code == 200
    assert f"Results 1–{views.PAGE_SIZE} of {COUNT}" in response.content.decode()


def test_it_shows_the_last_page_for_a_page_past_the_end(client, many):
    page = client.get("/hub/search/?q=zithers&page=7").content.decode()
    assert f"Results {views.PAGE_SIZE + 1}–{COUNT} of {COUNT}" in page


def test_it_says_when_nothing_is_found(client, many):
    page = client.get("/hub/search/?q=bagpipes").content.decode()
    assert "No results for “bagpipes”." in page and 'class="pager"' not in page


def test_it_pages_the_api_with_count_limit_and_offset(client, many):
    body = client.get("/api/hub/search?q=zithers&limit=10&offset=20").json()
    assert body["count"] == COUNT and body["limit"] == 10 and body["offset"] == 20
    assert len(body["items"]) == COUNT - 20
    assert client.get("/api/hub/search?q=zithers&offset=-1").status_code == 422
    assert client.get("/api/hub/search?q=zithers&limit=0").status_code == 422
