"""The whole proposals story in the browser, in the real stack with demo data: a Norte company member drafts and
submits a proposal with a partner from Valencia (who accepts in their own browser); the Norte cluster manager screens
it and admits it; the admin staffs the panel automatically; the three evaluators it picked score every criterion
and submit; the admin writes and finalises the consensus, stages the decisions and releases them; the applicant
follows the notification to the feedback: selected, the scores per criterion and the panel's summary.

Only the call is made through the API (the admin's setup), and the assignments are read there to know which
three demo evaluators to sign in. Every account here reads English."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from playwright.async_api import Page, expect

from .proposal_steps import (
    ADMIN,
    EVALUATORS,
    ApiSession,
    demo_organisation,
    manager,
    member,
    organisation_in_copy,
    publish_call,
)

LEAD, PARTNER, MANAGER = member("PT11"), member("ES52"), manager("PT11")
LEAD_ORGANISATION, PARTNER_ORGANISATION = demo_organisation("PT11"), demo_organisation("ES52")
TITLE = "Regenerated denim from post-consumer jeans (story)"

# what the three evaluators give each criterion of the default rubric (weights 30/30/20/20, thresholds 3): every
# criterion's mean is a half step, so the consensus suggests exactly it, and no two scores are divergent (> 2 apart)
SCORES = {
    "excellence": ("4", "4.5", "5"),
    "impact": ("4", "4", "4"),
    "implementation": ("3", "3.5", "4"),
    "partnership": ("4", "4.5", "3.5"),
}
AGREED = {"excellence": "4.5", "impact": "4", "implementation": "3.5", "partnership": "4"}
TOTAL = "4.05"  # 0.3 × 4.5 + 0.3 × 4 + 0.2 × 3.5 + 0.2 × 4
PANEL_COMMENTS = {
    "excellence": "Mechanical recycling of denim at this scale is new in the two regions.",
    "impact": "Jobs in sorting and spinning in Norte, dyeing work in Valencia.",
    "implementation": "The plan is sound; the second year's budget needs detail.",
    "partnership": "The partners complement each other along the chain.",
}
SUMMARY = "A convincing interregional pilot: selected, with a request to detail the second year's budget."


@pytest.fixture
async def story_call(stack) -> dict[str, Any]:
    """The admin's fresh call (through the API): open now, partners from 2 regions, 3 evaluators each, one to select,
    scores and comments shared; no other proposal will be in it, so its decisions are the story's."""
    async with await ApiSession.open(stack.base_url, ADMIN) as admin:
        call = await publish_call(
            admin, prefix="E2E-STORY", min_partner_regions=2, min_evaluators=3, exclude_own_region_evaluators=False,
            selected_count=1, feedback_policy="scores_and_comments",
        )
        call["partner_name"] = await organisation_in_copy(admin, PARTNER_ORGANISATION)
        await organisation_in_copy(admin, LEAD_ORGANISATION)
    assert [c["key"] for c in call["criteria"]] == list(SCORES), call["criteria"]
    return call


async def _assigned_evaluators(base_url: str, proposal_id: str) -> list[tuple[str, str]]:
    """(email, assignment id) of the demo evaluators assigned to the proposal, read through each one's workspace."""

    async def assignment_of(email: str) -> tuple[str, str] | None:
        async with await ApiSession.open(base_url, email) as evaluator:
            response = await evaluator.client.get("/api/proposals/me/assignments", params={"limit": 200})
            if response.status_code == 404:  # not in the pool
                return None
            assert response.status_code == 200, response.text
            mine = [a for a in response.json()["items"] if a["proposal"]["id"] == proposal_id]
            return (email, mine[0]["id"]) if mine else None

    found = await asyncio.gather(*(assignment_of(email) for email in EVALUATORS))
    return [item for item in found if item is not None]


class TestTheProposalStory:
    async def test_drafted_submitted_screened_scored_decided_and_the_feedback_read(
        self, stack, new_page, sign_in_browser, story_call
    ):
        call = story_call
        criteria = {c["key"]: c["title"] for c in call["criteria"]}

        # -- 1. the Norte member drafts the proposal in the call, led by their own organisation -------------------
        lead = await new_page()
        await sign_in_browser(lead, LEAD)
        await lead.goto(f"/proposals/new?call={call['id']}")
        form = lead.get_by_role("form", name="New proposal")
        await expect(form.get_by_label("Call")).to_have_value(call["id"])
        await expect(form.locator(f'[data-organisation-id="{LEAD_ORGANISATION}"] input[type=radio]')).to_be_checked()
        await form.get_by_label("Title").fill(TITLE)
        await form.get_by_label("Summary").fill("Sorting, shredding and re-spinning worn jeans into new denim yarn.")
        await form.get_by_role("button", name="Create the proposal").click()

        await expect(lead.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
        proposal_page = lead.locator(".proposal-page")
        await expect(proposal_page).to_have_attribute("data-stage", "draft")
        proposal_id = await proposal_page.get_attribute("data-proposal-id")
        reference_field = proposal_page.locator('[data-field="reference"]')
        await expect(reference_field).to_have_text(re.compile(rf"^{call['code']}-PT11-\d{{3}}$"))
        reference = (await reference_field.text_content() or "").strip()
        proposal_url = f"/proposals/{proposal_id}"

        editor = lead.get_by_role("form", name="Edit the proposal")
        await editor.get_by_role("checkbox", name="Circular economy").check()
        await editor.get_by_role("checkbox", name="Recycling").check()
        await editor.get_by_label("Technology readiness level (TRL)").select_option("6")
        await editor.get_by_label(re.compile(r"^Total budget \(EUR\)")).fill("400000")
        await editor.get_by_label(re.compile(r"^Requested funding \(EUR\)")).fill("300000")
        await editor.get_by_role("button", name="Save changes").click()
        await expect(editor.get_by_text("Changes saved.")).to_be_visible()
        steps = lead.get_by_role("region", name="Next steps")
        blocked = steps.locator('[data-transition="submit"]')
        await expect(blocked.locator("li[data-field]")).to_have_count(1)  # only the partner rule is left
        await expect(blocked.locator('li[data-field="partners"]')).to_be_visible()

        # -- it invites the Valencia member's organisation ----------------------------------------------------------
        await lead.get_by_role("tab", name=re.compile("^Partners")).click()
        picker = lead.get_by_role("group", name="Organisation to invite")
        await picker.get_by_label("Name contains").fill(call["partner_name"])
        await picker.locator(f'li[data-organisation-id="{PARTNER_ORGANISATION}"]').get_by_role("radio").check()
        await lead.get_by_role("button", name=f"Invite {call['partner_name']}").click()
        partner_item = lead.locator(f'li.partner-list__item[data-organisation-id="{PARTNER_ORGANISATION}"]')
        await expect(partner_item).to_have_attribute("data-status", "invited")

        # -- the Valencia member accepts in their own browser -------------------------------------------------------
        partner = await new_page()
        await sign_in_browser(partner, PARTNER)
        await partner.goto(proposal_url)
        invitation = partner.get_by_role("region", name="Invitation to join")
        await expect(invitation).to_contain_text(f"{call['partner_name']} is invited to join proposal")
        await invitation.get_by_role("button", name="Accept").click()
        await expect(partner.get_by_test_id("proposal-status")).to_have_text(
            f"You confirmed the participation of {call['partner_name']}.")

        # -- the Norte member submits: stage Submitted, version 1 --------------------------------------------------
        await lead.reload()
        await expect(lead.get_by_test_id("partner-rule")).to_have_attribute("data-met", "true")
        await steps.locator('button[data-transition="submit"]').click()
        dialog = lead.get_by_role("dialog", name="Submit: move to Submitted")
        await expect(dialog).to_contain_text("This freezes version 1")
        await dialog.get_by_role("button", name="Submit").click()
        await expect(lead.get_by_test_id("proposal-status")).to_have_text("The proposal is now: Submitted.")
        await expect(proposal_page.locator('.stage-badge[data-stage="submitted"]')).to_have_text("Submitted")
        await expect(proposal_page.locator('[data-field="submitted-version"]')).to_have_text("Version 1")

        # -- 2. the Norte cluster manager screens it and admits it to evaluation ----------------------------------
        screener = await new_page()
        await sign_in_browser(screener, MANAGER)
        await screener.goto(f"{proposal_url}/screening")
        await expect(screener.get_by_role("heading", level=1, name=f"Screening of {reference}")).to_be_visible()
        checks = screener.get_by_role("list", name="Automatic checks")
        await expect(checks.locator('li[data-check="partner_regions"]')).to_have_attribute("data-outcome", "passed")
        screening_steps = screener.get_by_role("region", name="Next steps")
        moved = screening_steps.get_by_role("status").filter(has_text="is now in")
        await screening_steps.get_by_role("button", name="Start screening").click()
        await expect(moved).to_have_text(f"{reference} is now in: Screening.")
        decide = screener.get_by_role("region", name="Record the decision")
        await decide.get_by_role("radio", name="Yes, eligible").check()
        await decide.get_by_label("Reason").fill("Complete, led from Norte with a Valencia partner.")
        await decide.get_by_role("button", name="Record the decision").click()
        await expect(screener.get_by_test_id("screening-decision")).to_have_attribute("data-eligible", "true")
        await screening_steps.get_by_role("button", name="Admit to evaluation").click()
        await expect(moved).to_have_text(f"{reference} is now in: Evaluation.")
        await expect(screener.locator(".screening")).to_have_attribute("data-stage", "evaluation")

        # -- 3. the admin assigns evaluators automatically on the call's panel -----------------------------------
        admin = await new_page()
        await sign_in_browser(admin, ADMIN)
        await admin.goto(f"/calls/{call['id']}/panel")
        await expect(admin.get_by_role("heading", level=1, name=f"Panel of {call['code']}")).to_be_visible()
        await admin.get_by_role("button", name="Assign evaluators automatically").click()
        report = admin.get_by_test_id("auto-report")
        await expect(report.get_by_role("status")).to_have_text(
            "3 new assignments, 0 moved away; 0 proposals still short.")
        await expect(report.locator('[data-report="added"] li')).to_contain_text(f"{reference}: ")
        staffing = admin.get_by_role("list", name="Proposals under evaluation and their evaluators").locator(
            f'li.staffing[data-proposal-id="{proposal_id}"]')
        await expect(staffing.locator("tr[data-assignment-id]")).to_have_count(3)
        await expect(staffing.get_by_test_id("review-progress")).to_have_text(
            "0 of 3 reviews submitted · No consensus yet.")

        assigned = await _assigned_evaluators(stack.base_url, proposal_id)
        assert len(assigned) == 3, assigned

        # -- each of the three scores every criterion with a comment and submits -----------------------------------
        for position, (email, assignment_id) in enumerate(sorted(assigned)):
            evaluator = await new_page()
            await sign_in_browser(evaluator, email)
            await _score_and_submit(evaluator, assignment_id, reference, criteria, position)

        # -- 4. the admin writes the consensus and finalises it ----------------------------------------------------
        await admin.reload()
        await expect(staffing.get_by_test_id("review-progress")).to_contain_text("3 of 3 reviews submitted")
        await staffing.get_by_role("link", name=f"Open the evaluation of {reference}").click()
        evaluation = admin.locator(f'.evaluation[data-proposal-id="{proposal_id}"]')
        await expect(evaluation).to_have_attribute("data-stage", "evaluation")
        await expect(admin.get_by_test_id("readiness")).to_have_attribute("data-ready", "true")
        await expect(admin.get_by_test_id("readiness")).to_have_text(
            "Ready for the consensus: 3 of 3 reviews submitted.")
        consensus = admin.get_by_test_id("consensus")
        for key, title in criteria.items():
            # prefilled from the suggestion: each criterion's mean of the three reviews
            await expect(consensus.get_by_label(f"Agreed score for {title}")).to_have_value(AGREED[key])
            await consensus.get_by_label(f"Comment on {title}").fill(PANEL_COMMENTS[key])
        await consensus.get_by_label("Summary of the panel's assessment").fill(SUMMARY)
        live_total = consensus.get_by_test_id("live-total")
        await expect(live_total).to_have_attribute("data-passed", "true")
        await expect(live_total).to_contain_text(f"Weighted total {TOTAL}")
        await consensus.get_by_role("button", name="Save the consensus").click()
        await expect(consensus.get_by_role("status").filter(has_text="consensus was")).to_have_text(
            "The consensus was saved.")
        await consensus.get_by_role("button", name="Finalise").click()
        await expect(consensus.get_by_role("status").filter(has_text="finalised")).to_have_text(
            "The consensus is finalised: the proposal takes its place in the ranking.")
        await expect(consensus.get_by_test_id("consensus-state")).to_have_attribute("data-finalised", "true")

        # -- then, on the panel, it stages the decisions from the ranking and releases them -----------------------
        await admin.get_by_role("link", name=f"Panel of {call['code']}").click()
        ranked = admin.locator(f'#panel-ranking tr[data-proposal-id="{proposal_id}"]')
        await expect(ranked).to_have_attribute("data-outcome", "selected")
        await expect(ranked).to_have_attribute("data-rank", "1")
        decisions = admin.locator("#panel-decisions")
        await decisions.get_by_role("button", name="Stage decisions from the ranking").click()
        await expect(decisions.get_by_role("status")).to_have_text("1 decision staged from the ranking.")
        await expect(decisions.locator(f'tr[data-proposal-id="{proposal_id}"]')).to_have_attribute(
            "data-outcome", "selected")
        await decisions.get_by_role("button", name="Release decisions").click()
        release = admin.get_by_role("dialog", name=f"Release the decisions of {call['code']}?")
        await expect(release).to_contain_text("1 selected, 0 on the reserve list, 0 rejected.")
        await expect(release.get_by_role("button", name="Cancel")).to_be_focused()
        await release.get_by_role("button", name="Release and notify applicants").click()
        await expect(admin.get_by_role("dialog")).to_have_count(0)
        await expect(decisions.get_by_role("status")).to_have_text(
            "The decisions are released and the applicants notified.")
        await expect(decisions.get_by_test_id("released")).to_be_visible()

        # -- 5. the Norte member follows the notification to the feedback ----------------------------------------
        applicant = await new_page()
        await sign_in_browser(applicant, LEAD)
        bell = applicant.get_by_role("button", name=re.compile(r"^Notifications, \d+ unread$"))
        await bell.click()
        told = applicant.get_by_role("list", name="Latest notifications").get_by_role(
            "link", name=f"{reference}: selected for the portfolio")
        await told.click()
        await expect(applicant).to_have_url(re.compile(rf"/proposals/{proposal_id}/feedback$"))

        feedback = applicant.locator("article.feedback")
        await expect(feedback).to_have_attribute("data-outcome", "selected")
        await expect(feedback).to_have_attribute("data-policy", "scores_and_comments")
        await expect(feedback.get_by_role("heading", level=1)).to_have_text(f"Feedback on {reference}")
        await expect(feedback.locator(".outcome-badge")).to_have_text("Selected")
        await expect(feedback.get_by_test_id("feedback-rank")).to_have_text("Ranked 1 of 1 fundable proposals.")
        await expect(feedback.get_by_test_id("feedback-total")).to_have_text(
            f"Total {TOTAL} (threshold 3). It passed the thresholds.")
        for key, title in criteria.items():
            row = feedback.locator(f'tr[data-criterion="{key}"]')
            await expect(row).to_have_attribute("data-passed", "true")
            await expect(row.locator("th")).to_have_text(title)
            await expect(row.locator("td").first).to_have_text(AGREED[key])
            await expect(row).to_contain_text(PANEL_COMMENTS[key])
        await expect(feedback.get_by_role("region", name="The panel's summary")).to_contain_text(SUMMARY)

        # the release moved the proposal on, to the portfolio
        await applicant.get_by_role("link", name="← Back to the proposal").click()
        await expect(applicant.locator(".proposal-page")).to_have_attribute("data-stage", "portfolio")


async def _score_and_submit(page: Page, assignment_id: str, reference: str, criteria: dict[str, str],
                            position: int) -> None:
    """One evaluator, from the workspace: every criterion scored (their column of SCORES) with a comment; submitted."""
    await page.goto("/evaluation")
    item = page.get_by_role("list", name="Your assignments").locator(f'li[data-assignment-id="{assignment_id}"]')
    await expect(item).to_have_attribute("data-status", "assigned")
    await item.get_by_role("link", name=re.compile(rf"^{re.escape(reference)} · ")).click()

    form = page.get_by_role("form", name="Your review")
    for key, title in criteria.items():
        score = SCORES[key][position]
        await form.get_by_role("radiogroup", name=f"Score for {title}").get_by_role(
            "radio", name=score, exact=True).check()
        await form.get_by_label(re.compile(rf"^Comment on {re.escape(title)}")).fill(
            f"{title}: scored {score} after reading the work plan and the partners' roles.")
    await form.get_by_label("Overall comment").fill("A credible interregional pilot with a clear market.")
    await form.get_by_role("button", name="Submit review").click()
    dialog = page.get_by_role("dialog", name="Submit your review?")
    await dialog.get_by_role("button", name="Submit review").click()
    await expect(page.get_by_text("Your review was submitted. Thank you.")).to_be_visible()
    await expect(page.locator(".assignment-page")).to_have_attribute("data-status", "submitted")
