"""Playwright driving Debian's Chromium (no browser download) against the running platform."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from .proposal_steps import set_language

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


DEMO_PASSWORD = "tex4im-demo"
# an expected 401 before sign-in is logged by the browser as a failed resource load
ALWAYS_EXPECTED = ("401 (Unauthorized)",)

NewPage = Callable[..., Awaitable[Page]]
SignIn = Callable[[Page, str], Awaitable[None]]
SetLanguage = Callable[[str, str], Awaitable[None]]


@pytest.fixture
async def new_page(browser: Browser, stack) -> AsyncIterator[NewPage]:
    """Opens fresh browser profiles (own cookies, English). Console errors fail the test, except the refusals
    a test names in `expected_console` (e.g. "409 (Conflict)"), which the browser logs as failed loads."""
    opened: list[tuple[BrowserContext, list[str], tuple[str, ...]]] = []

    async def open_page(*, expected_console: tuple[str, ...] = ()) -> Page:
        context = await browser.new_context(base_url=stack.base_url, locale="en-GB")
        page = await context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        opened.append((context, errors, ALWAYS_EXPECTED + expected_console))
        return page

    yield open_page
    for context, _, _ in opened:
        await context.close()
    for _, errors, expected in opened:
        unexpected = [e for e in errors if not any(known in e for known in expected)]
        assert not unexpected, f"console errors: {unexpected}"


@pytest.fixture
async def page(new_page: NewPage) -> Page:
    """A fresh browser profile per test; console errors fail the test."""
    return await new_page()


@pytest.fixture
def sign_in_browser() -> SignIn:
    """Signs a demo account in from the login page (English labels: the page opens in English; after sign-in the
    interface takes the account's language, so the wait is on the navigation's class, not its label)."""

    async def sign_in(page: Page, email: str) -> None:
        if "/login" not in page.url:
            await page.goto("/login")
        await page.get_by_label("Email").fill(email)
        await page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await page.locator("nav.main-nav").wait_for()

    return sign_in


@pytest.fixture
async def account_language(stack) -> AsyncIterator[SetLanguage]:
    """Sets a demo account's interface language (`await account_language(email, "en")`) for the test; every account
    set or switched during the test gets back the language it had, however the test ends. Call it before a test
    switches the language in the interface, so the original one is known."""
    kept: dict[str, str] = {}

    async def set_for_test(email: str, locale: str) -> None:
        before = await set_language(stack.base_url, email, locale)
        kept.setdefault(email, before)

    yield set_for_test
    for email, locale in kept.items():
        await set_language(stack.base_url, email, locale)
