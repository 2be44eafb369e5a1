"""The organisation registry in the browser: faceted search, a profile with the opportunities that fit, an edit
refused as stale (412) and reloaded, a CSV checked then imported, and a duplicate pair merged."""

import re
import uuid

import httpx
import pytest
from playwright.async_api import Page, expect

ADMIN = "admin@demo.tex4im.eu"
MEMBER_PT11 = "member.pt11@demo.tex4im.eu"
MANAGER_SE23 = "manager.se23@demo.tex4im.eu"
PASSWORD = "tex4im-demo"
# the demo member account's organisation (intelligence.demo.ids documents the pattern)
PT11_MEMBER_ORGANISATION = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:PT11:01")
ITI1_FIRST_COMPANY = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:ITI1:01")
# a stale edit is an expected 412; the browser logs it as a failed resource load
EXPECTED_CONSOLE = ("412 (Precondition Failed)",)


@pytest.fixture
async def page(new_page) -> Page:
    """A fresh browser profile per test; console errors other than the expected refusals fail the test."""
    return await new_page(expected_console=EXPECTED_CONSOLE)


class TestSearchAndProfile:
    async def test_a_member_narrows_the_search_with_facets_kept_in_the_address(
        self, page: Page, sign_in_browser
    ):
        await sign_in_browser(page, MEMBER_PT11)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await navigation.get_by_role("button", name="Opportunities", exact=True).click()
        await expect(navigation.get_by_role("link", name="Organisations", exact=True)).to_be_visible()
        await expect(navigation.get_by_role("link", name="Import organisations")).to_have_count(0)
        await navigation.get_by_role("link", name="Organisations", exact=True).click()

        count = page.locator(".registry-search__count")
        await expect(count).to_have_text(re.compile(r"^\d+ organisations found$"))
        await page.locator('input[name="region"][value="PT11"]').click()
        await expect(page).to_have_url(re.compile(r"/organisations\?region=PT11$"))
        await expect(count).to_have_text("40 organisations found")
        await page.locator('input[name="kind"][value="company"]').click()
        await expect(page).to_have_url(re.compile(r"\?region=PT11&kind=company$"))
        await expect(count).to_have_text(re.compile(r"^\d+ organisations found$"))
        await expect(page.locator('input[name="region"][value="PT11"]')).to_be_checked()

        results = page.get_by_role("list", name="Search results")
        await expect(results.locator("li[data-organisation-id]")).to_have_count(20)
        await page.get_by_role("button", name="Load more").click()
        await expect(results.locator("li[data-organisation-id]")).not_to_have_count(20)

        await page.go_back()
        await expect(page).to_have_url(re.compile(r"\?region=PT11$"))
        await expect(count).to_have_text("40 organisations found")

    async def test_a_member_sees_contacts_only_of_their_own_organisation_and_what_fits_it(
        self, page: Page, sign_in_browser
    ):
        await sign_in_browser(page, MEMBER_PT11)
        await page.goto(f"/organisations/{PT11_MEMBER_ORGANISATION}")
        profile = page.locator(f'.organisation-profile[data-organisation-id="{PT11_MEMBER_ORGANISATION}"]')
        await expect(profile.get_by_role("heading", level=1)).to_contain_text("(demo)")
        await expect(page.get_by_role("region", name="Contacts")).to_be_visible()
        await expect(page.get_by_role("button", name="Edit profile")).to_be_visible()
        chain = page.get_by_role("list", name="Value chain")
        await expect(chain.locator("li[data-step]")).to_have_count(7)

        fits = page.get_by_role("region", name="Opportunities that fit")
        first = fits.locator("li.match").first
        await expect(first.get_by_role("link")).to_have_attribute("href", re.compile(r"^/opportunities/"))
        await expect(first.get_by_role("list", name="Why it fits")).to_contain_text(
            re.compile(r"Shared priorities|Same NACE division|value-chain|In its region|Interregional")
        )

        await page.goto(f"/organisations/{ITI1_FIRST_COMPANY}")
        await expect(page.get_by_role("heading", level=1)).to_contain_text("(demo)")
        await expect(page.get_by_role("region", name="Opportunities that fit")).to_be_visible()
        await expect(page.get_by_role("region", name="Contacts")).to_have_count(0)
        await expect(page.get_by_role("button", name="Edit profile")).to_have_count(0)

    async def test_a_stale_edit_is_refused_and_the_current_version_reloaded(self, page: Page, stack, sign_in_browser):
        await sign_in_browser(page, ADMIN)
        await page.goto(f"/organisations/{ITI1_FIRST_COMPANY}")
        await page.get_by_role("button", name="Edit profile").click()
        form = page.get_by_role("form", name=re.compile("^Edit "))

        # someone else saves first
        async with httpx.AsyncClient(base_url=stack.base_url, timeout=10) as other:
            login = await other.post("/api/auth/login", json={"email": ADMIN, "password": PASSWORD})
            assert login.status_code == 200
            path = f"/api/intelligence/organisations/{ITI1_FIRST_COMPANY}"
            current = await other.get(path)
            changed = await other.patch(path, json={"city": "Vaiano"}, headers={
                "If-Match": current.headers["ETag"], "X-CSRF-Token": other.cookies["tex4im_csrf"]})
            assert changed.status_code == 200, changed.text

        await form.get_by_label("Certifications").fill("GRS, OEKO-TEX")
        await form.get_by_role("button", name="Save changes").click()
        alert = form.get_by_role("alert")
        await expect(alert).to_contain_text("Someone else changed this organisation")
        await expect(alert).to_contain_text("The record has changed since you read it")
        await alert.get_by_role("button", name="Reload the current version").click()
        await expect(form.get_by_label("City")).to_have_value("Vaiano")
        await expect(form.get_by_role("alert")).to_have_count(0)

        await form.get_by_label("Certifications").fill("GRS, OEKO-TEX")
        await form.get_by_role("button", name="Save changes").click()
        await expect(page.get_by_text("Changes saved.")).to_be_visible()
        await expect(page.locator(".profile-section .tag-list")).to_contain_text(["OEKO-TEX"])


CSV = (
    "name,kind,country_code,region_code,city,nace_codes,value_chain,notes\n"
    "Väveri Provrad AB (demo),company,SE,SE23,Borås,C13.20,fabric|finishing,x\n"
    "Utan Typ AB (demo),,SE,SE23,Borås,,,\n"
).encode()


class TestImportAndDuplicates:
    async def test_a_manager_checks_a_csv_then_imports_it(
        self, page: Page, sign_in_browser
    ):
        await sign_in_browser(page, MANAGER_SE23)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await navigation.get_by_role("button", name="Opportunities", exact=True).click()
        await navigation.get_by_role("link", name="Import organisations").click()
        await expect(page.get_by_role("link", name="Download the CSV template")).to_have_attribute(
            "download", "tex4im-organisations-template.csv")
        await page.get_by_label("CSV file").set_input_files(
            files=[{"name": "se23.csv", "mimeType": "text/csv", "buffer": CSV}])
        await page.get_by_role("button", name="Check").click()

        report = page.locator('.import-report[data-dry-run="true"]')
        await expect(report.get_by_role("heading")).to_have_text("Check of the file (nothing written)")
        await expect(report.locator('[data-count="refused"]')).to_contain_text("1")
        refused = report.locator('tr[data-row="2"][data-status="refused"]')
        await expect(refused.locator('li[data-field="kind"]')).to_contain_text("kind:")
        await expect(report.locator('tr[data-row="1"]')).to_have_attribute("data-status", "created")
        await expect(report).to_contain_text("Unknown column 'notes' ignored.")

        await page.get_by_role("button", name="Import", exact=True).click()
        imported = page.locator('.import-report[data-dry-run="false"]')
        await expect(imported.get_by_role("heading")).to_have_text("Import report")
        await imported.get_by_role("link", name="Väveri Provrad AB (demo)").click()
        await expect(page.get_by_role("heading", level=1, name="Väveri Provrad AB (demo)")).to_be_visible()
        await expect(page.locator('li[data-step="finishing"]')).to_have_attribute("data-active", "true")

        await page.goto("/organisations/import")
        await expect(page.get_by_role("table", name="Past imports").locator("tr[data-import-id]")).not_to_have_count(0)

    async def test_the_admin_merges_a_duplicate_pair_keeping_the_second(
        self, page: Page, sign_in_browser
    ):
        await sign_in_browser(page, ADMIN)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await navigation.get_by_role("button", name="Opportunities", exact=True).click()
        await navigation.get_by_role("link", name="Duplicates").click()
        pair = page.locator("li.duplicate-pair").first
        await expect(pair).to_contain_text("% similar")
        pair_id = await pair.get_attribute("data-duplicate-id")
        second = pair.locator('.duplicate-side[data-side="second"]')
        kept_id = await second.get_attribute("data-organisation-id")
        kept_name = (await second.get_by_role("heading").text_content() or "").strip()
        lost_id = await pair.locator('.duplicate-side[data-side="first"]').get_attribute("data-organisation-id")

        await second.get_by_role("button", name=f"Keep this one: {kept_name}").click()
        dialog = page.get_by_role("dialog", name=f"Keep {kept_name}?")
        await expect(dialog).to_contain_text("contacts, cluster memberships and opportunities")
        await dialog.get_by_role("button", name="Merge").click()
        await expect(page.get_by_role("status")).to_contain_text(f"was merged into {kept_name}.")
        await expect(page.locator(f'li[data-duplicate-id="{pair_id}"]')).to_have_count(0)

        await page.goto(f"/organisations/{lost_id}")
        note = page.get_by_role("note")
        await expect(note).to_contain_text("This record was merged into")
        await expect(note.get_by_role("link", name=kept_name)).to_have_attribute("href", f"/organisations/{kept_id}")
