"""The evaluator's part in the browser: records made through the API (a call, a proposal submitted, screened and
admitted, the pool assigned by the admin's automatic run), then evaluator@ finds the assignment through the bell,
scores it in the workspace, is told what is missing, saves, submits, and reads the review back read-only."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from playwright.async_api import Page, expect

ADMIN = "admin@demo.tex4im.eu"
MEMBER_ITI1 = "member.iti1@demo.tex4im.eu"
MANAGER_ITI1 = "manager.iti1@demo.tex4im.eu"
EVALUATOR = "evaluator@demo.tex4im.eu"
PASSWORD = "tex4im-demo"
# the demo member account's organisation (intelligence.demo.ids documents the pattern)
ITI1_MEMBER_ORGANISATION = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:ITI1:01")
API = "/api/proposals"


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Session:
    """One demo account signed in at the gateway, sending the CSRF token on writes."""

    def __init__(self, base_url: str, email: str) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=30)
        signed = self.client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
        assert signed.status_code == 200, signed.text
        self.csrf = {"X-CSRF-Token": self.client.cookies["tex4im_csrf"]}

    def send(self, method: str, path: str, *, expect: int | None = 200, headers: dict[str, str] | None = None,
             **kwargs) -> httpx.Response:
        """The request through the gateway; `expect` is the status it must answer (None: any)."""
        response = self.client.request(method, f"{API}{path}", headers={**self.csrf, **(headers or {})}, **kwargs)
        if expect is not None:
            assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text[:500]}"
        return response

    def close(self) -> None:
        self.client.close()


@pytest.fixture
def assigned(stack):
    """A new call whose one proposal is in evaluation with the whole pool assigned, evaluator@ among them."""
    suffix = uuid.uuid4().hex[:8]
    admin, member, manager, evaluator = (Session(stack.base_url, email) for email in
                                         (ADMIN, MEMBER_ITI1, MANAGER_ITI1, EVALUATOR))
    try:
        # evaluator@ is in the pool (the demo registers it; a bare stack may not have)
        if evaluator.send("GET", "/evaluators/me", expect=None).status_code == 404:
            evaluator.send("PUT", "/evaluators/me", json={}, expect=201)

        now = datetime.now(UTC)
        code = f"E2E-EVAL-{suffix}"
        created = admin.send("POST", "/calls", expect=201, json={
            "code": code,
            "title": f"Evaluation in the browser {suffix} (demo)",
            "kind": "dated",
            "min_partner_regions": 1,
            "min_evaluators": 10,  # more than the pool: every evaluator without a conflict is assigned
            "phases": [
                {"kind": "submission", "opens_at": _iso(now - timedelta(days=1)),
                 "closes_at": _iso(now + timedelta(days=10))},
                {"kind": "evaluation", "opens_at": _iso(now + timedelta(days=10)),
                 "closes_at": _iso(now + timedelta(days=40))},
            ],
            "criteria": [
                {"key": "excellence", "title": "Excellence", "description": "Novelty and soundness.",
                 "weight": "60", "threshold": "3"},
                {"key": "impact", "title": "Impact", "description": "Effect on the regions' firms.",
                 "weight": "40", "threshold": "3"},
            ],
        })
        call = admin.send("PATCH", f"/calls/{created.json()['id']}", json={"status": "published"},
                          headers={"If-Match": created.headers["ETag"]}).json()

        title = f"Browser-scored wool recycling {suffix} (demo)"
        proposal = member.send("POST", "/proposals", expect=201, json={
            "call_id": call["id"], "title": title, "acronym": "E2EWOOL",
            "summary": "Sorting and carding post-consumer knitwear into regenerated yarn.",
            "priorities": ["circular_economy"], "value_chain": ["recycling", "yarn"], "trl": 5,
            "budget_eur": "200000", "requested_eur": "100000",
            "lead_organisation_id": str(ITI1_MEMBER_ORGANISATION),
        }).json()
        steps = f"/proposals/{proposal['id']}/transitions"
        member.send("POST", steps, json={"transition": "submit"})
        manager.send("POST", steps, json={"transition": "start_screening"})
        manager.send("PUT", f"/proposals/{proposal['id']}/screening", json={
            "eligible": True, "reason": "Complete, within the call's priorities: eligible for evaluation."})
        manager.send("POST", steps, json={"transition": "admit_to_evaluation"})

        report = admin.send("POST", f"/calls/{call['id']}/assignments/auto").json()
        assert report["assigned"] >= 1, report
        mine = [a for a in evaluator.send("GET", "/me/assignments?limit=200").json()["items"]
                if a["proposal"]["id"] == proposal["id"]]
        assert len(mine) == 1, report
        yield {"call": call, "proposal": proposal, "title": title, "assignment": mine[0]}
    finally:
        for session in (admin, member, manager, evaluator):
            session.close()


class TestEvaluatorWorkspace:
    async def test_the_evaluator_is_told_scores_and_submits(self, page: Page, sign_in_browser, assigned):
        call_code, title = assigned["call"]["code"], assigned["title"]
        await sign_in_browser(page, EVALUATOR)

        # the bell counts the unread notifications and lists the assignment's, newest first
        bell = page.get_by_role("button", name=re.compile(r"^Notifications, \d+ unread$"))
        await expect(bell).to_be_visible()
        await expect(bell).to_have_attribute("data-unread-count", re.compile(r"^[1-9]\d*$"))
        await bell.click()
        latest = page.get_by_role("list", name="Latest notifications")
        told = latest.get_by_role("link", name=f"1 new proposal to evaluate in call {call_code}")
        await expect(told).to_be_visible()
        await told.click()
        await expect(page).to_have_url(re.compile(r"/evaluation$"))
        await expect(page.get_by_role("heading", level=1, name="Evaluation workspace")).to_be_visible()

        # the workspace: the assignment with its call, due date and progress
        item = page.get_by_role("list", name="Your assignments").locator(
            f'li[data-assignment-id="{assigned["assignment"]["id"]}"]')
        await expect(item).to_have_attribute("data-status", "assigned")
        await expect(item).to_contain_text(f"Call {call_code}")
        await expect(item).to_contain_text(re.compile(r"Due .+ \(.+\)"))
        await expect(item).to_contain_text("0 of 2 criteria scored")
        await item.get_by_role("link", name=re.compile(re.escape(title))).click()

        # the score sheet beside the proposal as submitted
        form = page.get_by_role("form", name="Your review")
        await expect(page.get_by_role("region", name="The proposal as submitted")).to_contain_text(
            "Sorting and carding post-consumer knitwear")
        await form.get_by_role("radiogroup", name="Score for Excellence").get_by_role("radio", name="4.5").check()
        await form.get_by_role("radiogroup", name="Score for Impact").get_by_role("radio", name="2.5").check()
        impact_comment = form.get_by_label(re.compile("^Comment on Impact"))
        await expect(form.get_by_text("(required: below the threshold)")).to_be_visible()

        # submitting first lists what is missing next to the criterion
        await form.get_by_role("button", name="Submit review").click()
        problems = page.get_by_test_id("review-problems")
        await expect(problems).to_contain_text("Impact: The score is below the threshold: say why in the comment.")
        await expect(impact_comment).to_have_attribute("aria-invalid", "true")

        await impact_comment.fill("Few firms outside Toscana are reached in the first two years.")
        await form.get_by_label("Overall comment").fill("A credible plan; widen the pilot to the partner regions.")
        await form.get_by_role("button", name="Save").click()
        await expect(page.get_by_test_id("save-status")).to_have_text("All changes saved.")
        # the server's live total: 0.6 × 4.5 + 0.4 × 2.5 = 3.70, and Impact below its threshold
        result = page.get_by_role("region", name="Result")
        await expect(result.get_by_test_id("review-total")).to_contain_text("3.7")
        await expect(result.locator('tr[data-criterion="impact"]')).to_have_attribute("data-passed", "false")

        await form.get_by_role("button", name="Submit review").click()
        dialog = page.get_by_role("dialog", name="Submit your review?")
        await expect(dialog).to_contain_text("Your total is 3.7")
        await dialog.get_by_role("button", name="Submit review").click()
        await expect(page.get_by_text("Your review was submitted. Thank you.")).to_be_visible()
        submitted = page.get_by_test_id("submitted-review")
        await expect(submitted).to_contain_text("Few firms outside Toscana")
        await expect(page.get_by_role("form", name="Your review")).to_have_count(0)

        # back in the workspace it reads as submitted
        await page.get_by_role("link", name="← Evaluation workspace").click()
        await expect(item).to_have_attribute("data-status", "submitted")
        await expect(item).to_contain_text("Submitted")
