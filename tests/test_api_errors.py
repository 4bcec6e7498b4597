"""Every API error has one shape: {"error": {"status": int, "code": str, "message": str, "details": list}}."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from criticalmass.parity import queries
from tests.parity.api_world import API, ROUTES

SHAPE_CASES = [
    (404, "not_found", f"{API}/processes/no-such-process"),
    (422, "invalid", f"{API}/observations?date_from=2013-02-30"),
    (405, "method_not_allowed", f"{API}/processes"),
]


def error_of(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"]["status"] == status and body["error"]["code"] == code
    return body["error"]


@pytest.mark.parametrize(("status", "code", "url"), SHAPE_CASES)
def test_it_gives_every_error_one_shape(db, status, code, url):
    client = Client()
    response = client.post(url) if status == 405 else client.get(url)
    assert response.status_code == status
    body = response.json()
    assert list(body) == ["error"]
    assert list(body["error"]) == ["status", "code", "message", "details"]
    error = body["error"]
    assert type(error["status"]) is int and error["status"] == status
    assert type(error["code"]) is str and error["code"] == code
    assert type(error["message"]) is str and error["message"]
    assert type(error["details"]) is list
    for detail in error["details"]:
        assert list(detail) == ["loc", "msg"] and type(detail["loc"]) is list and type(detail["msg"]) is str


@pytest.mark.parametrize("url", [
    f"{API}/processes/nope", f"{API}/policies/nope", f"{API}/processes/unmiss?policy=nope",
    f"{API}/series?process=nope", f"{API}/series?policy=nope", f"{API}/observations?process=nope",
    f"{API}/missions/ranking?policy=nope", f"{API}/negotiations/agreements?process=nope",
])
def test_it_answers_an_unknown_slug_with_404(client, make_mission, url):
    make_mission("UNMISS")
    assert "nope" in error_of(client.get(url), 404, "not_found")["message"]


@pytest.mark.parametrize("url", ["/api/", "/api/nothing-here", f"{API}/processes/", f"{API}/unknown/route"])
def test_it_answers_an_unknown_api_address_with_404_in_the_shape(client, url):
    assert "/api/docs" in error_of(client.get(url), 404, "not_found")["message"]


@pytest.mark.parametrize(("query", "param"), [
    ("observations?date_from=2013-13-01", "date_from"),
    ("observations?date_to=yesterday", "date_to"),
    ("observations?role=generals", "role"),
    ("observations?kind=war", "kind"),
    ("observations?country=Ghana", "country"),
    ("processes?kind=war", "kind"),
    ("processes?sponsor=NATO", "sponsor"),
    ("processes?host_country=S", "host_country"),
    ("series?role=generals", "role"),
    ("missions/ranking?role=generals", "role"),
    ("negotiations/agreements?date_from=1990-02-31", "date_from"),
    ("processes?limit=1001", "limit"),
    ("processes?offset=10001", "offset"),
    ("processes?offset=9223372036854775808", "offset"),
    ("observations?date_to=0", "date_to"),
    ("observations?date_from=20140101", "date_from"),
])
def test_it_answers_an_invalid_parameter_with_422_naming_it(client, query, param):
    error = error_of(client.get(f"{API}/{query}"), 422, "invalid")
    assert [d["loc"] for d in error["details"]] == [["query", param]]


def test_it_answers_dates_in_the_wrong_order_with_an_empty_list(client, make_mission, observe):
    observe(make_mission("UNMISS", "SSD"), "2013-06-30", "troops", women=1, total=10, row=2)
    assert client.get(f"{API}/observations?date_from=2013-01-01&date_to=2014-01-01").json()["count"] == 1
    body = client.get(f"{API}/observations?date_from=2014-01-01&date_to=2013-01-01").json()
    assert body["count"] == 0 and body["items"] == []


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "head", "options"])
@pytest.mark.parametrize("route", ROUTES)
def test_it_answers_other_methods_with_405(db, route, method):
    client = Client(enforce_csrf_checks=True)  # a 405, not a CSRF 403, even without a token
    response = getattr(client, method)(route)
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    if method != "head":
        assert error_of(response, 405, "method_not_allowed")["message"].startswith(method.upper())


@pytest.mark.parametrize("route", ["/api/docs", "/api/openapi.json"])
def test_it_answers_writes_to_the_docs_with_405(db, route):
    response = Client(enforce_csrf_checks=True).post(route)
    error_of(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"


def test_it_answers_an_unexpected_failure_with_500_in_the_shape(db, client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "cited_series_by_process", broken)
    with caplog.at_level(logging.ERROR, logger="criticalmass.api"):
        error = error_of(client.get(f"{API}/missions/ranking"), 500, "server_error")
    assert "secret internals" not in error["message"]
    assert any(r.exc_info and "secret internals" in str(r.exc_info[1]) for r in caplog.records)
