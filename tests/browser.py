"""A real browser for tests of pages: Debian's headless chromium, driven by Playwright.

Playwright's own browser download is not used (and does not work offline): `.ci/run`
installs the distribution's `chromium`, and this launches it by path. Use it from a test
module with `from tests.browser import browser_fixture, page_fixture  # noqa: F401`
(they are the fixtures `browser` and `page`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, Page, async_playwright

CHROMIUM = os.environ.get("AP_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session", name="browser")
async def browser_fixture() -> AsyncIterator[Browser]:
    """One headless chromium for the session."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"no chromium at {CHROMIUM}: apt-get install -y chromium (as .ci/run does)")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture(name="page")
async def page_fixture(browser: Browser) -> AsyncIterator[Page]:
    """A fresh page (its own context: no cookies or storage shared between tests). What the
    page logs to its console and the errors it throws are kept in `page.problems`."""
    context = await browser.new_context()
    opened = await context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    opened.problems = problems  # type: ignore[attr-defined]
    try:
        yield opened
    finally:
        await context.close()
