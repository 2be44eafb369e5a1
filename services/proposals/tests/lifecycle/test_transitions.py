import pytest
from proposals.proposal.models import Proposal, ProposalVersion, TimelineEntry
from sqlalchemy import func, select
from tests.proposal.scenario import build_world, events_of, notifications_of, timeline_of

from tests import factories

# key, from stage, to stage, someone allowed, someone who reads it but may not take it, comment required
DEFAULT_STEPS = [
    ("submit", "draft", "submitted", "lead_member", "lead_manager", False),
    ("start_screening", "submitted", "screening", "lead_manager", "lead_member", False),
    ("return_to_applicants", "screening", "draft", "lead_manager", "partner_member", True),
    ("admit_to_evaluation", "screening", "evaluation", "admin", "partner_manager", False),
    ("reject_ineligible", "screening", "rejected", "lead_manager", "evaluator", True),
    ("start_business_plan", "portfolio", "business_plan", "lead_manager", "lead_member", False),
    ("identify_funding", "business_plan", "investment", "admin", "lead_manager", False),
    ("start_pilot", "investment", "pilot", "admin", "lead_manager", False),
    ("close", "pilot", "closed", "admin", "lead_member", True),
    ("withdraw_draft", "draft", "withdrawn", "creator", "lead_manager", True),
    ("withdraw_submitted", "submitted", "withdrawn", "partner_member", "lead_manager", True),
    ("withdraw_in_screening", "screening", "withdrawn", "admin", "lead_manager", True),
    ("withdraw_in_evaluation", "evaluation", "withdrawn", "lead_member", "evaluator", True),
]
RELEASED_ONLY = [("select_for_portfolio", "evaluation"), ("reject_after_evaluation", "evaluation")]


async def take(client, world, person, transition, comment=None, **headers):
    body = {"transition": transition} | ({"comment": comment} if comment is not None else {})
    return await client.post(f"/proposals/{world.proposal.id}/transitions", json=body,
                             headers=world.people[person] | headers)


async def stage_of(session, world):
    return await session.scalar(select(Proposal.stage).where(Proposal.id == world.proposal.id)
                                .execution_options(populate_existing=True))


async def meet_guard(session, world, transition):
    if transition == "admit_to_evaluation":
        await factories.screening_decision(session, proposal=world.proposal, eligible=True)
    if transition == "reject_ineligible":
        await factories.screening_decision(session, proposal=world.proposal, eligible=False)


class TestEveryDefaultStep:
    @pytest.mark.parametrize(("transition", "source", "target", "actor", "_", "comment_required"), DEFAULT_STEPS)
    async def test_the_actor_takes_it(
        self, client, session, identity_headers, transition, source, target, actor, _, comment_required
    ):
        world = await build_world(session, identity_headers, stage=source)
        await meet_guard(session, world, transition)
        response = await take(client, world, actor, transition, "Because." if comment_required else None)
        assert response.status_code == 200, response.text
        assert response.json()["stage"]["key"] == target
        assert response.headers["etag"] == f'"{response.json()["version"]}"'
        assert await stage_of(session, world) == target
        entry = [e for e in await timeline_of(session, world.proposal.id) if e.kind == "transition"][-1]
        assert (entry.transition, entry.from_stage, entry.to_stage) == (transition, source, target)
        assert entry.comment == ("Because." if comment_required else None)
        [(_, payload)] = await events_of(session, world.proposal.id, "proposal.stage_changed")
        assert (payload["from_stage"], payload["to_stage"]) == (source, target)
        assert ("organisation", str(world.lead.id), "proposal.stage_changed") in await notifications_of(
            session, world.proposal.id)

    @pytest.mark.parametrize(("transition", "source", "target", "_", "outsider", "comment_required"), DEFAULT_STEPS)
    async def test_anyone_else_who_reads_it_is_refused(
        self, client, session, identity_headers, transition, source, target, _, outsider, comment_required
    ):
        world = await build_world(session, identity_headers, stage=source)
        await meet_guard(session, world, transition)
        response = await take(client, world, outsider, transition, "Because.")
        assert response.status_code == 403
        assert response.json()["type"] == "urn:tex4im:problem:transition-forbidden"
        assert await stage_of(session, world) == source

    @pytest.mark.parametrize(("transition", "source"), [(t[0], t[1]) for t in DEFAULT_STEPS] + RELEASED_ONLY)
    async def test_it_is_refused_from_another_stage(self, client, session, identity_headers, transition, source):
        elsewhere = "submitted" if source == "draft" else "draft"
        world = await build_world(session, identity_headers, stage=elsewhere)
        response = await take(client, world, "admin", transition, "Because.")
        assert response.status_code == 409
        assert response.json()["type"] == "urn:tex4im:problem:transition-not-allowed"
        assert await stage_of(session, world) == elsewhere

    @pytest.mark.parametrize(("transition", "source", "actor"), [(t[0], t[1], t[3]) for t in DEFAULT_STEPS if t[5]])
    async def test_a_step_that_needs_a_comment_is_refused_without_one(
        self, client, session, identity_headers, transition, source, actor
    ):
        world = await build_world(session, identity_headers, stage=source)
        await meet_guard(session, world, transition)
        for comment in (None, "   "):
            response = await take(client, world, actor, transition, comment)
            assert response.status_code == 422
            assert response.json()["type"] == "urn:tex4im:problem:comment-required"
            assert response.json()["errors"] == [
                {"field": "body.comment", "message": "required for this step", "code": "required"}]
        assert await stage_of(session, world) == source

    @pytest.mark.parametrize(("transition", "source"), RELEASED_ONLY)
    async def test_the_panels_steps_are_taken_only_by_releasing_the_decisions(
        self, client, session, identity_headers, transition, source
    ):
        world = await build_world(session, identity_headers, stage=source)
        response = await take(client, world, "admin", transition, "Because.")
        assert response.status_code == 409
        assert "releases the panel's decisions" in response.json()["detail"]
        assert (await take(client, world, "lead_manager", transition)).status_code == 403
        assert await stage_of(session, world) == source

    async def test_an_unknown_step_is_refused(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        response = await take(client, world, "admin", "fast_track")
        assert response.status_code == 409
        assert response.json()["detail"] == "The call's pipeline has no step 'fast_track'."

    async def test_those_who_may_not_read_it_do_not_learn_it_exists(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        for person in ("outsider", "partner_manager", "evaluator"):
            assert (await take(client, world, person, "withdraw_draft", "x")).status_code == 404
        assert (await take(client, world, "anonymous", "withdraw_draft", "x")).status_code == 401


class TestScreeningGuards:
    @pytest.mark.parametrize(("transition", "decision", "code"), [
        ("admit_to_evaluation", None, "not_screened"), ("admit_to_evaluation", False, "screening_outcome"),
        ("reject_ineligible", None, "not_screened"), ("reject_ineligible", True, "screening_outcome"),
    ])
    async def test_the_screening_decision_must_say_so(
        self, client, session, identity_headers, transition, decision, code
    ):
        world = await build_world(session, identity_headers, stage="screening")
        if decision is not None:
            await factories.screening_decision(session, proposal=world.proposal, eligible=decision)
        response = await take(client, world, "lead_manager", transition, "Because.")
        assert response.status_code == 409
        assert [e["code"] for e in response.json()["errors"]] == [code]
        assert await stage_of(session, world) == "screening"


class TestSubmitting:
    async def test_submitting_freezes_a_version_and_tells_the_lead_and_its_region(self, client, session,
                                                                                  identity_headers):
        world = await build_world(session, identity_headers)
        response = await take(client, world, "lead_member", "submit")
        assert response.status_code == 200
        assert response.json()["submitted_version"] == 1
        assert response.json()["first_submitted_at"] is not None
        assert await notifications_of(session, world.proposal.id) == [
            ("organisation", str(world.lead.id), "proposal.stage_changed"),
            ("region_managers", "ITI1", "proposal.submitted"),
        ]
        entry = next(e for e in await timeline_of(session, world.proposal.id) if e.kind == "transition")
        assert entry.details == {"version": 1}

    async def test_a_returned_proposal_is_resubmitted_as_version_two(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        first = (await take(client, world, "lead_member", "submit")).json()
        await take(client, world, "lead_manager", "start_screening")
        await take(client, world, "lead_manager", "return_to_applicants", "Add the letter of support.")
        again = await take(client, world, "partner_member", "submit")
        assert again.status_code == 200
        assert again.json()["submitted_version"] == 2
        assert again.json()["first_submitted_at"] == first["first_submitted_at"]

    async def test_a_retried_submit_with_the_same_key_submits_once(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        key = {"Idempotency-Key": "submit-tst-iti1-001"}
        first = await take(client, world, "lead_member", "submit", **key)
        again = await take(client, world, "lead_member", "submit", **key)
        assert first.status_code == again.status_code == 200
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json() == first.json()
        versions = await session.scalar(select(func.count()).select_from(ProposalVersion)
                                        .where(ProposalVersion.proposal_id == world.proposal.id))
        steps = await session.scalar(select(func.count()).select_from(TimelineEntry).where(
            TimelineEntry.proposal_id == world.proposal.id, TimelineEntry.kind == "transition"))
        assert (versions, steps) == (1, 1)
        # without the key, a second submit is a step from the wrong stage
        assert (await take(client, world, "lead_member", "submit")).status_code == 409
