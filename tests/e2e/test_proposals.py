"""Proposals in the browser: a Toscana member starts a proposal in an open call, fills it, invites the Valencia demo
member's organisation; that member accepts in their own browser; the Toscana member submits and sees the stage
change and version 1 frozen. (The screening → evaluation → decision story continues from here.)"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

ADMIN = "admin@demo.tex4im.eu"
MEMBER_ITI1 = "member.iti1@demo.tex4im.eu"
MEMBER_ES52 = "member.es52@demo.tex4im.eu"
PASSWORD = "tex4im-demo"
# the demo member accounts' organisations (intelligence.demo.ids documents the pattern)
ITI1_ORGANISATION = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:ITI1:01")
ES52_ORGANISATION = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:ES52:01")
SYNC_DEADLINE = 60.0


async def _sign_in_admin(client: httpx.AsyncClient) -> dict[str, str]:
    """Signs the client in as the consortium admin; returns the CSRF header for unsafe requests."""
    login = await client.post("/api/auth/login", json={"email": ADMIN, "password": PASSWORD})
    assert login.status_code == 200, login.text
    return {"X-CSRF-Token": client.cookies["tex4im_csrf"]}


async def _open_call(client: httpx.AsyncClient, csrf: dict[str, str]) -> dict[str, Any]:
    """A new dated call, open for submissions now, with one required question of its own; published."""
    now = datetime.now(UTC)
    code = f"E2E-{uuid.uuid4().hex[:8].upper()}"
    created = await client.post("/api/proposals/calls", headers=csrf | {"Idempotency-Key": str(uuid.uuid4())}, json={
        "code": code,
        "title": f"Interregional textile pilots ({code})",
        "kind": "dated",
        "min_partner_regions": 2,
        "phases": [{"kind": "submission", "opens_at": (now - timedelta(days=1)).isoformat(),
                    "closes_at": (now + timedelta(days=30)).isoformat()}],
        "fields": [{"key": "market", "label": "Target market", "type": "long_text", "required": True,
                    "help_text": "Who buys the result, and where."}],
    })
    assert created.status_code == 201, created.text
    published = await client.patch(f"/api/proposals/calls/{created.json()['id']}", json={"status": "published"},
                                   headers=csrf | {"If-Match": created.headers["ETag"]})
    assert published.status_code == 200, published.text
    return published.json()


async def _organisation_in_copy(client: httpx.AsyncClient, csrf: dict[str, str], organisation_id: uuid.UUID) -> str:
    """The organisation's registry name, once the proposals copy of the registry has it (read the feed now)."""
    name = (await client.get(f"/api/intelligence/organisations/{organisation_id}")).json()["name"]
    ends = time.monotonic() + SYNC_DEADLINE
    while True:
        await client.post("/api/proposals/organisations/sync", headers=csrf)
        found = (await client.get("/api/proposals/organisations", params={"q": name[:100]})).json()["items"]
        if any(item["id"] == str(organisation_id) for item in found):
            return name
        assert time.monotonic() < ends, f"{name} did not reach the proposals copy within {SYNC_DEADLINE} s"
        await asyncio.sleep(0.5)


@pytest.fixture
async def in_english(stack) -> AsyncIterator[None]:
    """The two members read English during the test (member.iti1's own language is Italian); restored after."""
    kept: list[tuple[str, str]] = []
    async with httpx.AsyncClient(base_url=stack.base_url, timeout=15) as client:
        for email in (MEMBER_ITI1, MEMBER_ES52):
            client.cookies.clear()
            login = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
            assert login.status_code == 200, login.text
            if login.json()["locale"] != "en":
                kept.append((email, login.json()["locale"]))
                changed = await client.patch("/api/me", json={"locale": "en"},
                                             headers={"X-CSRF-Token": client.cookies["tex4im_csrf"]})
                assert changed.status_code == 200, changed.text
    yield
    async with httpx.AsyncClient(base_url=stack.base_url, timeout=15) as client:
        for email, locale in kept:
            client.cookies.clear()
            await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
            await client.patch("/api/me", json={"locale": locale},
                               headers={"X-CSRF-Token": client.cookies["tex4im_csrf"]})


@pytest.fixture
async def open_call(stack) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=stack.base_url, timeout=15) as client:
        csrf = await _sign_in_admin(client)
        call = await _open_call(client, csrf)
        call["lead_name"] = await _organisation_in_copy(client, csrf, ITI1_ORGANISATION)
        call["partner_name"] = await _organisation_in_copy(client, csrf, ES52_ORGANISATION)
    return call


class TestAProposalFromDraftToSubmission:
    async def test_a_member_drafts_invites_a_partner_who_accepts_and_submits_version_1(
        self, new_page, sign_in_browser, open_call, in_english
    ):
        lead = await new_page()
        await sign_in_browser(lead, MEMBER_ITI1)
        navigation = lead.get_by_role("navigation", name="Main navigation")
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
