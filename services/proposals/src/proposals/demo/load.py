"""Loading the proposals demo: run the story through the service's API in-process, then date the 2019 call."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from tex4im_common.identity import IdentityTokenSigner

from proposals.call.models import Call
from proposals.demo import people
from proposals.demo.backdate import backdate_2019
from proposals.demo.content import IDEAS_2019, IDEAS_ROUND
from proposals.demo.ids import REGIONS, organisation_id
from proposals.demo.script import (
    CALL_2019,
    CALL_ROUND,
    INELIGIBLE,
    DemoFailed,
    Story,
    call_2019_body,
    call_round_body,
    partners_for,
)
from proposals.main import create_app
from proposals.organisation.models import OrganisationRef
from proposals.settings import ProposalsSettings

# how far each selected 2019 proposal went after the decision, best ranked first
AFTER_DECISION = ("close", "close", "start_pilot", "start_pilot", "start_pilot", "identify_funding",
                  "start_business_plan", "start_business_plan", "start_business_plan", "start_business_plan")
FOLLOW_UP = {"start_business_plan": ("start_business_plan",),
             "identify_funding": ("start_business_plan", "identify_funding"),
             "start_pilot": ("start_business_plan", "identify_funding", "start_pilot"),
             "close": ("start_business_plan", "identify_funding", "start_pilot", "close")}


@dataclass(frozen=True)
class ProposalsDemo:
    proposals: int
    calls: int

    def summary(self) -> str:
        return f"{self.proposals} proposals in {self.calls} calls" if self.calls else "already loaded"


async def demo_state(session: AsyncSession) -> tuple[bool, bool]:
    """(loaded, registry copy ready): both demo calls exist; the demo organisations are in the copy."""
    codes = set((await session.scalars(select(Call.code).where(Call.code.in_([CALL_2019, CALL_ROUND])))).all())
    if codes and codes != {CALL_2019, CALL_ROUND}:
        raise DemoFailed("The proposals demo was only partly loaded; remove the data folder and start again.")
    needed = [organisation_id(region, n) for region in REGIONS for n in range(1, 13)]
    known = await session.scalar(select(OrganisationRef.id).where(OrganisationRef.id.in_(needed)).limit(1))
    count = len((await session.scalars(select(OrganisationRef.id).where(OrganisationRef.id.in_(needed)))).all())
    del known
    return bool(codes), count == len(needed)


async def load_proposals_demo(*, database_url: str, private_key_pem: str, public_key_pem: str,
                              now: datetime | None = None) -> ProposalsDemo:
    """Tell the demo story once; needs the registry copy filled with the intelligence demo's organisations."""
    now = now or datetime.now(UTC)
    engine = create_async_engine(database_url)
    try:
        async with AsyncSession(engine) as session:
            loaded, ready = await demo_state(session)
        if loaded:
            return ProposalsDemo(0, 0)
        if not ready:
            raise DemoFailed("The demo organisations are not in the proposals registry copy yet.")
        settings = ProposalsSettings(database_url=database_url, identity_public_key=public_key_pem, log_json=False,
                                     log_level="WARNING")
        app = create_app(settings)
        story_tokens = people.Tokens(IdentityTokenSigner(private_key_pem))
        async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://proposals", timeout=60
        ) as client:
            story = Story(client, story_tokens)
            evaluators = await story.register_evaluators()
            count = await tell_2019(story, evaluators, now)
            count += await tell_round(story, evaluators, now)
        async with AsyncSession(engine) as session, session.begin():
            await backdate_2019(session, code=CALL_2019)
    finally:
        await engine.dispose()
    return ProposalsDemo(count, 2)


async def tell_2019(story: Story, evaluators: list[people.Person], now: datetime) -> int:
    call = await story.open_call(call_2019_body(now))
    rng = random.Random(24)  # noqa: S311  (demo data, not security)
    quality: dict[str, float] = {}
    for region in REGIONS:
        for number, idea in enumerate(IDEAS_2019[region], start=1):
            proposal = await story.draft(call, region=region, number=number, idea=idea,
                                         partners=partners_for(region, number, how_many=1 + number % 2))
            await story.step(proposal, "submit", proposal["author"])
            await story.screen(proposal, region, ineligible=INELIGIBLE.get((region, number)))
            quality[proposal["id"]] = round(rng.uniform(2.2, 4.7), 2)
    await story.call("POST", f"/calls/{call['id']}/assignments/auto", story.admin, idempotent=True)
    for person in evaluators:
        for assignment in await story.assignments_of(person):
            await story.review(assignment, person, quality[str(assignment["proposal"]["id"])])
    for proposal_id in quality:
        if await _in_stage(story, proposal_id, "evaluation"):
            await story.agree(proposal_id)
    await story.call("POST", f"/calls/{call['id']}/decisions/stage", story.admin)
    released = (await story.call("POST", f"/calls/{call['id']}/decisions/release", story.admin,
                                 idempotent=True)).json()
    selected = sorted((d for d in released["items"] if d["outcome"] == "selected"), key=lambda d: d["rank"])
    for decision, furthest in zip(selected, AFTER_DECISION, strict=False):
        proposal = {"id": str(decision["proposal"]["id"])}
        for key in FOLLOW_UP[furthest]:
            comment = "Pilot completed; results reported to the partnership." if key == "close" else None
            await story.step(proposal, key, story.admin, comment)
    return sum(len(ideas) for ideas in IDEAS_2019.values())


async def _in_stage(story: Story, proposal_id: str, stage: str) -> bool:
    detail = (await story.call("GET", f"/proposals/{proposal_id}", story.admin)).json()
    return detail["stage"]["key"] == stage


async def tell_round(story: Story, evaluators: list[people.Person], now: datetime) -> int:
    """The open annual round: each region's demo member leads one proposal, at a different point of the way."""
    call = await story.open_call(call_round_body(now))
    plan = {"ITI1": "draft", "PT11": "draft", "CZ05": "draft", "ES52": "submitted", "RO21": "screening",
            "ITC1": "reviewed", "SE23": "in_review", "FRE1": "divergent"}
    quality = {"ITC1": 4.1, "SE23": 3.6, "FRE1": 3.4}
    made: dict[str, dict] = {}
    for region, where in plan.items():
        # the Toscana draft waits for the Valencia member's answer to its invitation
        partners = [("ES52", 1)] if region == "ITI1" else partners_for(region, 1, how_many=1)
        proposal = await story.draft(call, region=region, number=1, idea=IDEAS_ROUND[region], partners=partners,
                                     accept=region != "ITI1")
        made[region] = proposal
        if where == "draft":
            continue
        await story.step(proposal, "submit", proposal["author"])
        if where == "screening":
            await story.step(proposal, "start_screening", people.manager(region))
        elif where != "submitted":
            await story.screen(proposal, region)
    await story.call("POST", f"/calls/{call['id']}/assignments/auto", story.admin, idempotent=True)
    demo_evaluator = evaluators[0]
    for region in ("ITC1", "SE23", "FRE1"):
        proposal_id = made[region]["id"]
        reviews = [(person, a) for person in evaluators for a in await story.assignments_of(person)
                   if str(a["proposal"]["id"]) == proposal_id and a["status"] == "assigned"]
        # leave one review open in SE23, the demo evaluator's if they have one, so their workspace has work
        open_one = next((r for r in reviews if r[0] is demo_evaluator), reviews[-1]) if region == "SE23" else None
        for index, (person, assignment) in enumerate(reviews):
            q = quality[region]
            if region == "FRE1":  # far apart on purpose: the service asks for one more evaluator
                q = 1.5 if index == 0 else 4.5
            await story.review(assignment, person, q, submit=(person, assignment) != open_one,
                               spread=0 if region == "FRE1" else 0.5)
    return len(plan)
