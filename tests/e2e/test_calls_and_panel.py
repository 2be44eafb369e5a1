"""Calls and screening in the browser: the admin creates and publishes a call through the form and finds it listed;
a Norte cluster manager screens a submitted proposal (made through the API) on one page: starts screening, reads
the automatic checks, records the decision and admits the proposal to evaluation."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from playwright.async_api import Page, expect

from .proposal_steps import ADMIN, ApiSession, demo_organisation, manager, member, organisation_in_copy, publish_call

# Norte's and Valencia's demo accounts use the interface in English (Toscana's in Italian)
MANAGER_PT11 = manager("PT11")
MEMBER_PT11 = member("PT11")
MEMBER_ES52 = member("ES52")
PT11_ORGANISATION = demo_organisation("PT11")
ES52_ORGANISATION = demo_organisation("ES52")


def _local(moment: datetime) -> str:
    """A `datetime-local` value in the machine's zone, which the browser shares."""
    return moment.astimezone().strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
async def submitted_proposal(stack) -> dict[str, Any]:
    """A complete proposal led from Norte with a confirmed Valencia partner, submitted to a new open call."""
    async with (await ApiSession.open(stack.base_url, ADMIN) as admin,
                await ApiSession.open(stack.base_url, MEMBER_PT11) as lead,
                await ApiSession.open(stack.base_url, MEMBER_ES52) as partner):
        call = await publish_call(admin, prefix="E2E-S", min_partner_regions=2)
        for organisation in (PT11_ORGANISATION, ES52_ORGANISATION):
            await organisation_in_copy(admin, organisation)

        proposal = (await lead.write("POST", "/api/proposals/proposals", expect=201, json={
            "call_id": call["id"], "title": "Regenerated carded wool from knitwear (demo)",
            "summary": "Sorting and carding post-consumer wool knitwear into regenerated yarns.",
            "priorities": ["circular_economy"], "value_chain": ["recycling", "yarn"], "trl": 6,
            "budget_eur": "300000", "requested_eur": "200000", "lead_organisation_id": str(PT11_ORGANISATION),
        })).json()
        base = f"/api/proposals/proposals/{proposal['id']}"
        await lead.write("POST", f"{base}/partners", expect=201,
                         json={"organisation_id": str(ES52_ORGANISATION), "role_description": "Dyeing trials"})
        await partner.write("POST", f"{base}/partners/{ES52_ORGANISATION}/answer", json={"accept": True})
        submitted = await lead.write("POST", f"{base}/transitions", json={"transition": "submit"})
        assert submitted.json()["stage"]["key"] == "submitted"
        return submitted.json()


class TestCalls:
    async def test_the_admin_creates_and_publishes_a_call_through_the_form_and_finds_it_listed(
        self, page: Page, sign_in_browser
    ):
        code = f"E2E-C-{uuid.uuid4().hex[:6].upper()}"
        title = f"Circular knitwear investments ({code})"
        now = datetime.now(UTC)
        await sign_in_browser(page, ADMIN)
        navigation = page.get_by_role("navigation", name="Main navigation")
        await navigation.get_by_role("button", name="Proposals", exact=True).click()
        await navigation.get_by_role("link", name="Calls", exact=True).click()
        await expect(page.get_by_role("heading", level=1, name="Calls for proposals")).to_be_visible()
        await page.get_by_role("link", name="New call").click()

        await expect(page.get_by_role("heading", level=1, name="New call")).to_be_focused()
        basics = page.get_by_role("group", name="Basics")
        await basics.get_by_label("Code").fill(code)
        await basics.get_by_label("Title").fill(title)
        await basics.get_by_label("Description").fill("Investment projects that close the loop of wool knitwear.")
        await basics.get_by_label("Status").select_option("published")
        phases = page.get_by_role("group", name="Phases")
        await phases.get_by_label("Submission opens").fill(_local(now - timedelta(days=1)))
        await phases.get_by_label("Submission closes").fill(_local(now + timedelta(days=60)))
        rubric = page.get_by_role("group", name="Rubric")
        await rubric.locator('[data-criterion-row="0"]').get_by_label("Weight").fill("40")
        await expect(rubric.locator('[data-criterion-row="0"] [data-share]')).to_have_text("36.4% of the total")
        await page.get_by_role("button", name="Create the call").click()

        published = page.get_by_role("status").filter(has_text="The call is published")
        await expect(published).to_have_text("The call is published: everyone can see it now.")
        await expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
        call_id = re.search(r"/calls/([0-9a-f-]{36})$", page.url).group(1)
        detail = page.locator(".call-detail")
        await expect(detail.locator('[data-call-status="published"]')).to_be_visible()
        await expect(detail.locator('[data-submission-open="true"]')).to_have_text("Open for submission")
        await expect(page.get_by_role("list", name="Phases").locator('li[data-phase="submission"]')).to_have_attribute(
            "data-state", "current")
        rules = page.locator('[data-section="rules"]')
        await expect(rules.locator('[data-rule="partnerRegions"]')).to_have_text("Partners from at least 2 regions")
        await expect(rules.locator('[data-rule="evaluators"]')).to_have_text("3 evaluators for each proposal")
        await expect(page.locator('[data-section="rubric"] tr[data-criterion="excellence"] [data-share]')).to_have_text(
            "36.4%")

        await page.get_by_role("link", name="← All calls").click()
        await expect(page).to_have_url(re.compile(r"/calls$"))
        listed = page.get_by_role("list", name="Calls").locator(f'li[data-call-id="{call_id}"]')
        await expect(listed).to_be_visible()
        await expect(listed.get_by_role("link", name=title)).to_be_visible()
        await expect(listed).to_contain_text(code)
        await expect(listed).to_contain_text("Open for submission")


class TestScreening:
    async def test_the_lead_regions_manager_screens_a_proposal_and_admits_it_to_evaluation_on_one_page(
        self, page: Page, sign_in_browser, submitted_proposal
    ):
        proposal = submitted_proposal
        await sign_in_browser(page, MANAGER_PT11)
        await page.goto(f"/proposals/{proposal['id']}/screening")
        await expect(page.get_by_role("heading", level=1, name=f"Screening of {proposal['reference']}")).to_be_visible()

        checks = page.get_by_role("list", name="Automatic checks")
        await expect(checks.locator("li[data-check]")).to_have_count(5)
        await expect(checks.locator('li[data-check="partner_regions"]')).to_have_attribute("data-outcome", "passed")
        await expect(checks.locator('li[data-check="partner_regions"]')).to_contain_text(
            "The lead and confirmed partners come from 2 regions (ES52, PT11)")
        await expect(checks.locator('li[data-check="completeness"]')).to_have_attribute("data-outcome", "passed")
        await expect(page.get_by_test_id("screening-decision")).to_contain_text("No decision yet.")

        # the proposal was only submitted: screening starts from the steps on this page
        steps = page.get_by_role("region", name="Next steps")
        await steps.get_by_role("button", name="Start screening").click()
        await expect(steps.get_by_role("status").filter(has_text="is now in")).to_have_text(
            f"{proposal['reference']} is now in: Screening.")

        decide = page.get_by_role("region", name="Record the decision")
        await decide.get_by_role("radio", name="Yes, eligible").check()
        await expect(decide.get_by_test_id("override-warning")).to_have_count(0)
        await decide.get_by_label("Reason").fill("Complete, interregional and on the call's priorities.")
        await decide.get_by_role("button", name="Record the decision").click()
        await expect(page.get_by_role("region", name="Change the decision").get_by_role("status")).to_have_text(
            "Decision recorded: eligible.")
        decision = page.get_by_test_id("screening-decision")
        await expect(decision).to_have_attribute("data-eligible", "true")
        await expect(decision).to_contain_text("Complete, interregional and on the call's priorities.")
        await expect(decision).to_contain_text(re.compile(r"Decided by .+ on "))

        admit = steps.get_by_role("button", name="Admit to evaluation")
        await expect(admit).to_be_enabled()
        await admit.click()
        await expect(steps.get_by_role("status").filter(has_text="is now in")).to_have_text(
            f"{proposal['reference']} is now in: Evaluation.")
        await expect(page.locator(".screening")).to_have_attribute("data-stage", "evaluation")
