"""Divergence: once every active review is in, scores too far apart on a criterion bring in one extra evaluator."""

from types import SimpleNamespace

import pytest
from proposals.db import outbox
from proposals.evaluation.models import Assignment, Evaluator
from proposals.notification.models import Notification
from sqlalchemy import select
from tex4im_common.identity import Role

from tests import factories


@pytest.fixture
async def world(session):
    """Three evaluators on a proposal (divergence threshold 2), and a fourth free in the pool."""
    call = await factories.call(session)
    lead = await factories.organisation(session, region="ITI1")
    proposal = await factories.proposal(session, call=call, lead=lead, stage="evaluation", reference="P-DIV-1")
    reviewers = [await factories.evaluator(session, subject=f"evaluator-{name.lower()}", name=name, region=region)
                 for name, region in (("Ana", "PT11"), ("Bo", "SE23"), ("Cyril", "CZ05"))]
    spare = await factories.evaluator(session, subject="evaluator-dora", name="Dora", region="FRE1")
    assignments = [await factories.assignment(session, proposal=proposal, evaluator=e) for e in reviewers]
    return SimpleNamespace(call=call, proposal=proposal, reviewers=reviewers, spare=spare, assignments=assignments)


async def review(session, client, identity_headers, world, i, *, impact, submit=True):
    """Reviewer i scores excellence 4 and `impact`, then submits through the API."""
    await factories.review_scores(session, assignment=world.assignments[i], comments={"impact": "Too little evidence."},
                                  scores={"excellence": "4", "impact": impact})
    if submit:
        headers = identity_headers(Role.evaluator, subject=world.reviewers[i].subject)
        response = await client.post(f"/assignments/{world.assignments[i].id}/submit", headers=headers)
        assert response.status_code == 200, response.json()


async def extra_assignments(session, world):
    rows = await session.execute(
        select(Assignment.reason, Evaluator.name).join(Evaluator, Evaluator.id == Assignment.evaluator_id)
        .where(Assignment.proposal_id == world.proposal.id, Assignment.reason == "divergence")
    )
    return [tuple(row) for row in rows]


async def divergence_events(session, world):
    table = outbox.table
    rows = await session.execute(select(table.c.payload).where(
        table.c.aggregate_id == str(world.proposal.id), table.c.type == "evaluation.divergence_detected"))
    return [payload for (payload,) in rows]


class TestDivergence:
    async def test_the_last_review_in_adds_exactly_one_extra_evaluator(self, client, session, identity_headers, world):
        for i, impact in enumerate(["1", "3.5", "4"]):  # impact: 1 to 4, a spread of 3 > 2
            await review(session, client, identity_headers, world, i, impact=impact)
        assert await extra_assignments(session, world) == [("divergence", "Dora")]
        [event] = await divergence_events(session, world)
        assert event["criteria"] == [{"criterion": "impact", "min": "1.0", "max": "4.0", "spread": "3.0"}]
        assert event["threshold"] == "2.00"
        assert event["extra_evaluator_id"] == str(world.spare.id)
        [note] = (await session.scalars(select(Notification).where(
            Notification.proposal_id == world.proposal.id, Notification.audience == "admins"))).all()
        assert note.title == "Scores diverge on P-DIV-1"
        assert note.body == ("Reviews differ by more than 2.00 (Impact: 1.0 to 4.0). "
                             "Dora was assigned as an extra evaluator.")
        assert note.link == f"/proposals/{world.proposal.id}/evaluation"

    async def test_the_extra_review_does_not_bring_another(self, client, session, identity_headers, world):
        for i, impact in enumerate(["1", "3.5", "4"]):
            await review(session, client, identity_headers, world, i, impact=impact)
        extra = await session.scalar(select(Assignment).where(Assignment.proposal_id == world.proposal.id,
                                                              Assignment.reason == "divergence"))
        await factories.review_scores(session, assignment=extra, scores={"excellence": "4", "impact": "0.5"},
                                      comments={"impact": "No plan at all."})
        response = await client.post(f"/assignments/{extra.id}/submit",
                                     headers=identity_headers(Role.evaluator, subject="evaluator-dora"))
        assert response.status_code == 200
        assert await extra_assignments(session, world) == [("divergence", "Dora")]
        assert len(await divergence_events(session, world)) == 1

    async def test_nothing_happens_while_a_review_is_still_out(self, client, session, identity_headers, world):
        await review(session, client, identity_headers, world, 0, impact="1")
        await review(session, client, identity_headers, world, 1, impact="4.5")
        await review(session, client, identity_headers, world, 2, impact="3", submit=False)
        assert await extra_assignments(session, world) == []
        assert await divergence_events(session, world) == []

    async def test_a_spread_equal_to_the_threshold_is_not_divergence(self, client, session, identity_headers, world):
        for i, impact in enumerate(["2", "3", "4"]):
            await review(session, client, identity_headers, world, i, impact=impact)
        assert await extra_assignments(session, world) == []

    async def test_withdrawn_reviews_do_not_count(self, client, session, identity_headers, world):
        world.assignments[2].status = "withdrawn"
        await session.flush()
        await review(session, client, identity_headers, world, 0, impact="4")
        await review(session, client, identity_headers, world, 1, impact="1")
        assert [name for _, name in await extra_assignments(session, world)] == ["Dora"]

    async def test_when_nobody_is_free_the_admins_are_asked_to_assign_by_hand(
        self, client, session, identity_headers, world
    ):
        world.spare.active = False
        await session.flush()
        for i, impact in enumerate(["1", "3.5", "4"]):
            await review(session, client, identity_headers, world, i, impact=impact)
        assert await extra_assignments(session, world) == []
        [event] = await divergence_events(session, world)
        assert event["extra_assignment_id"] is None
        note = await session.scalar(select(Notification).where(Notification.proposal_id == world.proposal.id,
                                                               Notification.audience == "admins"))
        assert note.body.endswith("No evaluator without a conflict is free: assign one by hand.")


class TestDivergenceAfterAWithdrawal:
    async def test_withdrawing_the_last_open_review_lets_the_divergence_check_run(
        self, client, session, identity_headers, world,
    ):
        for i, impact in enumerate(["1", "4"]):
            await review(session, client, identity_headers, world, i, impact=impact)
        assert await extra_assignments(session, world) == []  # the third review is still out
        response = await client.delete(f"/assignments/{world.assignments[2].id}",
                                       headers=identity_headers(Role.consortium_admin))
        assert response.status_code == 204, response.text
        assert await extra_assignments(session, world) == [("divergence", "Dora")]
