"""A user signs in and sees the partnership's eight regions, in English and in Italian."""

import re

from playwright.async_api import Page, expect

REGION_CODES = {"CZ05", "ES52", "FRE1", "ITC1", "ITI1", "PT11", "RO21", "SE23"}


async def sign_in(page: Page, email: str, *, email_label: str = "Email", password_label: str = "Password",
                  submit: str = "Sign in") -> None:
    await page.get_by_label(email_label).fill(email)
    await page.get_by_label(password_label, exact=True).fill("tex4im-demo")
    await page.get_by_role("button", name=submit).click()


class TestHomePageInEnglish:
    async def test_a_member_signs_in_and_sees_the_eight_regions_on_map_and_list(self, page: Page):
        await page.goto("/")
        await expect(page).to_have_url(re.compile(r"/login"))
        await sign_in(page, "member.pt11@demo.tex4im.eu")

        await expect(page.get_by_role("heading", name="TEX4IM partnership", level=1)).to_be_visible()
        regions = page.get_by_role("list", name="Regions").get_by_role("listitem")
        await expect(regions).to_have_count(8)
        await expect(page.get_by_role("list", name="Regions")).to_contain_text("Comunitat Valenciana")
        markers = page.locator("svg [data-region-code]")
        await expect(markers).to_have_count(8)
        codes = {await m.get_attribute("data-region-code") for m in await markers.all()}
        assert codes == REGION_CODES
        await expect(page.get_by_text("Circular economy")).to_be_visible()

    async def test_choosing_a_region_on_the_map_shows_its_cluster_and_sourced_figures(self, page: Page):
        await page.goto("/login")
        await sign_in(page, "evaluator@demo.tex4im.eu")
        await page.locator("svg [data-region-code='ITI1']").click()
        detail = page.locator(".region-detail")
        await expect(detail).to_contain_text("OTIR2020")
        await expect(detail).to_contain_text("Prato textile district; 2021 survey")
        await expect(detail).to_contain_text("Confindustria Toscana Nord")

    async def test_a_wrong_password_is_explained(self, page: Page):
        await page.goto("/login")
        await page.get_by_label("Email").fill("member.pt11@demo.tex4im.eu")
        await page.get_by_label("Password", exact=True).fill("not the password")
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_role("alert")).to_contain_text("The email or password is not correct.")

    async def test_signing_out_returns_to_the_sign_in_page(self, page: Page):
        await page.goto("/login")
        await sign_in(page, "manager.es52@demo.tex4im.eu")
        await expect(page.get_by_role("heading", name="TEX4IM partnership", level=1)).to_be_visible()
        await page.get_by_role("button", name=re.compile("Account menu")).click()
        await page.get_by_role("button", name="Sign out").click()
        await expect(page).to_have_url(re.compile(r"/login"))
        await page.goto("/")
        await expect(page).to_have_url(re.compile(r"/login"))


class TestHomePageInItalian:
    async def test_switching_to_italian_translates_the_home_page_and_follows_the_user(
        self, page: Page, stack, account_language
    ):
        # member.es52 reads English again after this test (other tests sign it in and expect English)
        await account_language("member.es52@demo.tex4im.eu", "en")
        await page.goto("/login")
        await sign_in(page, "member.es52@demo.tex4im.eu")
        await expect(page.get_by_role("heading", name="TEX4IM partnership", level=1)).to_be_visible()
        await page.get_by_label("Language").select_option("it")

        await expect(page.get_by_role("heading", name="Partenariato TEX4IM", level=1)).to_be_visible()
        await expect(page.get_by_role("list", name="Regioni").get_by_role("listitem")).to_have_count(8)
        await expect(page.get_by_role("list", name="Regioni")).to_contain_text("Spagna")
        assert await page.get_attribute("html", "lang") == "it"

        # the choice is saved to the account: a new browser profile signing in gets Italian
        fresh = await page.context.browser.new_context(base_url=stack.base_url, locale="en-GB")
        other = await fresh.new_page()
        await other.goto("/login")
        await sign_in(other, "member.es52@demo.tex4im.eu")
        await expect(other.get_by_role("heading", name="Partenariato TEX4IM", level=1)).to_be_visible()
        await fresh.close()

    async def test_a_user_whose_language_is_italian_signs_in_to_an_italian_page(self, page: Page):
        await page.goto("/login")
        await sign_in(page, "manager.itc1@demo.tex4im.eu")
        await expect(page.get_by_role("heading", name="Partenariato TEX4IM", level=1)).to_be_visible()
        await expect(page.get_by_role("list", name="Regioni")).to_contain_text("Italia")
