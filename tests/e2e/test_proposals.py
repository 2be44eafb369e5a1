"""Proposals in the browser: a Toscana member starts a proposal in an open call, fills it, invites the Valencia demo
member's organisation; that member accepts in their own browser; the Toscana member submits and sees the stage
change and version 1 frozen. (test_proposal_story.py goes on from there to screening, evaluation, decision and
feedback.)"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.async_api import expect

from .proposal_steps import ADMIN, ApiSession, demo_organisation, member, organisation_in_copy, publish_call

MEMBER_ITI1 = member("ITI1")
MEMBER_ES52 = member("ES52")
ITI1_ORGANISATION = demo_organisation("ITI1")
ES52_ORGANISATION = demo_organisation("ES52")


@pytest.fixture
async def in_english(account_language) -> None:
    """The two members read English during the test (member.iti1's own language is Italian); restored after."""
    for email in (MEMBER_ITI1, MEMBER_ES52):
        await account_language(email, "en")


@pytest.fixture
async def open_call(stack) -> dict[str, Any]:
    """A new call open for submissions now, with one required question of its own."""
    async with await ApiSession.open(stack.base_url, ADMIN) as admin:
        call = await publish_call(admin, min_partner_regions=2, fields=[
            {"key": "market", "label": "Target market", "type": "long_text", "required": True,
             "help_text": "Who buys the result, and where."},
        ])
        call["lead_name"] = await organisation_in_copy(admin, ITI1_ORGANISATION)
        call["partner_name"] = await organisation_in_copy(admin, ES52_ORGANISATION)
    return call


class TestAProposalFromDraftToSubmission:
    async def test_a_member_drafts_invites_a_partner_who_accepts_and_submits_version_1(
        self, new_page, sign_in_browser, open_call, in_english
    ):
        lead = await new_page()
        await sign_in_browser(lead, MEMBER_ITI1)
        navigation = lead.get_by_role("navigation", name="Main navigation")
        await navigation.get_by_role("button", name="Proposals", exact=True).click()
        await navigation.get_by_role("link", name="Proposals", exact=True).click()
        await expect(lead.get_by_role("heading", name="Proposals", level=1)).to_be_visible()
        await expect(lead.locator(".proposals-results__count")).to_have_text(re.compile(r"^\d+ proposals?$"))

        # start it in the open call, led by the member's own organisation
        await lead.goto(f"/proposals/new?call={open_call['id']}")
        form = lead.get_by_role("form", name="New proposal")
        await expect(form.get_by_label("Call")).to_have_value(open_call["id"])
        await expect(form.get_by_role("radio", name=re.compile(re.escape(open_call["lead_name"])))).to_be_checked()
        await form.get_by_label("Title").fill("Regenerated wool for knitwear (demo)")
        await form.get_by_label("Summary").fill("Sorting and carding post-consumer wool into new yarns.")
        await form.get_by_role("button", name="Create the proposal").click()

        await expect(lead.get_by_role("heading", level=1, name="Regenerated wool for knitwear (demo)")).to_be_visible()
        await expect(lead).to_have_url(re.compile(r"/proposals/[0-9a-f-]{36}$"))
        proposal_url = lead.url
        proposal = lead.locator(".proposal-page")
        await expect(proposal).to_have_attribute("data-stage", "draft")
        await expect(proposal.locator('[data-field="reference"]')).to_have_text(
            re.compile(rf"^{open_call['code']}-ITI1-001$"))
        # what submitting still needs, instead of a Submit button that would fail
        steps = lead.get_by_role("region", name="Next steps")
        blocked = steps.locator('[data-transition="submit"]')
        await expect(blocked).to_contain_text("Submit (to Submitted): not possible yet")
        await expect(blocked.locator('li[data-field="answers.market"]')).to_be_visible()
        await expect(blocked.locator('li[data-field="partners"]')).to_be_visible()

        # fill it
        editor = lead.get_by_role("form", name="Edit the proposal")
        await editor.get_by_role("checkbox", name="Circular economy").check()
        await editor.get_by_role("checkbox", name="Recycling").check()
        await editor.get_by_label("Technology readiness level (TRL)").select_option("5")
        await editor.get_by_label(re.compile(r"^Total budget \(EUR\)")).fill("250000")
        await editor.get_by_label(re.compile(r"^Requested funding \(EUR\)")).fill("200,000")
        await editor.get_by_label(re.compile(r"^Target market")).fill("Premium knitwear brands in Europe.")
        await editor.get_by_role("button", name="Save changes").click()
        await expect(editor.get_by_text("Changes saved.")).to_be_visible()
        await expect(editor.get_by_label(re.compile(r"^Total budget \(EUR\)"))).to_have_value("250,000")
        await expect(blocked.locator('li[data-field="answers.market"]')).to_have_count(0)

        # invite the Valencia member's organisation
        await lead.get_by_role("tab", name=re.compile("^Partners")).click()
        await expect(lead).to_have_url(re.compile(r"\?tab=partners$"))
        picker = lead.get_by_role("group", name="Organisation to invite")
        await picker.get_by_label("Name contains").fill(open_call["partner_name"])
        choice = picker.locator(f'li[data-organisation-id="{ES52_ORGANISATION}"]').get_by_role("radio")
        await expect(choice).to_have_accessible_name(re.compile(rf"^{re.escape(open_call['partner_name'])} "))
        await choice.check()
        await lead.get_by_role("button", name=f"Invite {open_call['partner_name']}").click()
        partner = lead.locator(f'li.partner-list__item[data-organisation-id="{ES52_ORGANISATION}"]')
        await expect(partner).to_have_attribute("data-status", "invited")
        rule = lead.get_by_test_id("partner-rule")
        await expect(rule).to_contain_text("Waiting for an answer from: Comunitat Valenciana")

        # the Valencia member accepts in their own browser
        member = await new_page()
        await sign_in_browser(member, MEMBER_ES52)
        await member.goto(proposal_url)
        banner = member.get_by_role("region", name="Invitation to join")
        await expect(banner).to_contain_text(f"{open_call['partner_name']} is invited to join proposal")
        await banner.get_by_role("button", name="Accept").click()
        await expect(member.get_by_test_id("proposal-status")).to_have_text(
            f"You confirmed the participation of {open_call['partner_name']}.")
        await expect(member.get_by_role("region", name="Invitation to join")).to_have_count(0)

        # back to the lead: the rule is met, and Submit freezes version 1
        await lead.reload()
        await expect(rule).to_have_attribute("data-met", "true")
        await expect(partner).to_have_attribute("data-status", "confirmed")
        submit = steps.locator('button[data-transition="submit"]')
        await submit.click()
        dialog = lead.get_by_role("dialog", name="Submit: move to Submitted")
        await expect(dialog).to_contain_text("This freezes version 1")
        await dialog.get_by_label("Comment (optional)").fill("Ready for screening.")
        await dialog.get_by_role("button", name="Submit").click()

        await expect(lead.get_by_test_id("proposal-status")).to_have_text("The proposal is now: Submitted.")
        await expect(proposal).to_have_attribute("data-stage", "submitted")
        await expect(proposal.locator('.stage-badge[data-stage="submitted"]')).to_have_text("Submitted")
        await expect(proposal.locator('[data-field="submitted-version"]')).to_have_text("Version 1")
        await expect(lead.get_by_role("form", name="Edit the proposal")).to_have_count(0)

        await lead.get_by_role("tab", name=re.compile("^Versions")).click()
        versions = lead.get_by_role("region", name="Submitted versions")
        await expect(versions.locator('li[data-version="1"]')).to_contain_text("submitted on")
        await lead.get_by_role("tab", name="Timeline").click()
        entry = lead.locator('li.timeline__entry[data-transition="submit"]')
        await expect(entry).to_contain_text("Draft → Submitted")
        await expect(entry).to_contain_text("Ready for screening.")

        # the list shows it in its new stage
        await lead.goto(f"/proposals?call={open_call['id']}&view=board")
        column = lead.locator('section.board-column[data-stage="submitted"]')
        await expect(column.locator("li[data-proposal-id]")).to_have_count(1)
        await expect(column).to_contain_text("Regenerated wool for knitwear (demo)")
