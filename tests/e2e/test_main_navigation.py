"""The header navigation: menus by area on a 1280 px screen, one Menu button on a phone; by mouse and keyboard."""

import re

from playwright.async_api import Page, expect

ADMIN = "admin@demo.tex4im.eu"
MEMBER = "member.pt11@demo.tex4im.eu"  # an English-speaking account


async def _page_overflows(page: Page) -> bool:
    return await page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


class TestMenusByArea:
    async def test_the_admin_reaches_every_area_from_one_row_of_menus_at_1280_px(self, page: Page, sign_in_browser):
        await page.set_viewport_size({"width": 1280, "height": 800})
        await sign_in_browser(page, ADMIN)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await expect(navigation.get_by_role("button")).to_have_text(
            ["Partnership", "Opportunities", "Proposals", "Admin"]
        )
        await expect(page.locator("nav.main-nav")).to_have_attribute("data-layout", "wide")

        # the brand, the menus and the account button share one row, and nothing scrolls sideways
        menus = await navigation.bounding_box()
        account = await page.get_by_role("button", name=re.compile("^Account menu")).bounding_box()
        assert menus and account
        assert abs((menus["y"] + menus["height"] / 2) - (account["y"] + account["height"] / 2)) < 8
        assert not await _page_overflows(page)

        admin = navigation.get_by_role("button", name="Admin")
        await admin.click()
        await expect(admin).to_have_attribute("aria-expanded", "true")
        await navigation.get_by_role("link", name="Mail log").click()
        await expect(page).to_have_url(re.compile(r"/admin/mail-log$"))
        await expect(page.get_by_role("heading", name="Mail log", level=1)).to_be_visible()
        await expect(admin).to_have_attribute("aria-expanded", "false")
        await expect(page.locator('li.main-nav__group[data-group="admin"]')).to_have_attribute("data-current", "true")

    async def test_a_member_uses_the_menus_with_the_keyboard(self, page: Page, sign_in_browser):
        await sign_in_browser(page, MEMBER)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await expect(navigation.get_by_role("button", name="Admin")).to_have_count(0)

        proposals = navigation.get_by_role("button", name="Proposals", exact=True)
        await proposals.focus()
        await page.keyboard.press("ArrowDown")
        menu = navigation.get_by_role("list", name="Proposals")
        await expect(menu.get_by_role("link", name="Proposals", exact=True)).to_be_focused()
        await page.keyboard.press("ArrowDown")
        await expect(menu.get_by_role("link", name="Calls")).to_be_focused()
        await page.keyboard.press("Escape")
        await expect(proposals).to_have_attribute("aria-expanded", "false")
        await expect(proposals).to_be_focused()

        await page.keyboard.press("Enter")
        await expect(proposals).to_have_attribute("aria-expanded", "true")
        await page.keyboard.press("Tab")
        await page.keyboard.press("Tab")
        await page.keyboard.press("Enter")
        await expect(page).to_have_url(re.compile(r"/calls$"))
        await expect(page.get_by_role("heading", name="Calls for proposals", level=1)).to_be_visible()
        proposals_group = page.locator('li.main-nav__group[data-group="proposals"]')
        await expect(proposals_group).to_have_attribute("data-current", "true")


class TestOnAPhone:
    async def test_one_menu_button_opens_every_area_stacked(self, page: Page, sign_in_browser):
        await page.set_viewport_size({"width": 390, "height": 844})
        await sign_in_browser(page, MEMBER)
        navigation = page.get_by_role("navigation", name="Main navigation")
        menu = navigation.get_by_role("button", name="Menu", exact=True)
        await expect(navigation.get_by_role("button")).to_have_count(1)
        await expect(menu).to_have_attribute("aria-expanded", "false")
        assert not await _page_overflows(page)

        await menu.click()
        for area in ("Partnership", "Opportunities", "Proposals"):
            await expect(navigation.get_by_role("list", name=area)).to_be_visible()
        await expect(navigation.get_by_role("link", name="Partnership")).to_have_attribute("aria-current", "page")
        assert not await _page_overflows(page)

        await navigation.get_by_role("link", name="Organisations", exact=True).click()
        await expect(page).to_have_url(re.compile(r"/organisations$"))
        await expect(menu).to_have_attribute("aria-expanded", "false")
        await expect(navigation.get_by_role("link")).to_have_count(0)

        # a wider window brings the menus back
        await page.set_viewport_size({"width": 1280, "height": 800})
        await expect(navigation.get_by_role("button", name="Opportunities")).to_be_visible()
        await expect(page.locator('li.main-nav__group[data-group="opportunities"]')).to_have_attribute(
            "data-current", "true")
