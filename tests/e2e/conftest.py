"""Playwright driving Debian's Chromium (no browser download) against the running platform."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, Page, async_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# flags that work as root on a machine with no network beyond loopback
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        await browser.close()


@pytest.fixture
async def page(browser: Browser, stack) -> AsyncIterator[Page]:
    """A fresh browser profile (no cookies, English) per test; console errors fail the test."""
    context = await browser.new_context(base_url=stack.base_url, locale="en-GB")
    page = await context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    await context.close()
    # an expected 401 before sign-in is logged by the browser as a failed resource load; anything else is a bug
    unexpected = [e for e in errors if "401 (Unauthorized)" not in e]
    assert not unexpected, f"console errors: {unexpected}"
