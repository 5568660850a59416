"""A headless Chromium for tests of pages, driven by Playwright.

Playwright's own browser download is not used: the browser is the system's (Debian's
`chromium`, which `.ci/run` installs), at AP_CHROMIUM or /usr/bin/chromium. Without it
the browser tests are skipped, except under CI (`CI` set), where a missing browser fails.

tests/conftest.py registers these fixtures (`pytest_plugins`) for every test module.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

CHROMIUM = Path(os.environ.get("AP_CHROMIUM", "/usr/bin/chromium"))
# How long an expectation about the page may take to come true (it is polled).
EXPECT_TIMEOUT_MS = 20_000

expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    if not CHROMIUM.exists():
        message = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set AP_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    """A page in a fresh browser context (its own session storage and cookies)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    new_page = await context.new_page()
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield new_page
    finally:
        await context.close()
    assert not errors, f"errors in the page's scripts: {errors}"
