"""A Norte company member finds a circular-economy partner search on the opportunity map and says they are
interested; the Norte cluster manager then sees them among the interested."""

import re

import pytest
from playwright.async_api import Page, expect

STORY_TITLE = "Recycled cotton yarn partner wanted (demo)"
MEMBER = "member.pt11@demo.tex4im.eu"
MANAGER = "manager.pt11@demo.tex4im.eu"


@pytest.fixture
async def manager_page(new_page) -> Page:
    """A second, separate browser profile (its own cookies) for the manager."""
    return await new_page()


class TestOpportunityMap:
    async def test_a_member_finds_an_opportunity_on_the_map_and_its_manager_sees_the_interest(
        self, page: Page, manager_page: Page, sign_in_browser
    ):
        await page.goto("/login")
        await sign_in_browser(page, MEMBER)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await navigation.get_by_role("button", name="Opportunities", exact=True).click()
        await navigation.get_by_role("link", name="Opportunity map").click()
        await expect(page.get_by_role("heading", name="Opportunity map", level=1)).to_be_visible()
        await expect(page.get_by_test_id("result-count")).to_have_text(re.compile(r"^\d+ opportunit(y|ies) found$"))

        # filter: circular economy in Norte; the filters go to the address
        # (click, not check(): the box is checked once the address has changed, a moment after the click)
        circular = page.get_by_role("group", name="Thematic priority").get_by_role("checkbox", name="Circular economy")
        await circular.click()
        await expect(page).to_have_url(re.compile(r"[?&]priority=circular_economy"))
        await expect(circular).to_be_checked()
        norte = page.get_by_role("group", name="Region").get_by_role("checkbox", name=re.compile(r"^Norte"))
        await norte.click()
        await expect(page).to_have_url(re.compile(r"[?&]region=PT11"))
        await expect(norte).to_be_checked()

        await expect(page.get_by_role("region", name="Results")).to_have_attribute("aria-busy", "false")
        results = page.get_by_role("list", name="Opportunities")
        story = results.locator("li[data-opportunity-id]").filter(has_text=STORY_TITLE)
        await expect(story).to_have_count(1)
        # several results, every one a circular-economy one
        several = re.compile(r"^([2-9]|\d\d+) opportunities found$")
        await expect(page.get_by_test_id("result-count")).to_have_text(several)
        off_topic = results.locator("li[data-opportunity-id]:not(:has([data-priority-code='circular_economy']))")
        await expect(off_topic).to_have_count(0)
        opportunity_id = await story.get_attribute("data-opportunity-id")
        assert opportunity_id

        # its point on the map: shown (out of any cluster) and highlighted when chosen in the list
        await story.get_by_role("button", name=re.compile("Show on map")).click()
        await expect(page).to_have_url(re.compile(rf"[?&]selected={opportunity_id}"))
        point = page.locator(f'svg g[data-point-id="{opportunity_id}"]')
        await expect(point).to_be_visible()
        await expect(point).to_have_attribute("aria-pressed", "true")
        await expect(point).to_have_attribute("data-approximate", "false")

        # its page: express interest
        await story.get_by_role("link", name=STORY_TITLE).click()
        await expect(page).to_have_url(re.compile(rf"/opportunities/{opportunity_id}$"))
        await expect(page.get_by_role("heading", name=STORY_TITLE, level=1)).to_be_visible()
        await expect(page.get_by_role("link", name=re.compile("Open at the source"))).to_have_attribute(
            "rel", "noopener noreferrer"
        )
        interest = page.get_by_role("region", name="Your interest")
        await interest.get_by_label("Message to the cluster managers (optional)").fill(
            "We can supply 20 t a month of sorted post-consumer cotton."
        )
        await interest.get_by_role("button", name="I'm interested").click()
        await expect(interest.get_by_text("You are interested")).to_be_visible()
        await expect(interest.get_by_role("button", name="Withdraw")).to_be_visible()
        # a member is not shown who else is interested
        await expect(page.get_by_role("region", name="Interested", exact=True)).to_have_count(0)

        # the Norte manager, in another browser profile, sees the member among the interested
        await manager_page.goto("/login")
        await sign_in_browser(manager_page, MANAGER)
        await expect(manager_page.get_by_role("heading", name="TEX4IM partnership", level=1)).to_be_visible()
        await manager_page.goto(f"/opportunities/{opportunity_id}")
        await expect(manager_page.get_by_role("heading", name=STORY_TITLE, level=1)).to_be_visible()
        interested = manager_page.get_by_role("region", name="Interested", exact=True)
        row = interested.get_by_role("row").filter(has_text="Demo Company Member (Norte)")
        await expect(row).to_have_count(1)
        await expect(row).to_contain_text("PT11")
        await expect(row).to_contain_text("We can supply 20 t a month of sorted post-consumer cotton.")
