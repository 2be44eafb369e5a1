import uuid

import pytest
from proposals.call.models import Call, Transition
from proposals.errors import TransitionNotAllowed
from proposals.lifecycle.engine import find_transition, move
from proposals.proposal.models import TimelineEntry
from sqlalchemy import select
from tests.call.conftest import definition, transition, with_pre_screening, without_pilot

from tests import factories


@pytest.fixture
def put(client, admin):
    async def send(call, body, *, etag=None, headers=None):
        return await client.put(f"/calls/{call['id']}/pipeline", json=body,
                                headers=(headers or admin) | {"If-Match": etag or f'"{call["version"]}"'})

    return send


async def transitions_of(session, call_id) -> list[Transition]:
    statement = select(Transition).where(Transition.call_id == uuid.UUID(call_id)).execution_options(
        populate_existing=True)
    return list((await session.scalars(statement)).all())


class TestReadingThePipeline:
    async def test_anyone_reads_a_published_calls_pipeline_with_the_calls_etag(self, client, create_call):
        call = await create_call(status="published")
        response = await client.get(f"/calls/{call['id']}/pipeline")
        assert response.status_code == 200
        assert response.headers["etag"] == '"2"'
        assert response.json() == call["pipeline"]
        assert len(response.json()["transitions"]) == 15


class TestReplacingThePipeline:
    async def test_the_admin_adds_a_stage_and_it_is_recorded(self, create_call, put, events_of):
        call = await create_call(status="published")
        response = await put(call, with_pre_screening(definition(call)))
        assert response.status_code == 200, response.text
        assert response.headers["etag"] == '"3"'
        pipeline = response.json()
        assert [s["key"] for s in pipeline["stages"]][:4] == ["draft", "submitted", "pre_screening", "screening"]
        assert transition(pipeline, "start_screening")["from_stage"] == "pre_screening"
        assert [t["key"] for t in pipeline["transitions"]][:3] == ["submit", "start_pre_screening", "start_screening"]
        kind, payload = (await events_of(call["id"]))[-1]
        assert kind == "call.pipeline_changed"
        assert (payload["added_stages"], payload["removed_stages"], payload["version"]) == (["pre_screening"], [], 3)
        assert payload["transitions"][:3] == ["submit", "start_pre_screening", "start_screening"]

    async def test_an_adapted_pipeline_governs_the_proposals(self, client, session, create_call, put, admin):
        call = await create_call(status="published")
        lead = await factories.organisation(session, region="ITI1")
        proposal = await factories.proposal(session, call=await session.get(Call, uuid.UUID(call["id"])), lead=lead,
                                            stage="submitted")
        assert (await put(call, with_pre_screening(definition(call)))).status_code == 200
        transitions = await transitions_of(session, call["id"])
        with pytest.raises(TransitionNotAllowed):
            find_transition(transitions, key="start_screening", from_stage="submitted")
        step = find_transition(transitions, key="start_pre_screening", from_stage="submitted")
        await move(session, proposal=proposal, transition=step, actor="manager-toscana", actor_name=None, comment=None)
        step = find_transition(transitions, key="start_screening", from_stage=proposal.stage)
        await move(session, proposal=proposal, transition=step, actor="manager-toscana", actor_name=None, comment=None)
        assert proposal.stage == "screening"
        moves = await session.execute(select(TimelineEntry.from_stage, TimelineEntry.to_stage)
                                      .where(TimelineEntry.proposal_id == proposal.id).order_by(TimelineEntry.at))
        assert sorted(moves.all()) == [("pre_screening", "screening"), ("submitted", "pre_screening")]

    async def test_the_initial_stage_can_move_to_another_stage(self, create_call, put):
        call = await create_call()
        body = definition(call)
        body["stages"][0]["kind"] = "active"
        body["stages"].insert(0, {"key": "idea", "label": "Idea", "kind": "initial", "editable": True})
        transition(body, "submit")["guard"] = None
        transition(body, "withdraw_draft")["from_stage"] = "idea"
        body["transitions"].insert(0, {"key": "write_up", "label": "Write it up", "from_stage": "idea",
                                       "to_stage": "draft", "actors": ["applicant"], "guard": "submission_ready",
                                       "comment_required": False})
        response = await put(call, body)
        assert response.status_code == 200, response.text
        assert [(s["key"], s["kind"]) for s in response.json()["stages"]][:2] == [("idea", "initial"),
                                                                                  ("draft", "active")]

    async def test_a_stage_holding_proposals_cannot_be_removed(self, client, session, create_call, put, admin):
        call = await create_call(status="published")
        lead = await factories.organisation(session, region="ITI1")
        for _ in range(2):
            await factories.proposal(session, call=await session.get(Call, uuid.UUID(call["id"])), lead=lead,
                                     stage="pilot")
        response = await put(call, without_pilot(definition(call)))
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:stage-occupied"
        assert problem["detail"] == ("The stage 'pilot' still holds 2 proposals: move them on before removing the "
                                     "stage.")
        assert problem["stages"] == {"pilot": 2}
        assert (await client.get(f"/calls/{call['id']}/pipeline")).json() == call["pipeline"]

    async def test_an_empty_stage_can_be_removed(self, create_call, put, events_of):
        call = await create_call()
        response = await put(call, without_pilot(definition(call)))
        assert response.status_code == 200, response.text
        assert "pilot" not in [s["key"] for s in response.json()["stages"]]
        assert transition(response.json(), "close")["from_stage"] == "investment"
        assert (await events_of(call["id"]))[-1][1]["removed_stages"] == ["pilot"]

    async def test_an_invalid_pipeline_is_422_with_each_fault_and_nothing_changes(self, client, admin, create_call,
                                                                                   put):
        call = await create_call()
        body = definition(call)
        body["transitions"][3]["to_stage"] = "evaluaton"
        response = await put(call, body)
        assert response.status_code == 422
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:invalid-pipeline"
        assert problem["errors"] == [{"field": "body.transitions.3.to_stage",
                                      "message": "there is no stage 'evaluaton' in the pipeline",
                                      "code": "unknown_stage"}]
        assert (await client.get(f"/calls/{call['id']}/pipeline", headers=admin)).json() == call["pipeline"]

    async def test_sending_the_same_pipeline_changes_nothing(self, create_call, put, events_of):
        call = await create_call()
        response = await put(call, definition(call))
        assert response.headers["etag"] == '"1"'
        assert [kind for kind, _ in await events_of(call["id"])] == ["call.created"]

    async def test_if_match_is_required_and_must_be_current(self, client, admin, create_call, put):
        call = await create_call()
        response = await client.put(f"/calls/{call['id']}/pipeline", json=definition(call), headers=admin)
        assert response.status_code == 428
        assert (await put(call, with_pre_screening(definition(call)), etag='"7"')).status_code == 412

    async def test_only_the_admin_replaces_a_pipeline(self, create_call, put, manager, member):
        draft = await create_call()
        published = await create_call(status="published", code="TEX4IM-2027-2")
        assert (await put(draft, definition(draft), headers=manager)).status_code == 404
        response = await put(published, definition(published), headers=member)
        assert response.status_code == 403
        assert response.json()["detail"] == "Only the consortium admin may change a call's pipeline."
