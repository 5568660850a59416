"""GET /docs in a real browser: Swagger UI renders the OpenAPI 3.1 spec and lists the
operations, with no request leaving the server; GET / leads to the console, which links there."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import httpx
from playwright.async_api import Page

from tests.browser import browser_fixture, page_fixture  # noqa: F401


async def test_docs_render_the_operations(base_url: str, page: Page) -> None:
    spec = httpx.get(f"{base_url}/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    operations = sum(
        1 for item in spec["paths"].values() for method in item if method in HTTP_METHODS
    )
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))

    await page.goto(f"{base_url}/docs")
    await page.wait_for_selector(".opblock", timeout=30_000)

    assert await page.locator(".swagger-ui .errors-wrapper").count() == 0
    body = await page.inner_text("body")
    assert "Unable to render this definition" not in body
    assert await page.locator(".opblock").count() == operations
    # An operation of ours, by its path and summary, as a reader would look for it.
    resume = page.locator(".opblock-patch", has_text="/runs/resume/wait")
    assert await resume.count() == 1
    assert hosts == {urlsplit(base_url).netloc}, hosts  # offline: nothing else is contacted
    assert page.problems == []  # type: ignore[attr-defined]


async def test_root_leads_a_browser_to_the_docs(base_url: str, page: Page) -> None:
    await page.goto(f"{base_url}/")
    assert urlsplit(page.url).path == "/console"
    await page.get_by_role("link", name="API docs").click()
    await page.wait_for_selector(".opblock", timeout=30_000)
    assert urlsplit(page.url).path == "/docs"


async def test_root_redirect_is_a_plain_redirect(base_url: str) -> None:
    response = httpx.get(f"{base_url}/", follow_redirects=False)
    assert response.status_code in (302, 303, 307), response.text
    assert response.headers["location"].endswith("/console")
    assert json.loads(httpx.get(f"{base_url}/nowhere").text)["code"] == "not_found"


HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
