"""The OpenAPI schema lists every route; the interactive docs load only the site's own files."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.parity.api_world import API

PATHS = [
    f"{API}/processes", f"{API}/processes/{{slug}}", f"{API}/observations", f"{API}/series",
    f"{API}/missions/ranking", f"{API}/policies", f"{API}/policies/{{slug}}",
    f"{API}/negotiations/agreements", f"{API}/negotiations/overview", f"{API}/sources", f"{API}/notes",
]


class Assets(HTMLParser):
    """Every URL the page would load (scripts, styles, icons, images), and inline scripts' types."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_script_types: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ["src", "href"]:
            if tag in {"script", "link", "img", "iframe"} and found.get(name):
                self.urls.append(found[name] or "")
        if tag == "script" and not found.get("src"):
            self.inline_script_types.append(found.get("type") or "text/javascript")


@pytest.fixture
def schema(client, db) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_it_lists_every_parity_route_in_the_schema(schema):
    paths = schema["paths"]
    parity = {path: operations for path, operations in paths.items() if path.startswith("/api/parity/")}
    assert sorted(parity) == sorted(PATHS)
    assert all(list(operations) == ["get"] for operations in parity.values())


def test_it_documents_the_error_shape_on_every_route(schema):
    assert set(schema["components"]["schemas"]["ErrorOut"]["properties"]) == {"error"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ["404", "405", "422", "500"]:
                ref = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorOut"), (path, method, status)


def test_it_documents_the_parameters(schema):
    params = {p["name"] for p in schema["paths"][f"{API}/observations"]["get"]["parameters"]}
    assert params == {"process", "role", "country", "date_from", "date_to", "kind",
                      "limit", "offset", "after"}


def test_it_serves_the_docs_page_without_a_cdn(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = Assets()
    page.feed(response.content.decode())
    assert page.urls, "the docs page loads swagger-ui from somewhere"
    assert [u for u in page.urls if re.match(r"^(https?:)?//", u)] == []
    assert any(u.endswith("swagger-ui-bundle.js") for u in page.urls)
    for url in page.urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        asset.close()  # a file response: close it, or its file is left open
    assert set(page.inline_script_types) <= {"application/json"}  # data, not code


def test_it_lets_the_docs_run_under_a_policy_without_inline_scripts(client, db):
    policy = client.get("/api/docs")["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy)
    assert script_src and script_src.group(1).split() == ["'self'"]
    assert "http" not in policy
