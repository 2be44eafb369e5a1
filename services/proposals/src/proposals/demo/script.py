"""The demo story, told through the service's own API: every record is made by the rules a real user meets.

The 2019 portfolio call runs from submission to released decisions and on to business plans, funding and pilots;
the 2026 annual round is under way (drafts, a submission, screening, evaluation with a divergence). People act
with identity tokens the loader signs, as the gateway would.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx

from proposals.demo import people
from proposals.demo.content import SUFFIX, Idea
from proposals.demo.ids import REGIONS, RND_CENTRE_NUMBER, organisation_id
from proposals.demo.people import Person, Tokens

CALL_2019 = "TEX4IM-2019"
CALL_ROUND = "TEX4IM-ANNUAL-2026"
# the proposals the Severovýchod and Nord-Est managers find ineligible at screening (region, number in region)
INELIGIBLE = {("RO21", 2): "The lead is a large enterprise; the call supports SME-led projects.",
              ("CZ05", 2): "The budget is for research only, with no investment in the regions' companies."}
EVALUATOR_PROFILES = (  # (region of their organisation or None, expertise, languages)
    (None, ["circular_economy", "advanced_materials"], ["en", "it", "fr"]),
    ("ITI1", ["industry_4_0", "digital_technologies"], ["en", "it"]),
    ("PT11", ["circular_economy", "creativity"], ["en", "pt", "es"]),
    (None, ["digital_technologies", "creativity"], ["en", "sv"]),
    ("SE23", ["advanced_materials", "industry_4_0"], ["en", "sv", "cs"]),
    ("ES52", ["circular_economy", "industry_4_0"], ["en", "es", "ro"]),
)
COMMENTS = {
    "low": "The plan leaves the main risks open; the consortium should show how the pilot reaches the market.",
    "mid": "A sound plan with a credible consortium; the figures for the first two years need more detail.",
    "high": "Convincing: a clear market, partners who complement each other and investments that fit the regions.",
}


class DemoFailed(RuntimeError):
    pass


@dataclass
class Story:
    client: httpx.AsyncClient
    tokens: Tokens
    rng: random.Random = field(default_factory=lambda: random.Random(2019))  # noqa: S311  (demo data)
    admin: Person = field(default_factory=people.admin)

    async def call(self, method: str, url: str, person: Person, *, json: Any = None, etag: str | None = None,
                   idempotent: bool = False, expect: int = 200) -> httpx.Response:
        headers = self.tokens.headers(person)
        if etag:
            headers["If-Match"] = etag
        if idempotent:
            headers["Idempotency-Key"] = str(uuid.uuid4())
        response = await self.client.request(method, url, json=json, headers=headers)
        if response.status_code != expect:
            raise DemoFailed(f"{method} {url} as {person.identity.name}: {response.status_code} {response.text[:500]}")
        return response

    # -- calls ----------------------------------------------------------------------------------------------------

    async def open_call(self, body: dict[str, Any]) -> dict[str, Any]:
        created = await self.call("POST", "/calls", self.admin, json=body, idempotent=True, expect=201)
        published = await self.call("PATCH", f"/calls/{created.json()['id']}", self.admin,
                                    json={"status": "published"}, etag=created.headers["ETag"])
        return published.json()

    # -- proposals ------------------------------------------------------------------------------------------------

    async def draft(self, call: dict[str, Any], *, region: str, number: int, idea: Idea,
                    partners: list[tuple[str, int]], accept: bool = True) -> dict[str, Any]:
        lead = organisation_id(region, number)
        author = people.contact(region, lead)
        body = {
            "call_id": call["id"], "title": idea.title + SUFFIX, "acronym": idea.acronym, "summary": idea.summary,
            "priorities": list(idea.priorities), "value_chain": list(idea.value_chain), "trl": idea.trl,
            "budget_eur": str(idea.budget_keur * 1000), "requested_eur": str(idea.budget_keur * 500),
            "lead_organisation_id": str(lead),
            "answers": {
                "market": "Brands and manufacturers of the partner regions; first customers named in the annex.",
                "investment_plan": f"Equipment and pilot line in {region}, then replication in the partners' regions.",
                "confidential_costs": "Machinery 55%, staff 30%, certification and travel 15% (demo figures).",
            },
        }
        proposal = (await self.call("POST", "/proposals", author, json=body, idempotent=True, expect=201)).json()
        for partner_region, partner_number in partners:
            partner = organisation_id(partner_region, partner_number)
            await self.call("POST", f"/proposals/{proposal['id']}/partners", author, idempotent=True, expect=201,
                            json={"organisation_id": str(partner),
                                  "role_description": "Pilot site and co-investor in its region."})
            if accept:
                await self.call("POST", f"/proposals/{proposal['id']}/partners/{partner}/answer",
                                people.contact(partner_region, partner), json={"accept": True})
        proposal["author"] = author
        return proposal

    async def step(self, proposal: dict[str, Any], key: str, person: Person, comment: str | None = None) -> None:
        await self.call("POST", f"/proposals/{proposal['id']}/transitions", person, idempotent=True,
                        json={"transition": key, "comment": comment})

    async def screen(self, proposal: dict[str, Any], region: str, *, ineligible: str | None = None) -> None:
        manager = people.manager(region)
        await self.step(proposal, "start_screening", manager)
        reason = ineligible or "Complete, partners confirmed in two regions, priorities of the call: eligible."
        await self.call("PUT", f"/proposals/{proposal['id']}/screening", manager, idempotent=True,
                        json={"eligible": ineligible is None, "reason": reason})
        if ineligible:
            await self.step(proposal, "reject_ineligible", manager, ineligible)
        else:
            await self.step(proposal, "admit_to_evaluation", manager)

    # -- evaluation -----------------------------------------------------------------------------------------------

    async def register_evaluators(self) -> list[Person]:
        pool = people.evaluators()
        for person, (region, expertise, languages) in zip(pool, EVALUATOR_PROFILES, strict=True):
            body: dict[str, Any] = {"expertise": expertise, "languages": languages}
            if region:
                body["organisation_id"] = str(organisation_id(region, RND_CENTRE_NUMBER))
            await self.call("PUT", "/evaluators/me", person, json=body, expect=201)
        return pool

    async def assignments_of(self, person: Person) -> list[dict[str, Any]]:
        items, cursor = [], None
        while True:
            url = "/me/assignments?limit=100" + (f"&cursor={cursor}" if cursor else "")
            page = (await self.call("GET", url, person)).json()
            items += page["items"]
            if not (cursor := page.get("next_cursor")):
                return items

    async def review(self, assignment: dict[str, Any], person: Person, quality: float, *, submit: bool = True,
                     spread: float = 0.5) -> None:
        detail = await self.call("GET", f"/assignments/{assignment['id']}", person)
        criteria = detail.json()["criteria"]
        scores = []
        for position, criterion in enumerate(criteria):
            value = quality + (0.25 if position % 2 else -0.25) + self.rng.choice((-spread, 0, spread))
            value = min(5.0, max(0.0, round(value * 2) / 2))
            level = "low" if value < 3 else "mid" if value < 4 else "high"
            scores.append({"criterion": criterion["key"], "value": str(Decimal(str(value))),
                           "comment": COMMENTS[level]})
        saved = await self.call("PUT", f"/assignments/{assignment['id']}/scores", person,
                                json={"scores": scores, "comment": COMMENTS["mid"]}, etag=detail.headers["ETag"])
        if submit:
            await self.call("POST", f"/assignments/{assignment['id']}/submit", person, idempotent=True)
        del saved

    async def agree(self, proposal_id: str) -> None:
        summary = ("The panel agrees with the reviewers' scores. Strengths: an interregional consortium and a "
                   "concrete investment plan. To improve: the financial projections beyond the pilot.")
        saved = await self.call("PUT", f"/proposals/{proposal_id}/consensus", self.admin,
                                json={"scores": [], "summary": summary})
        await self.call("POST", f"/proposals/{proposal_id}/consensus/finalise", self.admin,
                        etag=saved.headers.get("ETag"))


def partners_for(region: str, number: int, *, how_many: int) -> list[tuple[str, int]]:
    """Companies of the next regions in the list (numbers 4–9): every proposal is interregional."""
    index = REGIONS.index(region)
    return [(REGIONS[(index + k + number) % len(REGIONS)], 3 + number + k) for k in range(1, how_many + 1)]


def call_2019_body(now: datetime) -> dict[str, Any]:
    """The 2019 portfolio call; its dates are moved back to 2019 once the story has been told."""
    return {
        "code": CALL_2019, "kind": "dated",
        "title": "TEX4IM 2019 portfolio call: interregional investment projects (demo)",
        "description": "The partnership's first call: three proposals per region, the best ten to business plans, "
                       "funding identified for the best, support services for the pilots.",
        "min_partner_regions": 2, "max_proposals_per_region": 3, "min_evaluators": 3,
        "exclude_own_region_evaluators": True, "selected_count": 10, "reserve_count": 4,
        "max_selected_per_region": 2, "feedback_policy": "scores_and_comments",
        "phases": _phases(now - timedelta(days=1), now + timedelta(days=1)),
        "fields": FORM_FIELDS,
        "targets": [{"metric": "proposals", "region_code": r, "target": 3} for r in REGIONS] + [
            {"metric": "proposals", "target": 24}, {"metric": "business_plans", "target": 10},
            {"metric": "funding_identified", "target": 5}, {"metric": "pilots", "target": 5},
        ],
    }


def call_round_body(now: datetime) -> dict[str, Any]:
    closes = now + timedelta(days=45)
    return {
        "code": CALL_ROUND, "kind": "permanent", "year": now.year,
        "title": f"TEX4IM annual round {now.year}: investment projects (demo)",
        "description": "The permanent round that keeps the rhythm of three investment projects a year.",
        "min_partner_regions": 2, "max_proposals_per_region": 3, "min_evaluators": 3,
        "exclude_own_region_evaluators": True, "selected_count": 3, "reserve_count": 2,
        "max_selected_per_region": 1, "phases": _phases(datetime(now.year, 1, 15, 9, tzinfo=UTC), closes),
        "fields": FORM_FIELDS,
        "targets": [{"metric": "investment_projects", "year": now.year, "target": 3}],
    }


def _phases(opens: datetime, closes: datetime) -> list[dict[str, str]]:
    return [
        {"kind": "submission", "opens_at": opens.isoformat(), "closes_at": closes.isoformat()},
        {"kind": "evaluation", "opens_at": closes.isoformat(), "closes_at": (closes + timedelta(days=30)).isoformat()},
        {"kind": "decision", "opens_at": (closes + timedelta(days=30)).isoformat(),
         "closes_at": (closes + timedelta(days=45)).isoformat()},
    ]


FORM_FIELDS = [
    {"key": "market", "label": "Target market and first customers", "type": "long_text", "required": True},
    {"key": "investment_plan", "label": "Investment plan in the regions", "type": "long_text", "required": True},
    {"key": "confidential_costs", "label": "Cost breakdown", "type": "long_text", "private_to_evaluators": True,
     "help_text": "Read by the evaluators, the lead region's managers and the admin only."},
]
