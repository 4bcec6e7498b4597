"""No route runs a query per row: the number of queries stays the same as the data grows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from criticalmass.parity.models import Category, Observation, Process
from tests.parity.api_world import ROUTES, build_world


def queries_for(client, route: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(route).status_code == 200
    # The shared cache is a database table when Redis is not configured: its reads and writes are not
    # the queries of the data this test counts (nor the savepoint each write is wrapped in).
    return sum("criticalmass_cache" not in query["sql"] and "SAVEPOINT" not in query["sql"]
               for query in captured.captured_queries)


def grow(make_mission, observe, source, n: int) -> None:
    """n more missions with two roles and two dates each, and n more agreements of two roles."""
    talks = Process.objects.get(kind=Process.Kind.NEGOTIATION)
    for i in range(n):
        mission = make_mission(f"EXTRA{i}", "COD")
        for date in ["2011-01-31", "2012-01-31"]:  # within the world's months: the ranking keeps them
            for role in [Category.TOTAL, Category.FORMED_POLICE]:
                observe(mission, date, role, women=i + 1, total=50, country="IND")
        for role in [Category.SIGNATORIES, Category.MEDIATORS]:
            Observation.objects.create(
                process=talks, document=f"PA-X {100 + i}", date=dt.date(2019, 1, i + 1), role=role,
                women=1, men=1, total=2, source=source, source_row=99,
            )


@pytest.mark.parametrize("route", ROUTES)
def test_it_runs_as_many_queries_for_more_data(client, make_mission, observe, source, route):
    build_world(make_mission, observe, source)
    before = queries_for(client, route)
    grow(make_mission, observe, source, 6)
    assert queries_for(client, route) == before
    # cold cache: process, policy and anchors, data version (3), sums, categories, sources, and the data
    # age policy (the ranking's window)
    assert before <= 10


def test_it_keeps_cache_keys_short_however_many_sources_a_figure_names(db):
    from criticalmass.parity.queries import LONGEST_KEY, cache_key

    assert len(cache_key("coverage", ",".join(str(i) for i in range(1, 200)))) <= LONGEST_KEY
    assert cache_key("coverage", "1,2") != cache_key("coverage", "1,3")
    assert cache_key("coverage", "1,2").startswith("parity:coverage:1,2:")
