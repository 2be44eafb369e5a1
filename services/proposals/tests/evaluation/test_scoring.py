"""Reviews: the evaluator's workspace, reading an assignment, live scoring, and submission."""

from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from proposals.call.models import CallPhase, Criterion
from proposals.db import outbox
from sqlalchemy import select
from tex4im_common.identity import Role

from tests import factories

ANA = "evaluator-ana"


@pytest.fixture
async def world(session):
    """A proposal under evaluation in a call weighing excellence 0.6 (threshold 3) and impact 0.4 (threshold 2.5)."""
    call = await factories.call(session)
    lead = await factories.organisation(session, region="ITI1")
    partner = await factories.organisation(session, region="ES52")
    proposal = await factories.proposal(
        session, call=call, lead=lead, partners=[partner], stage="evaluation", reference="P-SCORE-1",
        answers={"market": "EU outdoor apparel", "confidential_costs": "Spinning line: EUR 120,000"},
    )
    await factories.frozen_version(session, proposal=proposal)
    ana = await factories.evaluator(session, subject=ANA, name="Ana Costa", region="PT11")
    assignment = await factories.assignment(session, proposal=proposal, evaluator=ana)
    return SimpleNamespace(call=call, proposal=proposal, evaluator=ana, assignment=assignment, lead=lead)


@pytest.fixture
def ana(identity_headers):
    return identity_headers(Role.evaluator, subject=ANA)


def url(world, suffix=""):
    return f"/assignments/{world.assignment.id}{suffix}"


def scores(**values):
    return {"scores": [{"criterion": k, "value": v[0], "comment": v[1]} if isinstance(v, tuple)
                       else {"criterion": k, "value": v} for k, v in values.items()], "comment": "Solid consortium."}


async def put_scores(client, assignment_url, *, json, headers):
    """PUT the scores as the workspace does: with the review's current ETag in If-Match."""
    etag = (await client.get(assignment_url, headers=headers)).headers["etag"]
    return await client.put(f"{assignment_url}/scores", json=json, headers=headers | {"If-Match": etag})


async def events(session, proposal_id, type_):
    table = outbox.table
    rows = await session.execute(select(table.c.payload).where(
        table.c.aggregate_id == str(proposal_id), table.c.type == type_).order_by(table.c.position))
    return [payload for (payload,) in rows]


class TestWorkspace:
    async def test_evaluator_sees_assigned_proposals_with_call_due_date_and_progress(
        self, client, session, world, ana
    ):
        await put_scores(client, url(world), json=scores(excellence="4"), headers=ana)
        response = await client.get("/me/assignments", headers=ana)
        assert response.status_code == 200
        [item] = response.json()["items"]
        closes_at = await session.scalar(select(CallPhase.closes_at).where(
            CallPhase.call_id == world.call.id, CallPhase.kind == "evaluation"))
        assert datetime.fromisoformat(item.pop("due_at")) == closes_at
        assert item == {
            "id": str(world.assignment.id), "status": "assigned", "reason": "automatic",
            "proposal": {"id": str(world.proposal.id), "reference": "P-SCORE-1", "title": "Recycled fibre pilot line",
                         "acronym": None, "region_code": "ITI1"},
            "call": {"id": str(world.call.id), "code": world.call.code, "title": "Test call"},
            "progress": {"scored": 1, "criteria": 2}, "submitted_at": None, "version": 2,
        }

    async def test_withdrawn_assignments_are_left_out(self, client, session, world, ana):
        other = await factories.proposal(session, call=world.call, lead=world.lead, stage="evaluation")
        await factories.assignment(session, proposal=other, evaluator=world.evaluator, status="withdrawn",
                                   withdrawn_reason="Conflict declared")
        items = (await client.get("/me/assignments", headers=ana)).json()["items"]
        assert [i["id"] for i in items] == [str(world.assignment.id)]

    async def test_status_filter(self, client, world, ana):
        assert (await client.get("/me/assignments?status=submitted", headers=ana)).json()["items"] == []
        assert len((await client.get("/me/assignments?status=assigned", headers=ana)).json()["items"]) == 1

    async def test_an_evaluator_outside_the_pool_has_an_empty_workspace(self, client, world, identity_headers):
        response = await client.get("/me/assignments", headers=identity_headers(Role.evaluator, subject="new-one"))
        assert response.status_code == 200
        assert response.json() == {"items": [], "next_cursor": None}

    async def test_members_have_no_workspace(self, client, world, identity_headers):
        response = await client.get("/me/assignments", headers=identity_headers(Role.member, subject="someone"))
        assert response.status_code == 403
        assert response.json()["detail"] == "Only evaluators may have a review workspace."
        assert (await client.get("/me/assignments")).status_code == 401


class TestReadingAnAssignment:
    async def test_evaluator_reads_the_frozen_version_with_private_answers_and_the_rubric(self, client, world, ana):
        response = await client.get(url(world), headers=ana)
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        body = response.json()
        assert body["version"]["number"] == 1
        assert body["version"]["content"]["answers"] == {
            "market": "EU outdoor apparel", "confidential_costs": "Spinning line: EUR 120,000"}
        assert body["stage"] == "evaluation"
        assert [(c["key"], c["weight"], c["share"], c["threshold"]) for c in body["criteria"]] == [
            ("excellence", "0.60", "0.6000", "3.00"), ("impact", "0.40", "0.4000", "2.50")]
        assert body["review"]["total"] == "0.00"
        assert body["review"]["missing"] == ["excellence", "impact"]
        assert body["review"]["passed"] is None

    async def test_another_evaluator_cannot_read_it(self, client, session, world, identity_headers):
        await factories.evaluator(session, subject="evaluator-bo", name="Bo Lind", region="SE23")
        response = await client.get(url(world), headers=identity_headers(Role.evaluator, subject="evaluator-bo"))
        assert response.status_code == 404
        assert response.json()["detail"] == f"There is no assignment {world.assignment.id} of yours."

    async def test_nobody_else_reads_it_either(self, client, world, identity_headers):
        admin = identity_headers(Role.consortium_admin, subject="admin")
        assert (await client.get(url(world), headers=admin)).status_code == 404
        assert (await client.get(url(world))).status_code == 401

    async def test_a_withdrawn_assignment_is_gone_for_the_evaluator(self, client, session, world, ana):
        world.assignment.status = "withdrawn"
        await session.flush()
        assert (await client.get(url(world), headers=ana)).status_code == 404


class TestLiveScores:
    async def test_scores_answer_pass_fail_per_criterion_and_the_weighted_total(self, client, world, ana):
        response = await put_scores(client, url(world), json=scores(excellence="4", impact=("2", "Vague plan")),
                                    headers=ana)
        assert response.status_code == 200
        body = response.json()
        assert [(s["criterion"], s["value"], s["passed"]) for s in body["scores"]] == [
            ("excellence", "4.0", True), ("impact", "2.0", False)]
        assert body["total"] == "3.20"  # 0.6 × 4 + 0.4 × 2
        assert body["passed"] is False  # impact is under its threshold
        assert body["missing"] == [] and body["comments_missing"] == []
        assert body["comment"] == "Solid consortium."

    async def test_weights_are_normalised_to_sum_one(self, client, session, world, ana):
        call = await factories.call(session, criteria=[
            Criterion(key="quality", title="Quality", weight=Decimal("3"), threshold=Decimal("2"), position=0),
            Criterion(key="fit", title="Fit", weight=Decimal("1"), threshold=Decimal("2"), position=1),
        ])
        proposal = await factories.proposal(session, call=call, lead=world.lead, stage="evaluation")
        assignment = await factories.assignment(session, proposal=proposal, evaluator=world.evaluator)
        response = await put_scores(client, f"/assignments/{assignment.id}",
                                    json=scores(quality="4.5", fit="3"), headers=ana)
        assert response.json()["total"] == "4.13"  # (3 × 4.5 + 1 × 3) / 4 = 4.125
        assert response.json()["passed"] is True
        detail = (await client.get(f"/assignments/{assignment.id}", headers=ana)).json()
        assert [c["share"] for c in detail["criteria"]] == ["0.7500", "0.2500"]

    async def test_a_partial_review_counts_unscored_criteria_as_zero_and_does_not_pass_yet(self, client, world, ana):
        body = (await put_scores(client, url(world), json=scores(excellence="3.5"), headers=ana)).json()
        assert body["total"] == "2.10"
        assert body["passed"] is None
        assert body["missing"] == ["impact"]

    async def test_criteria_left_out_are_cleared(self, client, world, ana):
        await put_scores(client, url(world), json=scores(excellence="4", impact="3"), headers=ana)
        body = (await put_scores(client, url(world), json=scores(impact="3.5"), headers=ana)).json()
        assert [(s["criterion"], s["value"]) for s in body["scores"]] == [("excellence", None), ("impact", "3.5")]

    @pytest.mark.parametrize("value", ["3.25", "5.5", "-0.5", 2.2])
    async def test_only_half_steps_from_0_to_5(self, client, world, ana, value):
        response = await put_scores(client, url(world), json=scores(excellence=value), headers=ana)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.scores.0.value"]

    async def test_unknown_and_repeated_criteria_are_named(self, client, world, ana):
        body = {"scores": [{"criterion": "novelty", "value": "3"}, {"criterion": "impact", "value": "3"},
                           {"criterion": "impact", "value": "4"}]}
        response = await put_scores(client, url(world), json=body, headers=ana)
        assert response.status_code == 422
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [
            ("body.scores.0.criterion", "unknown_criterion"), ("body.scores.2.criterion", "duplicate")]

    async def test_scores_without_if_match_are_refused_and_nothing_changes(self, client, world, ana):
        response = await client.put(url(world, "/scores"), json=scores(excellence="4"), headers=ana)
        assert (response.status_code, response.json()["title"]) == (428, "If-Match required")
        assert response.json()["current_etag"] == '"1"'
        review = (await client.get(url(world), headers=ana)).json()["review"]
        assert (review["version"], review["scores"][0]["value"]) == (1, None)

    async def test_stale_if_match_is_refused(self, client, world, ana):
        first = await client.put(url(world, "/scores"), json=scores(excellence="4"), headers=ana | {"If-Match": '"1"'})
        assert first.status_code == 200
        assert first.headers["etag"] == '"2"'
        stale = await client.put(url(world, "/scores"), json=scores(excellence="1"), headers=ana | {"If-Match": '"1"'})
        assert stale.status_code == 412
        assert stale.json()["current_etag"] == '"2"'
        detail = (await client.get(url(world), headers=ana)).json()
        assert detail["review"]["scores"][0]["value"] == "4.0"

    async def test_scores_change_only_while_the_proposal_is_under_evaluation(self, client, session, world, ana):
        world.proposal.stage = "portfolio"
        await session.flush()
        response = await put_scores(client, url(world), json=scores(excellence="4"), headers=ana)
        assert response.status_code == 409
        assert response.json()["detail"] == "Proposal P-SCORE-1 is in 'portfolio', not under evaluation."


class TestSubmit:
    async def test_every_criterion_must_be_scored(self, client, world, ana):
        await put_scores(client, url(world), json=scores(excellence="4"), headers=ana)
        response = await client.post(url(world, "/submit"), headers=ana)
        assert response.status_code == 422
        assert response.json()["errors"] == [{"field": "scores.impact", "message": "not scored",
                                              "code": "missing_score"}]

    async def test_a_score_below_its_threshold_needs_a_comment(self, client, world, ana):
        await put_scores(client, url(world), json=scores(excellence="2.5", impact="2"), headers=ana)
        response = await client.post(url(world, "/submit"), headers=ana)
        assert response.status_code == 422
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [
            ("scores.excellence.comment", "comment_required"), ("scores.impact.comment", "comment_required")]

    async def test_a_complete_review_is_submitted_and_published(self, client, session, world, ana):
        await put_scores(client, url(world), json=scores(excellence="4", impact=("2", "No market data")),
                         headers=ana)
        response = await client.post(url(world, "/submit"), headers=ana | {"Idempotency-Key": "submit-ana-0001"})
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "submitted" and body["submitted_at"] is not None
        assert response.headers["etag"] == '"3"'
        [event] = await events(session, world.proposal.id, "evaluation.review_submitted")
        assert event == {
            "proposal_id": str(world.proposal.id), "call_id": str(world.call.id), "reference": "P-SCORE-1",
            "assignment_id": str(world.assignment.id), "evaluator_id": str(world.evaluator.id), "total": "3.20",
            "passed": False, "submitted_at": event["submitted_at"],
        }
        replay = await client.post(url(world, "/submit"), headers=ana | {"Idempotency-Key": "submit-ana-0001"})
        assert replay.status_code == 200
        assert replay.headers["idempotent-replayed"] == "true"
        assert len(await events(session, world.proposal.id, "evaluation.review_submitted")) == 1

    async def test_a_submitted_review_is_final(self, client, world, ana):
        await put_scores(client, url(world), json=scores(excellence="4", impact="3"), headers=ana)
        assert (await client.post(url(world, "/submit"), headers=ana)).status_code == 200
        again = await client.post(url(world, "/submit"), headers=ana)
        assert again.status_code == 409
        assert again.json()["detail"] == "The review was already submitted."
        change = await put_scores(client, url(world), json=scores(excellence="1"), headers=ana)
        assert change.status_code == 409
        assert change.json()["detail"] == "The review was submitted; its scores can no longer change."
