"""Regions compared and the clusters' way into ESCP-S3: the scorecard and overlap matrix, a region's profile,
boundary import by the admin, and a manager whose cluster profile is refused for ECCP with the unmet criteria."""

import json
import re

import pytest
from playwright.async_api import Page, expect

MEMBER = "member.pt11@demo.tex4im.eu"
ADMIN = "admin@demo.tex4im.eu"
SE23_MANAGER = "manager.se23@demo.tex4im.eu"
# a refused ESCP-S3 step is an expected 409; the browser logs it as a failed resource load
EXPECTED_CONSOLE = ("409 (Conflict)",)


@pytest.fixture
async def page(new_page) -> Page:
    """A fresh browser profile per test; console errors other than the expected refusals fail the test."""
    return await new_page(expected_console=EXPECTED_CONSOLE)


class TestScorecardAndProfiles:
    async def test_a_member_compares_the_regions_and_opens_a_profile_and_its_cluster(
        self, page: Page, sign_in_browser
    ):
        await page.goto("/login")
        await sign_in_browser(page, MEMBER)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await navigation.get_by_role("button", name="Partnership", exact=True).click()
        await navigation.get_by_role("link", name="Scorecard").click()
        await expect(page.get_by_role("heading", name="Scorecard", level=1)).to_be_visible()

        table = page.get_by_role("table", name=re.compile("Indicators and platform figures"))
        toscana = table.locator('tr[data-indicator-code="textile_employees"] td[data-region-code="ITI1"]')
        await expect(toscana).to_contain_text("41,251 persons")
        marker = toscana.get_by_role("link", name=re.compile(r"^Note \d+, Secondary$"))
        number = await marker.text_content()
        await expect(page.locator(f'li[data-note="{number}"]')).to_contain_text("Prato textile district; 2021 survey")
        await marker.hover()
        await expect(toscana.get_by_role("tooltip")).to_be_visible()

        matrix = page.get_by_role("table", name="Thematic priorities shared by each pair of regions")
        await expect(matrix.locator('[data-pair="ITI1-PT11"]')).to_have_attribute(
            "aria-label", re.compile(r"^Toscana and Norte share \d thematic priorit")
        )
        # boundary import is for managers and the admin
        await expect(page.get_by_role("heading", name="Region boundaries")).to_have_count(0)

        await table.locator('thead th[data-region-code="ITI1"]').get_by_role("link", name="Toscana").click()
        await expect(page.get_by_role("heading", name="Toscana", level=1)).to_be_visible()
        indicators = page.locator("section", has=page.get_by_role("heading", name="Indicators", exact=True))
        row = indicators.locator('tr[data-indicator-code="textile_employees"]')
        await expect(row).to_contain_text("Prato textile district; 2021 survey")
        await expect(row).to_contain_text("Secondary")
        await expect(page.locator("li[data-s3-priority-id]").first).to_contain_text("Demo entry")
        await expect(page.get_by_role("button", name="Add an indicator")).to_have_count(0)

        await page.get_by_role("link", name="OTIR2020 – Tuscany Fashion Cluster").first.click()
        await expect(page.get_by_role("heading", name="OTIR2020 – Tuscany Fashion Cluster", level=1)).to_be_visible()
        await expect(page.locator('li[data-step="validated"]')).to_have_attribute("aria-current", "step")
        await expect(page.locator('li[data-criterion="english_website"]')).to_have_attribute("data-met", "true")
        await expect(page.get_by_role("button", name="Edit the profile")).to_have_count(0)

    async def test_a_manager_is_told_which_eccp_criteria_the_cluster_does_not_meet(
        self, page: Page, sign_in_browser
    ):
        await page.goto("/login")
        await sign_in_browser(page, SE23_MANAGER)
        await expect(page.get_by_role("heading", name="TEX4IM partnership", level=1)).to_be_visible()
        await page.goto("/regions/SE23")
        await page.locator("li[data-cluster-id] a").first.click()
        await expect(page.locator('li[data-step="draft"]')).to_have_attribute("aria-current", "step")
        await expect(page.locator('li[data-criterion="member_types"]')).to_have_attribute("data-met", "false")
        # the admin's steps are not offered to a manager
        await expect(page.locator("button[data-to-state]")).to_have_count(1)

        await page.get_by_role("button", name="Submit to ECCP").click()
        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("does not meet 1 of the ECCP validation criteria")
        await expect(alert.get_by_role("list", name="Criteria not met")).to_contain_text("member types")
        await expect(page.locator('li[data-step="draft"]')).to_have_attribute("aria-current", "step")


class TestBoundaryImport:
    async def test_the_admin_imports_a_boundary_sees_it_on_the_profile_and_removes_it(
        self, page: Page, sign_in_browser
    ):
        collection = {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"NUTS_ID": "PT11", "NAME_LATN": "Norte"},
                 "geometry": {"type": "Polygon",
                              "coordinates": [[[-8.9, 41.0], [-6.2, 41.0], [-6.2, 42.2], [-8.9, 42.2], [-8.9, 41.0]]]}},
                {"type": "Feature", "properties": {"NUTS_ID": "AT11", "NAME_LATN": "Burgenland"},
                 "geometry": {"type": "Polygon",
                              "coordinates": [[[16.0, 47.0], [17.0, 47.0], [17.0, 48.0], [16.0, 47.0]]]}},
            ],
        }
        await page.goto("/login")
        await sign_in_browser(page, ADMIN)
        await expect(page.get_by_role("heading", name="TEX4IM partnership", level=1)).to_be_visible()
        await page.goto("/regions/scorecard")
        boundaries = page.locator("section", has=page.get_by_role("heading", name="Region boundaries"))
        await expect(boundaries).to_contain_text("No boundaries imported")
        await boundaries.get_by_label("GeoJSON file").set_input_files(
            files=[{"name": "nuts.geojson", "mimeType": "application/geo+json",
                    "buffer": json.dumps(collection).encode()}]
        )
        await boundaries.get_by_role("button", name="Import boundaries").click()
        report = boundaries.get_by_role("status", name="Import report: GISCO NUTS 2021")
        await expect(report).to_contain_text("Matched: 1")
        await expect(report.locator('[data-report="matched"]')).to_contain_text("Norte (PT11)")
        await expect(boundaries).to_contain_text("Boundary imported for 1 region: Norte.")

        try:
            await page.goto("/regions/PT11")
            await expect(page.get_by_role("img", name="Norte among the partner regions (Portugal)")).to_have_attribute(
                "data-boundary", "polygon"
            )
        finally:
            await page.goto("/regions/scorecard")
            await boundaries.get_by_role("button", name="Delete all boundaries").click()
            await boundaries.get_by_role("button", name="Yes, delete all boundaries").click()
            await expect(boundaries).to_contain_text("No boundaries imported")
