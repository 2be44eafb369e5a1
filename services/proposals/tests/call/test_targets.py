import uuid
from datetime import UTC, datetime

from proposals.call.models import Call, Transition
from proposals.lifecycle.engine import find_transition, move
from sqlalchemy import select
from tests.call.conftest import definition, without_pilot

from tests import factories

TARGETS = [
    {"metric": "proposals", "target": 24},
    {"metric": "proposals", "region_code": "ITI1", "target": 3},
    {"metric": "proposals", "year": 2025, "target": 10},
    {"metric": "business_plans", "target": 10},
    {"metric": "funding_identified", "target": 5},
    {"metric": "pilots", "target": 5},
    {"metric": "investment_projects", "year": 2027, "target": 3},
    {"metric": "investment_projects", "region_code": "ITI1", "target": 1},
]


async def portfolio(session, call_id):
    """Eight proposals across the pipeline; the one in `investment` got there through the timeline in 2027."""
    call = await session.get(Call, uuid.UUID(call_id))
    regions = {r: await factories.organisation(session, region=r) for r in ("ITI1", "PT11", "ES52")}
    submitted = factories.now()
    for region, stage, first_submitted_at in [
        ("ITI1", "screening", submitted), ("ITI1", "draft", None), ("PT11", "withdrawn", submitted),
        ("PT11", "business_plan", submitted), ("ITI1", "pilot", submitted), ("ES52", "rejected", submitted),
        ("PT11", "closed", datetime(2025, 3, 1, tzinfo=UTC)),
    ]:
        await factories.proposal(session, call=call, lead=regions[region], stage=stage,
                                 first_submitted_at=first_submitted_at)
    funded = await factories.proposal(session, call=call, lead=regions["ITI1"], stage="business_plan",
                                      first_submitted_at=submitted)
    transitions = list(await session.scalars(select(Transition).where(Transition.call_id == call.id)))
    entry = await move(session, proposal=funded, transition=find_transition(
        transitions, key="identify_funding", from_stage="business_plan"), actor="admin", actor_name=None, comment=None)
    entry.at = datetime(2027, 5, 1, 10, tzinfo=UTC)
    await session.flush()


class TestTargetsWithActuals:
    async def test_each_target_shows_what_has_been_reached(self, client, session, create_call):
        call = await create_call(status="published", targets=TARGETS)
        await portfolio(session, call["id"])
        response = await client.get(f"/calls/{call['id']}/targets")
        assert response.status_code == 200
        items = response.json()["items"]
        assert [(t["metric"], t["region_code"], t["year"], t["target"], t["actual"]) for t in items] == [
            ("proposals", None, None, 24, 6),  # submitted, not withdrawn: not the draft nor the withdrawn one
            ("proposals", None, 2025, 10, 1),
            ("proposals", "ITI1", None, 3, 3),
            ("business_plans", None, None, 10, 4),  # business_plan, investment, pilot, closed; never rejected
            ("funding_identified", None, None, 5, 3),
            ("pilots", None, None, 5, 2),
            ("investment_projects", None, 2027, 3, 1),  # reached investment in 2027, by the timeline
            ("investment_projects", "ITI1", None, 1, 2),
        ]
        assert items[1]["counted_as"] == "proposals submitted at least once and not withdrawn, first submitted in 2025"
        assert items[6]["counted_as"] == "proposals that reached the stage 'investment' or a later one, first in 2027"

    async def test_a_metric_whose_stage_the_pipeline_lacks_has_no_actual(self, client, admin, create_call):
        call = await create_call(status="published", targets=[{"metric": "pilots", "target": 5}])
        await client.put(f"/calls/{call['id']}/pipeline", json=without_pilot(definition(call)),
                         headers=admin | {"If-Match": f'"{call["version"]}"'})
        [item] = (await client.get(f"/calls/{call['id']}/targets")).json()["items"]
        assert (item["actual"], item["counted_as"]) == (
            None, "proposals that reached the stage 'pilot', which this call's pipeline does not have",
        )

    async def test_a_call_without_targets_lists_none(self, client, create_call):
        call = await create_call(status="published", targets=[])
        assert (await client.get(f"/calls/{call['id']}/targets")).json() == {"call_id": call["id"], "items": []}
