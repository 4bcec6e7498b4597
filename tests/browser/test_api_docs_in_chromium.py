"""The interactive API docs run in headless Chromium from our own static files, under our CSP."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from criticalmass.api import api

pytestmark = pytest.mark.browser




def test_it_runs_the_docs_and_a_request_without_leaving_the_site(browser, live_server, live_db, make_mission):
    make_mission("UNMISS")
    page = browser.new_page()
    hosts, console = set(), []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.goto(live_server.url + "/api/docs")
    page.locator(".opblock").first.wait_for()
    schema = api.get_openapi_schema()
    assert page.locator(".opblock").count() == sum(len(methods) for methods in schema["paths"].values())
    page.locator("#operations-parity-parity_list_processes .opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table .response .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip().startswith("200")
    assert "UNMISS" in page.locator(".live-responses-table").inner_text()
    assert hosts == {urlsplit(live_server.url).netloc}
    assert [line for line in console if "Content Security Policy" in line or "error" in line] == []
