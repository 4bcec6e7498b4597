"""A NUL character in an address or a parameter is refused with a clear answer, never a server error
(PostgreSQL's text cannot hold one, so a lookup with it used to fail with 500)."""

from __future__ import annotations


def test_it_answers_an_api_parameter_holding_a_nul_with_404_in_the_error_shape(client, db):
    response = client.get("/api/parity/observations", {"process": "unmiss\x00"})
    assert response.status_code == 404  # nothing stored can match it
    error = response.json()["error"]
    assert error["code"] == "not_found" and "parameter 'process'" in error["message"]


def test_it_answers_a_page_parameter_holding_a_nul_with_400_saying_where(client, db):
    response = client.get("/hub/search/", {"q": "women\x00"})
    assert response.status_code == 400 and "parameter 'q'" in response.content.decode()


def test_it_lets_ordinary_parameters_through(client, db):
    assert client.get("/api/parity/observations", {"process": "unknown-mission"}).status_code == 404
